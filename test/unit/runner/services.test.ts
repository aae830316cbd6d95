import { describe, expect, it } from 'vitest';
import { checkServices, pickClients, servicesFrom, servicesFromFiles } from '../../../src/lib/runner/services';

describe('which files are services', () => {
	it('playground: every top-level code file, named after it; folders hold shared modules', () => {
		const files = { 'hello.ts': '', 'formatter.ts': '', 'lib/util.ts': '', 'notes.md': '', 'types.d.ts': '', 'My_Service.js': '' };
		expect(servicesFromFiles(files)).toEqual([
			{ file: 'hello.ts', name: 'hello' },
			{ file: 'formatter.ts', name: 'formatter' },
			{ file: 'My_Service.js', name: 'my-service' }
		]);
	});

	it('tutorial: from front matter, in its order', () => {
		expect(servicesFrom({ 'hello.ts': 'hello-world', 'formatter.ts': 'formatter' })).toEqual([
			{ file: 'hello.ts', name: 'hello-world' },
			{ file: 'formatter.ts', name: 'formatter' }
		]);
	});

	it('clients: files exporting main, else the first service', () => {
		const specs = servicesFromFiles({ 'formatter.ts': '', 'hello.ts': '', 'publisher.ts': '' });
		expect(pickClients(specs, (f) => (f === 'hello.ts' ? ['main'] : [])).map((s) => s.name)).toEqual(['hello']);
		expect(pickClients(specs, () => []).map((s) => s.name)).toEqual(['formatter']);
	});

	it('rejects names the network cannot carry', () => {
		const files = { 'a.ts': '' };
		expect(checkServices([{ file: 'a.ts', name: 'jaeger-agent' }], files)).toEqual(["'jaeger-agent' is taken by the Jaeger backend."]);
		expect(checkServices([{ file: 'redis.ts', name: 'redis' }], { 'redis.ts': '' })).toEqual(["'redis' is taken by the simulated redis server: name the service after what it does."]);
		expect(checkServices([{ file: 'a.ts', name: 'a' }, { file: 'a.ts', name: 'a' }], files)[0]).toMatch(/both be service 'a'/);
		expect(checkServices([], files)).toEqual(['Nothing to run: add a top-level .ts file.']);
		expect(checkServices([{ file: 'b.ts', name: 'Bad Name' }], files)).toHaveLength(2);
	});
});
