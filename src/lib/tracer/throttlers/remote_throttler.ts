// Debug-span credits from the agent, as jaeger-client's RemoteThrottler gets them:
// `GET http://<agent>:5778/credits?service=S&uuid=U&operations=a&operations=b` answers
// `{"balances":[{"operation":"a","balance":2}, …]}`, and each balance is *added* to that operation's
// credits. A debug span spends one credit. An operation seen for the first time has none (it is
// denied) and is asked about at the next poll. Polls start after `initialDelayMs` and repeat every
// `refreshIntervalMs` (5 s each, as in jaeger-client); only operations already seen are asked about.
import type { Process } from '$lib/model';
import { CLIENT_UUID_TAG } from '../constants';
import { nullLogger, type Logger } from '../logger';
import type { FetchLike } from '../samplers/remote_sampler';
import type { Throttler } from './throttler';

export interface RemoteThrottlerOptions {
	/** full endpoint URL; default `http://${host}:${port}/credits` */
	creditsServerURL?: string;
	/** default 'jaeger-agent' (the simulated agent) */
	host?: string;
	/** default 5778 */
	port?: number;
	fetch?: FetchLike;
	/** default 5000; 0 = never poll (call refresh() yourself) */
	refreshIntervalMs?: number;
	/** delay before the first poll; default 5000 */
	initialDelayMs?: number;
	logger?: Logger;
	/** called after each poll whose answer was applied */
	onCreditsUpdate?: (throttler: RemoteThrottler) => void;
}

export const DEFAULT_THROTTLER_REFRESH_INTERVAL_MS = 5000;
export const DEFAULT_THROTTLER_INITIAL_DELAY_MS = 5000;
const UNIT_CREDIT = 1;

interface CreditResponse {
	balances?: { operation?: unknown; balance?: unknown }[];
}

export class RemoteThrottler implements Throttler {
	private readonly credits = new Map<string, number>();
	private uuid = '';
	private closed = false;
	private delayTimer: ReturnType<typeof setTimeout> | null = null;
	private timer: ReturnType<typeof setInterval> | null = null;
	private readonly base: string;
	private readonly fetchFn: FetchLike | undefined;
	private readonly logger: Logger;
	/** for tests and the lessons: denials and poll outcomes */
	readonly stats = { throttled: 0, updates: 0, updateFailures: 0 };

	constructor(
		readonly serviceName: string,
		private readonly options: RemoteThrottlerOptions = {}
	) {
		this.base = options.creditsServerURL ?? `http://${options.host ?? 'jaeger-agent'}:${options.port ?? 5778}/credits`;
		this.fetchFn = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
		this.logger = options.logger ?? nullLogger;
		const interval = options.refreshIntervalMs ?? DEFAULT_THROTTLER_REFRESH_INTERVAL_MS;
		if (interval > 0) {
			this.delayTimer = setTimeout(() => {
				this.delayTimer = null;
				if (this.closed) return;
				void this.refresh();
				this.timer = setInterval(() => void this.refresh(), interval);
				(this.timer as { unref?: () => void }).unref?.();
			}, options.initialDelayMs ?? DEFAULT_THROTTLER_INITIAL_DELAY_MS);
			(this.delayTimer as { unref?: () => void }).unref?.();
		}
	}

	setProcess(process: Process): void {
		const tag = process.tags.find((t) => t.key === CLIENT_UUID_TAG);
		this.uuid = tag === undefined ? '' : String(tag.value);
	}

	isAllowed(operation: string): boolean {
		const balance = this.credits.get(operation);
		if (balance === undefined) this.credits.set(operation, 0); // ask for it at the next poll
		if (balance === undefined || balance < UNIT_CREDIT) {
			this.stats.throttled++;
			return false;
		}
		this.credits.set(operation, balance - UNIT_CREDIT);
		return true;
	}

	/** Credits left for an operation (undefined: never asked for). */
	creditsFor(operation: string): number | undefined {
		return this.credits.get(operation);
	}

	/** Polls once for every operation seen so far; never rejects (failures are logged and counted). */
	async refresh(): Promise<void> {
		if (this.closed || this.fetchFn === undefined) return;
		if (this.uuid === '') {
			this.logger.error('UUID must be set to fetch credits');
			return;
		}
		if (this.credits.size === 0) return;
		const ops = [...this.credits.keys()].map((op) => `operations=${encodeURIComponent(op)}`).join('&');
		const url = `${this.base}${this.base.includes('?') ? '&' : '?'}service=${encodeURIComponent(this.serviceName)}&uuid=${encodeURIComponent(this.uuid)}&${ops}`;
		let body: string;
		try {
			const res = await this.fetchFn(url);
			if (res.ok === false) throw new Error(`HTTP ${res.status ?? '?'}`);
			body = await res.text();
		} catch (err) {
			this.fail(`Error in fetching credits: ${err instanceof Error ? err.message : String(err)}.`);
			return;
		}
		if (this.closed) return;
		let parsed: CreditResponse;
		try {
			parsed = JSON.parse(body) as CreditResponse;
			if (parsed === null || typeof parsed !== 'object' || !Array.isArray(parsed.balances)) throw new Error(`Malformed response: ${body}`);
		} catch (err) {
			this.fail(`Error in parsing credit response: ${err instanceof Error ? err.message : String(err)}.`);
			return;
		}
		for (const b of parsed.balances) {
			if (b === null || typeof b !== 'object' || typeof b.operation !== 'string') continue;
			if (typeof b.balance !== 'number' || !Number.isFinite(b.balance) || b.balance < 0) continue;
			this.credits.set(b.operation, (this.credits.get(b.operation) ?? 0) + b.balance);
		}
		this.stats.updates++;
		this.options.onCreditsUpdate?.(this);
	}

	private fail(message: string): void {
		this.stats.updateFailures++;
		this.logger.error(message);
	}

	close(callback?: () => void): void {
		this.closed = true;
		if (this.delayTimer !== null) clearTimeout(this.delayTimer);
		if (this.timer !== null) clearInterval(this.timer);
		this.delayTimer = this.timer = null;
		callback?.();
	}
}
