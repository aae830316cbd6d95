// One small program per protocol of the simulated world, each giving one trace across all of its
// services (the browser tests run every one). Plain modules: Node's test runner imports this list.
import type { PlaygroundExample } from '$lib/course';
import { EXAMPLE_ARGS, EXAMPLE_FILES } from '../example';
import { sqlExample } from './sql';
import { grpcExample } from './grpc';
import { amqpExample } from './amqp';
import { redisExample } from './redis';
import { proxyExample } from './proxy';
import { otelExample } from './otel';

export const PROTOCOL_EXAMPLES: PlaygroundExample[] = [
	{ id: 'http', title: 'HTTP: hello → formatter → publisher', files: EXAMPLE_FILES, args: EXAMPLE_ARGS },
	{ id: 'amqp', ...amqpExample },
	{ id: 'redis', ...redisExample },
	{ id: 'grpc', ...grpcExample },
	{ id: 'sql', ...sqlExample },
	{ id: 'proxy', ...proxyExample },
	{ id: 'otel', ...otelExample }
];
