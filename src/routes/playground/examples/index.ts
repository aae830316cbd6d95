// The playground's Examples menu: one small program per protocol of the simulated world, each
// giving one trace across all its services.
import type { PlaygroundExample } from '$lib/course';
import { EXAMPLE_ARGS, EXAMPLE_FILES } from '../example';
import { sqlExample } from './sql';
import { grpcExample } from './grpc';
import { amqpExample } from './amqp';
import { redisExample } from './redis';
import { proxyExample } from './proxy';
import { hotrodExample } from './hotrod';
import { otelExample } from './otel';

export const EXAMPLES: PlaygroundExample[] = [
	{ id: 'http', title: 'HTTP: hello → formatter → publisher', files: EXAMPLE_FILES, args: EXAMPLE_ARGS },
	{ id: 'amqp', ...amqpExample },
	{ id: 'redis', ...redisExample },
	{ id: 'grpc', ...grpcExample },
	{ id: 'sql', ...sqlExample },
	{ id: 'proxy', ...proxyExample },
	{ id: 'hotrod', ...hotrodExample },
	{ id: 'otel', ...otelExample }
];
