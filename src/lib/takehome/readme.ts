// The exported project's README: the two commands first, then what runs where and what differs from
// the browser.
import type { ComposeNeeds } from './compose';

export interface ReadmeInput {
	title: string;
	args: string[];
	needs: ComposeNeeds;
	services: { file: string; name: string }[];
	clients: string[];
	grpc: boolean;
}

export function projectReadme(r: ReadmeInput): string {
	const servers = [needs(r.needs)].flat();
	const argsLine = r.args.length ? ` (arguments: \`${r.args.join(' ')}\`; \`npm start -- other words\` changes them)` : ' (`npm start -- words` passes arguments)';
	const lines = [
		`# ${r.title}`,
		'',
		'Exported from Trace Tour: the code you wrote in the browser, run by Node with the real',
		'`jaeger-client` and `opentracing` packages. Needs Node 20.6 or later and Docker.',
		'',
		'```sh',
		`docker compose up -d   # Jaeger${servers.length ? ', ' + servers.join(', ') : ''}`,
		'npm install && npm start',
		'```',
		'',
		`Then open Jaeger at http://localhost:16686 and find the trace${argsLine}.`,
		'',
		'## What runs',
		'',
		...r.services.map((s) => `- \`${s.file}\` as **${s.name}**${r.clients.includes(s.name) ? ' — the client: it starts once the others are up, and when it ends the others are stopped' : ' — started first'}`),
		'',
		'Your files are exactly as they were in the editor. They import `tour/*`, which here is the folder',
		'`tour/` (a local package): `tour/http` is a real HTTP server and Node\'s `fetch`; `tour/tracing` is',
		'`jaeger-client` with the tutorial\'s defaults (`initTracer(\'name\')`: const sampler, `logSpans`), plus',
		'`activateSpan`/`activeSpan` kept on Node\'s AsyncLocalStorage; `tour/process`, `tour/time` as in the',
		'course. Host names of the simulated world (`formatter`, `jaeger-agent`, `redis` …) mean this',
		'machine (`TOUR_HOST_<NAME>=address` moves one). Each service is its own Node process, so as in the',
		'browser only inject/extract carries a trace from one to the next.',
		'',
		'## Where the spans go',
		'',
		'jaeger-client\'s default: Thrift over UDP to the agent port on localhost:6832, which the Jaeger',
		'container publishes. Its environment variables work too, e.g.',
		'`JAEGER_ENDPOINT=http://localhost:14268/api/traces npm start` sends over HTTP instead.',
		'',
		'## What differs from the browser',
		'',
		'- Two services serving the same port cannot both run on one machine: give them different ports.',
		'- jaeger-client is the real (deprecated) library: no `traceparent` propagation, and the course\'s',
		'  extras beyond `propagation: \'b3\'`, `activateSpan` and `activeSpan` are not there.',
		'- `tour/amqp`, `tour/redis` and `tour/mysql` are amqplib, node-redis v4 and mysql2 themselves: the',
		'  course\'s clients have their shape, but a rarely used option may behave as the real library does.'
	];
	if (r.grpc) {
		lines.push(
			'- `tour/grpc` is `@grpc/grpc-js` (real HTTP/2, `grpc-status`, deadlines, metadata) with the course\'s',
			'  shape on top: `addService(name, methods)`, `listen(port)`, `client.call(method, request)` and the',
			'  course\'s two-function interceptors. Without `.proto` files the messages are **JSON**, registered',
			'  with JSON serializers in place of protobuf: these services talk to each other, but a client',
			'  generated from a `.proto` could not read them. Write a `.proto` to interoperate.'
		);
	}
	if (r.needs.traefik) {
		lines.push(
			'- Traefik runs in Docker (v2, as the course\'s): real Traefik reads its static and dynamic',
			'  configuration separately, so `traefik.yml` is split into `traefik/static.yml` and',
			'  `traefik/dynamic.yml` (your `traefik.yml` is unchanged); backends on your services reach this',
			'  machine as `host.docker.internal`. Change the split files, or edit `traefik.yml` in the course and',
			`  download again. It listens on ${r.needs.traefik.ports.map((p) => `localhost:${p}`).join(', ')}.`
		);
	}
	if (r.needs.mysql?.initFiles.length) lines.push(`- MySQL loads ${r.needs.mysql.initFiles.map((f) => `\`${f}\``).join(', ')} when its volume is first created: \`docker compose down -v\` starts over.`);
	return lines.join('\n') + '\n';
}

function needs(n: ComposeNeeds): string[] {
	return [...(n.rabbitmq ? ['RabbitMQ'] : []), ...(n.redis ? ['Redis'] : []), ...(n.mysql ? ['MySQL'] : []), ...(n.traefik ? ['Traefik'] : [])];
}
