// The playground's gRPC example, compiled and run as the browser runs it: three services, tracing
// interceptors written once, and one trace across all of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grpcExample } from '../../../../src/routes/playground/examples/grpc';
import { runWorld, setUpWorld, tearDownWorld } from '../../lessons/world';
import { typeErrors } from '../../lessons/typecheck';

beforeAll(setUpWorld);
afterAll(tearDownWorld);

const tag = (span: { tags: { key: string; value: unknown }[] }, key: string) => span.tags.find((t) => t.key === key)?.value;

describe('playground example: gRPC', () => {
	it('type-checks against the editor’s typings for tour/grpc', () => {
		expect(typeErrors({ grpc: grpcExample.files })).toEqual([]);
	});

	it('produces one trace through frontend → route → eta, with client/server spans per method', async () => {
		const r = await runWorld(grpcExample.files, { 'frontend.ts': 'frontend', 'route.ts': 'route', 'eta.ts': 'eta' }, grpcExample.args);
		expect(r.errors).toEqual([]);
		expect(r.console.filter((l) => !l.text.startsWith('Reporting span'))).toEqual([
			{ service: 'frontend', stream: 'out', text: 'Home → Work: 12 km, 30 min' },
			{ service: 'frontend', stream: 'out', text: 'Home → Mars: 5 NOT_FOUND: no route to Mars' }
		]);
		expect(r.traces).toHaveLength(1);
		const spans = r.traces[0].spans;
		const services = new Set(spans.map((s) => r.traces[0].processes[s.processID].serviceName));
		expect(services).toEqual(new Set(['frontend', 'route', 'eta']));
		const byId = new Map(spans.map((s) => [s.spanID, s]));
		const shape = spans
			.map((s) => {
				const parent = s.references[0] ? byId.get(s.references[0].spanID) : undefined;
				return `${r.traces[0].processes[s.processID].serviceName} ${s.operationName} ${tag(s, 'span.kind') ?? ''} ← ${parent?.operationName ?? 'root'}`;
			})
			.sort();
		expect(shape).toEqual(
			[
				'frontend plan-trips  ← root',
				'frontend /route.Route/Find client ← plan-trips',
				'frontend /route.Route/Find client ← plan-trips',
				'route /route.Route/Find server ← /route.Route/Find',
				'route /route.Route/Find server ← /route.Route/Find',
				'route /eta.ETA/Estimate client ← /route.Route/Find',
				'eta /eta.ETA/Estimate server ← /eta.ETA/Estimate'
			].sort()
		);
		for (const s of spans.filter((s) => s.operationName.startsWith('/'))) expect(tag(s, 'component')).toBe('gRPC');
		// NOT_FOUND: an error for the caller, not a server fault (otgrpc's rule)
		const failed = spans.filter((s) => tag(s, 'response_code') === 5);
		expect(failed.map((s) => [tag(s, 'span.kind'), tag(s, 'error') ?? false]).sort()).toEqual([
			['client', true],
			['server', false]
		]);
		expect(r.network.filter((n) => n.requestHeaders['content-type'] === 'application/grpc+json').map((n) => n.url)).toEqual(
			expect.arrayContaining(['http://route:50051/route.Route/Find', 'http://eta:50052/eta.ETA/Estimate'])
		);
	});
});
