import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { importedModules, nodeProject, projectInput, zipProject } from '$lib/takehome';
import { parse } from 'yaml';
import { step } from '../lessons/course';
import { traefikFiles } from '../../../src/lib/takehome/traefik';

const project = (id: string) => {
	const s = step(id);
	return nodeProject(projectInput({ name: id.replace('/', '-'), title: 'T', files: s.solution, services: s.services, args: s.args }));
};

describe('nodeProject', () => {
	it('lesson 3: learner files unchanged, the layer, package.json with jaeger-client and opentracing, Jaeger only', () => {
		const files = project('rpc/failed-call');
		expect(Object.keys(files).sort()).toEqual(
			['README.md', 'docker-compose.yml', 'formatter.ts', 'hello.ts', 'package.json', 'publisher.ts', 'tsconfig.json', 'tour/amqp.js', 'tour/grpc.js', 'tour/hosts.js', 'tour/http.js', 'tour/lifecycle.js', 'tour/mysql.js', 'tour/package.json', 'tour/process.js', 'tour/project.json', 'tour/redis.js', 'tour/run-service.js', 'tour/start.js', 'tour/time.js', 'tour/tracing.js'].sort()
		);
		expect(files['hello.ts']).toBe(step('rpc/failed-call').solution['hello.ts']);
		const pkg = JSON.parse(files['package.json']);
		expect(pkg.dependencies).toMatchObject({ 'jaeger-client': '3.19.0', opentracing: '0.14.7', tour: 'file:./tour' });
		expect(pkg.dependencies.amqplib).toBeUndefined();
		expect(files['docker-compose.yml']).toContain('jaegertracing/jaeger:');
		expect(files['docker-compose.yml']).not.toContain('redis');
		expect(JSON.parse(files['tour/project.json'])).toMatchObject({ clients: ['hello'], args: ['Zoë'] });
		expect(files['README.md']).toContain('docker compose up -d');
		expect(files['README.md']).toContain('npm install && npm start');
	});

	it('a step using MySQL gets mysql2, a mysql service loaded with data.sql and the code\'s credentials', () => {
		const files = project('databases-failures/sql-span');
		expect(JSON.parse(files['package.json']).dependencies.mysql2).toBeDefined();
		const compose = files['docker-compose.yml'];
		expect(compose).toContain('MYSQL_DATABASE: "bookshop"');
		expect(compose).toContain('MYSQL_USER: "shop"');
		expect(compose).toContain('./data.sql:/docker-entrypoint-initdb.d/01-data.sql:ro');
	});

	it('RabbitMQ and Redis steps get amqplib/redis and their containers', () => {
		expect(JSON.parse(project('messages/publish')['package.json']).dependencies.amqplib).toBeDefined();
		expect(project('messages/publish')['docker-compose.yml']).toContain('rabbitmq:');
		expect(project('messages/redis-queue')['docker-compose.yml']).toContain('6379:6379');
	});

	it('gRPC steps get @grpc/grpc-js, pinned, and a README that says the messages are JSON', () => {
		const files = project('grpc-middleware/interceptors');
		expect(JSON.parse(files['package.json']).dependencies).toMatchObject({ '@grpc/grpc-js': '1.14.7', 'jaeger-client': '3.19.0' });
		expect(files['README.md']).toContain('`tour/grpc` is `@grpc/grpc-js`');
		expect(files['README.md']).toContain('the messages are **JSON**');
		expect(files['tour/grpc.js']).toContain("from '@grpc/grpc-js'");
		// no gRPC server in Docker: the services are the project's own
		expect(Object.keys(parse(files['docker-compose.yml']).services)).toEqual(['jaeger']);
		expect(JSON.parse(project('rpc/failed-call')['package.json']).dependencies['@grpc/grpc-js']).toBeUndefined();
	});

	it('a step with traefik.yml gets a Traefik v2 container: the file split into static and dynamic halves, backends on the host', () => {
		const files = project('grpc-middleware/ingress');
		expect(files['traefik.yml']).toBe(step('grpc-middleware/ingress').solution['traefik.yml']);
		const compose = parse(files['docker-compose.yml']);
		expect(Object.keys(compose.services)).toEqual(['jaeger', 'traefik']);
		expect(compose.services.traefik).toMatchObject({
			image: 'traefik:v2.11',
			command: ['--configFile=/etc/traefik/static.yml'],
			ports: ['80:80'],
			volumes: ['./traefik/static.yml:/etc/traefik/static.yml:ro', './traefik/dynamic.yml:/etc/traefik/dynamic.yml:ro'],
			extra_hosts: ['host.docker.internal:host-gateway']
		});
		expect(compose.services.jaeger.networks.default.aliases).toEqual(['jaeger-agent', 'jaeger-collector', 'jaeger-query']);
		const staticPart = parse(files['traefik/static.yml']);
		expect(Object.keys(staticPart).sort()).toEqual(['entryPoints', 'providers', 'tracing']);
		expect(staticPart.providers).toEqual({ file: { filename: '/etc/traefik/dynamic.yml' } });
		expect(staticPart.tracing.jaeger.localAgentHostPort).toBe('jaeger-agent:6831');
		const dynamicPart = parse(files['traefik/dynamic.yml']);
		expect(Object.keys(dynamicPart)).toEqual(['http']);
		expect(dynamicPart.http.services.frontend.loadBalancer.servers).toEqual([{ url: 'http://host.docker.internal:8080' }]);
		expect(dynamicPart.http.routers.shop).toEqual({ rule: 'PathPrefix(`/`)', service: 'frontend' });
		expect(JSON.parse(files['tour/project.json']).worldHosts).toContain('traefik');
		expect(files['README.md']).toContain('Traefik');
		expect(files['README.md']).toContain('localhost:80');
		expect(project('grpc-middleware/http-middleware')['traefik/static.yml']).toBeUndefined();
	});
});

