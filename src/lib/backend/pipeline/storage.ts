// The storage the collector (or the ingester) writes to: the memory store, or the
// Elasticsearch-like store in front of it, with an injected fault. Down and full refuse writes
// (Jaeger logs "Failed to save span" and counts saved_by_svc{result="err"}); slow makes the
// collector's workers wait, so its queue fills.
import type { SpanDownstream } from '../collector';
import { ElasticsearchStore, type EsIndexInfo } from '../store/elasticsearch';
import type { MemoryStore } from '../store/memory-store';
import type { StorageConfig } from './config';

export interface StorageStats {
	type: StorageConfig['type'];
	written: number;
	failed: number;
	/** the Elasticsearch indices and their document counts (empty for memory) */
	indices: EsIndexInfo[];
}

export interface Storage {
	downstream: SpanDownstream;
	/** null unless storage.type is elasticsearch */
	es: ElasticsearchStore | null;
	stats(): StorageStats;
	resetStats(): void;
}

export function createStorage(config: StorageConfig, store: MemoryStore): Storage {
	const es = config.type === 'elasticsearch' ? new ElasticsearchStore(store, config.indexPrefix) : null;
	if (es) es.fault = config.fault;
	let written = 0;
	let failed = 0;
	const refuses = config.fault === 'down' || config.fault === 'full';
	return {
		es,
		downstream: {
			slow: config.fault === 'slow',
			save(r) {
				if (refuses) {
					failed++;
					return 'failed';
				}
				const res = es ? es.write(r) : store.write(r);
				if (res === 'stored') written++;
				return res;
			}
		},
		stats: () => ({ type: config.type, written, failed, indices: es ? es.list() : [] }),
		resetStats() {
			written = 0;
			failed = 0;
		}
	};
}
