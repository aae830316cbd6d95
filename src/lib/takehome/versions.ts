// The npm packages the exported project installs, pinned: versions known to work together on Node 20
// (the take-home test installs exactly these).
export const NODE_DEPENDENCIES = {
	'jaeger-client': '3.19.0',
	opentracing: '0.14.7',
	tsx: '4.23.15'
} as const;

/** Added only when the learner's files import the module. */
export const WORLD_DEPENDENCIES = {
	amqp: { amqplib: '0.10.9' },
	redis: { redis: '4.7.0' },
	mysql: { mysql2: '3.24.6' },
	grpc: { '@grpc/grpc-js': '1.14.7' }
} as const;

/** Docker images of the world's servers, and of Jaeger. */
export const IMAGES = {
	jaeger: 'jaegertracing/jaeger:2.20.0',
	rabbitmq: 'rabbitmq:3.13-management',
	redis: 'redis:7.4',
	mysql: 'mysql:8.4',
	// v2: the course's traefik.yml is Traefik v2's (v3 dropped the Jaeger tracer for OpenTelemetry)
	traefik: 'traefik:v2.11'
} as const;
