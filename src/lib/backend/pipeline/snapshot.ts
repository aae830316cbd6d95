// What the Backend panel draws: each component of the pipeline with its state and counters, each
// counter with the Jaeger metric it stands for. Plain data, posted from the backend worker.
import type { AgentStats } from '../agent';
import type { CollectorStats } from '../collector';
import type { EsIndexInfo } from '../store/elasticsearch';
import type { Fault, PipelineConfig } from './config';
import type { KafkaStats } from './kafka';
import { METRICS } from './metrics';
import type { StorageStats } from './storage';

export type ComponentId = 'reporter' | 'agent' | 'collector' | 'kafka' | 'storage' | 'query';
/** received · dropped · queued · written, plus the loss points' own */
export type CounterId = 'received' | 'dropped' | 'queued' | 'written' | 'failed' | 'readErrors' | 'lost' | 'clientDropped' | 'requests' | 'capacity';

export interface Counter {
	id: CounterId;
	value: number;
	/** the Jaeger metric, or null for what only the simulation can see */
	metric: string | null;
	/** a loss: the panel marks it when above zero */
	loss?: boolean;
}

export interface ComponentSnapshot {
	id: ComponentId;
	/** host:port it answers on, if any */
	address: string | null;
	fault: Fault;
	counters: Counter[];
}

export interface PipelineSnapshot {
	/** increases with every snapshot of one backend */
	seq: number;
	components: ComponentSnapshot[];
	storageType: PipelineConfig['storage']['type'];
	indices: EsIndexInfo[];
}

export interface SnapshotInput {
	seq: number;
	config: PipelineConfig;
	agent: AgentStats;
	collector: CollectorStats;
	kafka: KafkaStats | null;
	storage: StorageStats;
	queryRequests: number;
}

const c = (id: CounterId, value: number, metric: string | null, loss = false): Counter => (loss ? { id, value, metric, loss } : { id, value, metric });

export function pipelineSnapshot(s: SnapshotInput): PipelineSnapshot {
	const { agent, collector, kafka, storage, config } = s;
	const clientDropped = agent.clientDrops['full-queue'] + agent.clientDrops['too-large'] + agent.clientDrops['send-failure'];
	const M = METRICS;
	const components: ComponentSnapshot[] = [
		{
			id: 'reporter',
			address: null,
			fault: 'none',
			// the clients' own drops, as they report them to the agent (jaeger.thrift ClientStats)
			counters: [c('clientDropped', clientDropped, M.reporter.clientDropped, true)]
		},
		{
			id: 'agent',
			address: 'jaeger-agent:6831',
			fault: config.agent.fault,
			counters: [
				c('received', agent.packets, M.agent.packetsProcessed),
				c('dropped', agent.packetsDropped, M.agent.packetsDropped, true),
				c('queued', agent.queued, M.agent.queueSize),
				c('capacity', config.agent.fault === 'full' ? 0 : config.agent.queueSize, null),
				c('readErrors', agent.readErrors, M.agent.readErrors, true),
				c('failed', agent.forwardFailures, M.agent.reporterFailures, true),
				c('lost', agent.lostWhileDown, null, true)
			]
		},
		{
			id: 'collector',
			address: 'jaeger-collector:14268',
			fault: config.collector.fault,
			counters: [
				c('received', collector.received, M.collector.received),
				c('dropped', collector.queueDropped, M.collector.dropped, true),
				c('queued', collector.queued, M.collector.queueLength),
				c('capacity', config.collector.fault === 'full' ? 0 : config.collector.queueSize, null),
				c('readErrors', collector.rejected, M.collector.rejected, true)
			]
		}
	];
	if (kafka)
		components.push({
			id: 'kafka',
			address: `kafka:9092 (${kafka.topic})`,
			fault: 'none',
			counters: [c('received', kafka.written, M.kafka.written), c('queued', kafka.lag, null), c('dropped', kafka.refused, null, true), c('written', kafka.stored, M.kafka.consumed)]
		});
	components.push(
		{
			id: 'storage',
			address: storage.type === 'elasticsearch' ? 'elasticsearch:9200' : null,
			fault: config.storage.fault,
			counters: [c('written', storage.written, `${M.collector.saved}{result="ok"}`), c('failed', storage.failed, M.storage.failed, true)]
		},
		{ id: 'query', address: 'jaeger-query:16686', fault: 'none', counters: [c('requests', s.queryRequests, M.query.requests)] }
	);
	return { seq: s.seq, components, storageType: storage.type, indices: storage.indices };
}
