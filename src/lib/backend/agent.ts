// jaeger-agent :6831/:6832. Real clients send span batches as UDP packets: the sender never learns
// whether they arrived, so the agent answers 202 at once. Its UDP server puts each packet in a
// bounded queue of packets (processor.jaeger-compact.server-queue-size, 1000); processor workers
// take packets off it and forward their spans to the collector. A packet that finds the queue full
// is dropped whole — every span in it, of whichever traces — and counted, as
// TBufferedServer.Serve does. Each processing tick takes one packet per worker, so a burst that
// arrives faster than that overflows a small queue.
import type { SimHandler } from '$lib/sim';
import { json, parseJsonBody, parseUrl, text } from './http';
import { BoundedQueue } from './pipeline/bounded-queue';
import { DEFAULT_PIPELINE, type AgentConfig } from './pipeline/config';
import { realTimers, type Timers } from './timers';

export interface AgentOptions extends AgentConfig {
	/** ms between processing ticks (×10 when the agent is slow) */
	tickMs: number;
}

export const DEFAULT_AGENT_OPTIONS: AgentOptions = { ...DEFAULT_PIPELINE.agent, tickMs: 5 };

/** What a Jaeger client tells the agent about its own losses (jaeger.thrift ClientStats). */
export interface ClientDrops {
	'full-queue': number;
	'too-large': number;
	'send-failure': number;
}

export interface AgentStats {
	/** packets (POST bodies) that reached the UDP server */
	packets: number;
	packetsProcessed: number;
	/** packets refused by a full queue: jaeger_agent_thrift_udp_server_packets_dropped_total */
	packetsDropped: number;
	/** packets too large or not readable: their spans are lost */
	readErrors: number;
	/** spans in packets that were read */
	spansReceived: number;
	spansForwarded: number;
	/** spans inside dropped packets */
	spansDropped: number;
	/** packets waiting now: jaeger_agent_thrift_udp_server_queue_size */
	queued: number;
	queuedSpans: number;
	/** batches the collector refused (down or full): lost, as the agent does not keep them */
	forwardFailures: number;
	spansLostForwarding: number;
	/** packets sent while the agent was down: nobody counted them in Jaeger; the simulation does */
	lostWhileDown: number;
	/** the clients' own drops, latest report of each service added up */
	clientDrops: ClientDrops;
}

export interface Agent {
	handler: SimHandler;
	/** Forwards everything queued now; returns how many spans went to the collector. */
	flush(): number;
	stop(): void;
	start(): void;
	readonly running: boolean;
	readonly options: AgentOptions;
	stats(): AgentStats;
	resetStats(): void;
	dispose(): void;
}

type Packet = unknown[];

const zeroDrops = (): ClientDrops => ({ 'full-queue': 0, 'too-large': 0, 'send-failure': 0 });

/**
 * @param forward hands a batch to the collector; it throws when the collector cannot take it.
 * @param onChange called after anything a counter shows changed (the Backend panel's snapshots)
 */
