// The Kafka path: the collector writes spans to a topic (a buffer that absorbs spikes) and
// jaeger-ingester reads them off and writes them to storage at its own pace. Here the topic is a
// bounded list of messages (one span each) and the ingester a timer taking `ingesterRate` per tick.
import type { SpanRecord } from '../../model/index';
import type { SpanDownstream } from '../collector';
import { realTimers, type Timers } from '../timers';
import { BoundedQueue } from './bounded-queue';
import type { KafkaConfig } from './config';

export interface KafkaStats {
	topic: string;
	/** messages produced */
	written: number;
	/** refused: the topic was at capacity */
	refused: number;
	/** waiting for the ingester (consumer lag) */
	lag: number;
	consumed: number;
	/** written to storage by the ingester */
	stored: number;
	failed: number;
}

export interface KafkaPath {
	/** what the collector writes to */
	producer: SpanDownstream;
	stats(): KafkaStats;
	resetStats(): void;
	/** the ingester takes everything now */
	flush(): void;
	dispose(): void;
}

export function createKafkaPath(config: KafkaConfig, storage: SpanDownstream, timers: Timers = realTimers, onChange: () => void = () => {}, tickMs = 10): KafkaPath {
	const topic = new BoundedQueue<SpanRecord>(config.capacity);
	let timer: unknown = null;
	let stats: KafkaStats;
	const resetStats = () => {
		stats = { topic: config.topic, written: 0, refused: 0, lag: topic.length, consumed: 0, stored: 0, failed: 0 };
	};
	resetStats();

	function consume(n: number) {
		for (const r of topic.take(n)) {
			stats.consumed++;
			const res = storage.save(r);
			if (res === 'stored') stats.stored++;
			else stats.failed++;
		}
		stats.lag = topic.length;
		onChange();
	}

	function schedule() {
		if (timer === null && topic.length > 0)
			timer = timers.setTimeout(
				() => {
					timer = null;
					consume(config.ingesterRate);
					schedule();
				},
				storage.slow ? tickMs * 10 : tickMs
			);
	}

	return {
		producer: {
			slow: false,
			save(r) {
				if (!topic.offer(r)) {
					stats.refused++;
					return 'failed';
				}
				stats.written++;
				stats.lag = topic.length;
				schedule();
				// the span is safely in Kafka: for the collector this write succeeded
				return 'stored';
			}
		},
		stats: () => ({ ...stats }),
		resetStats,
		flush: () => consume(Number.MAX_SAFE_INTEGER),
		dispose() {
			if (timer !== null) timers.clearTimeout(timer);
			timer = null;
		}
	};
}