describe('traefikFiles', () => {
	it('keeps hosts that are not the project\'s services, fills Traefik v2\'s default entry point, keeps other providers', () => {
		const out = traefikFiles('http:\n  services:\n    a:\n      loadBalancer:\n        servers:\n          - url: "http://api:8080/"\n          - url: "http://example.com:9000"\nproviders:\n  docker: {}\n', ['api']);
		expect(out!.ports).toEqual([80]);
		expect(parse(out!.dynamic).http.services.a.loadBalancer.servers).toEqual([{ url: 'http://host.docker.internal:8080/' }, { url: 'http://example.com:9000' }]);
		const s = parse(out!.static);
		expect(s.entryPoints).toEqual({ http: { address: ':80' } });
		expect(s.providers).toEqual({ docker: {}, file: { filename: '/etc/traefik/dynamic.yml' } });
		expect(s.tracing).toBeUndefined();
	});

	it('publishes every entry point\'s port, keeps a tracing agent that was set, and refuses what is not a mapping', () => {
		const out = traefikFiles("entryPoints:\n  web: { address: ':8000' }\n  admin: { address: '127.0.0.1:9000/tcp' }\ntracing:\n  jaeger:\n    localAgentHostPort: other:6831\n", []);
		expect(out!.ports).toEqual([8000, 9000]);
		expect(parse(out!.static).tracing.jaeger.localAgentHostPort).toBe('other:6831');
		expect(traefikFiles('- a\n- b', [])).toBeNull();
		expect(traefikFiles('a: [', [])).toBeNull();
	});

	it('finds tour/* imports and jaeger-client as tracing', () => {
		expect([...importedModules({ 'a.ts': "import { serve } from 'tour/http';\nimport x from 'jaeger-client'" })].sort()).toEqual(['http', 'tracing']);
	});

	it('the playground: every top-level file a service, clients by main, args without the program name', () => {
		const input = projectInput({ name: 'p', title: 'P', files: { 'api.ts': "serve(1, () => '')", 'cli.ts': 'export async function main() {}' }, args: 'cli a "b c"' });
		expect(input.clients).toEqual(['cli']);
		expect(input.args).toEqual(['a', 'b c']);
	});
});

describe('zipProject', () => {
	it('puts every file under the folder, bytes as given', () => {
		const zip = unzipSync(zipProject('proj', { 'a.ts': 'x = "é"', 'tour/b.js': 'y' }));
		expect(Object.keys(zip).sort()).toEqual(['proj/a.ts', 'proj/tour/b.js']);
		expect(strFromU8(zip['proj/a.ts'])).toBe('x = "é"');
	});
});