export function createAgent(
	forward: (spans: unknown[]) => void,
	options: Partial<AgentOptions> = {},
	timers: Timers = realTimers,
	onChange: () => void = () => {}
): Agent {
	const opts: AgentOptions = { ...DEFAULT_AGENT_OPTIONS, ...options };
	const queue = new BoundedQueue<Packet>(opts.fault === 'full' ? 0 : opts.queueSize);
	let running = opts.fault !== 'down';
	let timer: unknown = null;
	let stats: AgentStats;
	let clientReports = new Map<string, ClientDrops>();
	const resetStats = () => {
		stats = {
			packets: 0,
			packetsProcessed: 0,
			packetsDropped: 0,
			readErrors: 0,
			spansReceived: 0,
			spansForwarded: 0,
			spansDropped: 0,
			queued: queue.length,
			queuedSpans: 0,
			forwardFailures: 0,
			spansLostForwarding: 0,
			lostWhileDown: 0,
			clientDrops: zeroDrops()
		};
		clientReports = new Map();
		queue.dropped = 0;
	};
	resetStats();

	function schedule() {
		if (timer === null && queue.length > 0) timer = timers.setTimeout(onTick, opts.fault === 'slow' ? opts.tickMs * 10 : opts.tickMs);
	}

	function onTick() {
		timer = null;
		process(opts.workers);
		schedule();
	}

	function process(maxPackets: number): number {
		let sent = 0;
		for (const packet of queue.take(maxPackets)) {
			stats.queuedSpans -= packet.length;
			stats.packetsProcessed++;
			try {
				forward(packet);
				stats.spansForwarded += packet.length;
				sent += packet.length;
			} catch {
				stats.forwardFailures++;
				stats.spansLostForwarding += packet.length;
			}
		}
		stats.queued = queue.length;
		if (sent > 0 || maxPackets > 0) onChange();
		return sent;
	}

	function noteClientStats(raw: unknown, spans: unknown[]) {
		if (typeof raw !== 'object' || raw === null) return;
		const r = raw as Record<string, unknown>;
		const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
		const first = spans[0] as { process?: { serviceName?: unknown } } | undefined;
		const service = typeof first?.process?.serviceName === 'string' ? first.process.serviceName : '';
		// cumulative per client, as jaeger.thrift's ClientStats are: the latest report replaces the last
		clientReports.set(service, { 'full-queue': n(r.fullQueueDroppedSpans), 'too-large': n(r.tooLargeDroppedSpans), 'send-failure': n(r.failedToEmitSpans) });
		if (clientReports.size > 1000) clientReports.delete(clientReports.keys().next().value as string);
		const sum = zeroDrops();
		for (const d of clientReports.values()) for (const k of Object.keys(sum) as (keyof ClientDrops)[]) sum[k] += d[k];
		stats.clientDrops = sum;
	}

	const handler: SimHandler = (req) => {
		const url = parseUrl(req);
		if (!url) return text(400, 'bad URL');
		if (req.method.toUpperCase() !== 'POST') return text(405, 'jaeger-agent takes span batches: POST {"spans": [...]}');
		if (!running) {
			stats.lostWhileDown++;
			onChange();
			return text(503, 'jaeger-agent is down');
		}
		stats.packets++;
		if (typeof req.body === 'string' && req.body.length > opts.maxPacketSize) {
			// the UDP read buffer holds maxPacketSize bytes: the rest is cut off and the packet cannot be decoded
			stats.readErrors++;
			onChange();
			return text(413, `packet of ${req.body.length} bytes is larger than the agent's ${opts.maxPacketSize}-byte buffer`);
		}
		const parsed = parseJsonBody(req.body);
		const spans = parsed.ok ? (parsed.value as { spans?: unknown } | null)?.spans : undefined;
		if (!parsed.ok || !Array.isArray(spans)) {
			stats.readErrors++;
			onChange();
			return text(400, parsed.ok ? 'expected a JSON body {"spans": [...]}' : parsed.message);
		}
		noteClientStats((parsed.value as { clientStats?: unknown }).clientStats, spans);
		stats.spansReceived += spans.length;
		if (queue.offer(spans)) {
			stats.queuedSpans += spans.length;
			stats.queued = queue.length;
			schedule();
		} else {
			stats.packetsDropped++;
			stats.spansDropped += spans.length;
		}
		onChange();
		return json(202, { accepted: true });
	};

	return {
		handler,
		flush: () => process(Number.MAX_SAFE_INTEGER),
		// A stopped agent is a dead process: what it held is lost along with what arrives later.
		stop() {
			running = false;
			stats.spansDropped += stats.queuedSpans;
			stats.queuedSpans = 0;
			queue.clear();
			stats.queued = 0;
			onChange();
		},
		start: () => void (running = true),
		get running() {
			return running;
		},
		options: opts,
		stats: () => structuredClone(stats),
		resetStats,
		dispose() {
			if (timer !== null) timers.clearTimeout(timer);
			timer = null;
		}
	};
}
