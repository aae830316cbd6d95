import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TraceLibrary } from '../../../src/lib/traceview/library';
import { TraceImportError } from '../../../src/lib/model';
import { fixtureDir } from '../model/fixtures';

const read = (f: string) => readFileSync(path.join(fixtureDir, f), 'utf8');

describe('TraceLibrary: imported files searchable through the in-page backend', () => {
	it('multi-trace files list each trace with its name and span count', () => {
		const lib = new TraceLibrary();
		const f = lib.importText('two.json', read('jaeger-ui-genai-two-traces.json'));
		expect(f.format).toBe('jaeger-json');
		expect(f.traces.map((t) => t.spans)).toEqual([5, 1]);
		expect(f.traces.every((t) => t.name.includes(': '))).toBe(true);
	});
	it('search, operations and dependencies after ingest (in slices)', async () => {
		const lib = new TraceLibrary();
		const f = lib.importText('hotrod.json', read('otlp-apiv3-hotrod-getTrace-response.json'));
		let yields = 0;
		await lib.ingest(f, 7, async () => void yields++);
		expect(yields).toBe(Math.floor(40 / 7));
		const services = await lib.client.getServices();
		expect(services).toEqual(expect.arrayContaining(['frontend', 'customer', 'driver', 'route', 'mysql', 'redis-manual']));
		const found = await lib.client.findTraces({ service: 'redis-manual', tags: 'error=true' });
		expect(found).toHaveLength(1);
		expect(found[0].spans).toHaveLength(40);
		expect(await lib.client.findTraces({ service: 'mysql', minDuration: '10s' })).toHaveLength(0);
		const deps = await lib.client.getDependencies(lib.dependencyWindow());
		expect(deps.find((d) => d.parent === 'frontend' && d.child === 'customer')?.callCount).toBeGreaterThan(0);
		expect(lib.get(f.traces[0].trace.traceID)).toBe(f.traces[0].trace);
	});
	it('a broken file throws a TraceImportError and adds nothing', () => {
		const lib = new TraceLibrary();
		expect(() => lib.importText('x.json', '{"nope": 1')).toThrow(TraceImportError);
		expect(lib.files).toHaveLength(0);
	});
});
