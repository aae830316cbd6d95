import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { importedModules, nodeProject, projectInput, zipProject } from '$lib/takehome';
import { step } from '../lessons/course';

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

	it('RabbitMQ and Redis steps get amqplib/redis and their containers; gRPC steps are told it does not run', () => {
		expect(JSON.parse(project('messages/publish')['package.json']).dependencies.amqplib).toBeDefined();
		expect(project('messages/publish')['docker-compose.yml']).toContain('rabbitmq:');
		expect(project('messages/redis-queue')['docker-compose.yml']).toContain('6379:6379');
		expect(project('grpc-middleware/metadata')['README.md']).toContain('`tour/grpc` does not run here');
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
