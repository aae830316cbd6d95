// jaeger-agent :6831. Real clients send spans over UDP: the sender never learns whether they
// arrived. So the agent answers 202 at once and queues; when the queue is full, the agent is
// stopped or the collector is down long enough, spans are lost — and counted, which is what the
// architecture lesson shows. Batches go on to the collector every flush interval or as soon as
// `batchSize` spans are waiting.
import type { SimHandler } from '$lib/sim';
import { json, parseJsonBody, parseUrl, text } from './http';
import { realTimers, type Timers } from './timers';

export interface AgentOptions {
	/** Spans the agent holds while waiting to forward; more are dropped ('queue-full'). */
	queueSize: number;
	/** Forward as soon as this many spans are queued. */
	batchSize: number;
	/** Otherwise forward this long after the first queued span, ms. */
	flushIntervalMs: number;
}

export const DEFAULT_AGENT_OPTIONS: AgentOptions = { queueSize: 10_000, batchSize: 100, flushIntervalMs: 100 };

export type AgentDropReason = 'queue-full' | 'agent-stopped';

export interface AgentStats {
	/** packets (POST bodies) received, good or bad */
	batches: number;
	/** packets that were not JSON or had no `spans` array: their spans are lost uncounted */
	badBatches: number;
	received: number;
	forwarded: number;
	queued: number;
	dropped: number;
	droppedByReason: Record<AgentDropReason, number>;
	/** forward attempts refused by a stopped collector (the batch stays queued) */
	forwardFailures: number;
}

export interface Agent {
	handler: SimHandler;
	/** Forwards everything queued now; returns how many spans went to the collector. */
	flush(): number;
	stop(): void;
	start(): void;
	readonly running: boolean;
	stats(): AgentStats;
	resetStats(): void;
	dispose(): void;
}

/**
 * @param forward hands a batch to the collector; it throws when the collector cannot take it,
 *   and the batch then stays queued for the next flush.
 */
export function createAgent(forward: (spans: unknown[]) => void, options: Partial<AgentOptions> = {}, timers: Timers = realTimers): Agent {
	const opts = { ...DEFAULT_AGENT_OPTIONS, ...options };
	let queue: unknown[] = [];
	let running = true;
	let timer: unknown = null;
	let stats: AgentStats;
	const resetStats = () => {
		stats = {
			batches: 0,
			badBatches: 0,
			received: 0,
			forwarded: 0,
			queued: queue.length,
			dropped: 0,
			droppedByReason: { 'queue-full': 0, 'agent-stopped': 0 },
			forwardFailures: 0
		};
	};
	resetStats();

	function drop(reason: AgentDropReason, n: number) {
		stats.dropped += n;
		stats.droppedByReason[reason] += n;
	}

	function schedule() {
		if (timer === null && queue.length > 0) timer = timers.setTimeout(onTimer, opts.flushIntervalMs);
	}

	function onTimer() {
		timer = null;
		flush();
		schedule();
	}

	function flush(): number {
		let sent = 0;
		while (queue.length > 0) {
			const batch = queue.slice(0, opts.batchSize);
			try {
				forward(batch);
			} catch {
				stats.forwardFailures++;
				break;
			}
			queue = queue.slice(batch.length);
			sent += batch.length;
		}
		stats.forwarded += sent;
		stats.queued = queue.length;
		return sent;
	}

	function receive(spans: unknown[]) {
		stats.received += spans.length;
		if (!running) return drop('agent-stopped', spans.length);
		const room = Math.max(0, opts.queueSize - queue.length);
		const taken = spans.length <= room ? spans : spans.slice(0, room);
		for (const s of taken) queue.push(s);
		if (taken.length < spans.length) drop('queue-full', spans.length - taken.length);
		stats.queued = queue.length;
		if (queue.length >= opts.batchSize) flush();
		schedule();
	}

	const handler: SimHandler = (req) => {
		const url = parseUrl(req);
		if (!url) return text(400, 'bad URL');
		if (req.method.toUpperCase() !== 'POST') return text(405, 'jaeger-agent takes span batches: POST {"spans": [...]}');
		stats.batches++;
		const parsed = parseJsonBody(req.body);
		if (!parsed.ok) {
			stats.badBatches++;
			return text(400, parsed.message);
		}
		const spans = (parsed.value as { spans?: unknown } | null)?.spans;
		if (!Array.isArray(spans)) {
			stats.badBatches++;
			return text(400, 'expected a JSON body {"spans": [...]}');
		}
		receive(spans);
		return json(202, { accepted: true });
	};

	return {
		handler,
		flush,
		// A stopped agent is a dead process: what it held is lost along with what arrives later.
		stop() {
			running = false;
			drop('agent-stopped', queue.length);
			queue = [];
			stats.queued = 0;
		},
		start: () => void (running = true),
		get running() {
			return running;
		},
		stats: () => structuredClone(stats),
		resetStats,
		dispose() {
			if (timer !== null) timers.clearTimeout(timer);
			timer = null;
		}
	};
}
