// Buffers span records and hands them in batches to a sender (in the simulation: the path to the
// agent). Flushes every flushIntervalMs and whenever a batch is full; drops and counts spans when the
// queue is full (the sender is slower than the service), as jaeger-client does.
import type { SpanRecord } from '$lib/model';
import type { Logger } from '../logger';
import { nullLogger } from '../logger';
import type { JaegerSpan } from '../span';
import type { Reporter } from './reporter';

export type SpanSender = (records: SpanRecord[]) => Promise<void> | void;

export interface RemoteReporterOptions {
	/** default 1000 like jaeger-client */
	flushIntervalMs?: number;
	/** spans per sender call; default 100 */
	maxBatchSize?: number;
	/** spans buffered before new ones are dropped; default 10000 */
	maxQueueSize?: number;
	logger?: Logger;
}

export class RemoteReporter implements Reporter {
	private queue: SpanRecord[] = [];
	private timer: ReturnType<typeof setInterval> | null;
	/** the previous flush, so flushes never overlap and close() can wait for all of them */
	private inFlight: Promise<void> = Promise.resolve();
	private readonly maxBatchSize: number;
	private readonly maxQueueSize: number;
	private readonly logger: Logger;
	readonly stats = { reported: 0, sent: 0, dropped: 0, sendFailures: 0 };

	constructor(
		private readonly sender: SpanSender,
		options: RemoteReporterOptions = {}
	) {
		this.maxBatchSize = Math.max(1, options.maxBatchSize ?? 100);
		this.maxQueueSize = Math.max(1, options.maxQueueSize ?? 10_000);
		this.logger = options.logger ?? nullLogger;
		this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1000);
		(this.timer as { unref?: () => void }).unref?.();
	}

	get queued(): number {
		return this.queue.length;
	}

	report(span: JaegerSpan): void {
		this.stats.reported++;
		if (this.queue.length >= this.maxQueueSize) {
			this.stats.dropped++;
			return;
		}
		this.queue.push(span.toRecord());
		if (this.queue.length >= this.maxBatchSize) void this.flush();
	}

	/** Sends everything queued so far, in batches of maxBatchSize. Never rejects. */
	flush(): Promise<void> {
		if (this.queue.length === 0) return this.inFlight;
		const pending = this.queue;
		this.queue = [];
		this.inFlight = this.inFlight.then(async () => {
			for (let i = 0; i < pending.length; i += this.maxBatchSize) {
				const batch = pending.slice(i, i + this.maxBatchSize);
				try {
					await this.sender(batch);
					this.stats.sent += batch.length;
				} catch (err) {
					this.stats.sendFailures++;
					this.stats.dropped += batch.length;
					this.logger.error(`Failed to flush spans in reporter: ${err instanceof Error ? err.message : String(err)}`);
				}
			}
		});
		return this.inFlight;
	}

	/** Flushes what is queued, then stops the timer and calls back. */
	close(callback?: () => void): void {
		if (this.timer !== null) clearInterval(this.timer);
		this.timer = null;
		void this.flush().then(() => callback?.());
	}
}
