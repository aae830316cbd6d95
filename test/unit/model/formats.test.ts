// The wrappings each format comes in, and Jaeger JSON out.
import { describe, it, expect } from 'vitest';
import { fromZipkin, parseTraceFile, toJaegerJSON, type Trace } from '../../../src/lib/model';
import { readFixture } from './fixtures';

const tutorial = () => JSON.parse(readFixture('jaeger-tutorial-multiple-services.json')) as { data: Trace[] };

describe('Jaeger JSON wrappings (as Jaeger UI accepts them)', () => {
	it('envelope, {data:{…}}, bare array, bare trace and JSON Lines give the same trace', () => {
		const [trace] = tutorial().data;
		const expected = parseTraceFile(JSON.stringify(tutorial())).traces;
		for (const text of [JSON.stringify({ data: trace }), JSON.stringify([trace]), JSON.stringify(trace), `${JSON.stringify(trace)}\n${JSON.stringify({ ...trace, traceID: 'second' })}\n`]) {
			const got = parseTraceFile(text);
			expect(got.format).toBe('jaeger-json');
			expect(got.traces[0]).toEqual(expected[0]);
		}
	});

	it('toJaegerJSON writes the jaeger-query envelope, and reads back to the same traces', () => {
		const traces = parseTraceFile(readFixture('jaeger-ui-genai-two-traces.json')).traces;
		const out = JSON.parse(JSON.stringify(toJaegerJSON(traces)));
		expect(Object.keys(out).sort()).toEqual(['data', 'errors', 'limit', 'offset', 'total']);
		expect(parseTraceFile(JSON.stringify(out)).traces).toEqual(traces);
	});
});

describe('Zipkin v2', () => {
	it('maps kind, endpoints, annotations and error tags', () => {
		const [t] = fromZipkin([
			{ traceId: '000000000000000a', id: '000000000000000b', kind: 'CLIENT', name: 'get', timestamp: 100, duration: 50, localEndpoint: { serviceName: 'front', ipv4: '10.0.0.1' }, remoteEndpoint: { serviceName: 'back', port: 80 }, annotations: [{ timestamp: 120, value: 'ws' }], tags: { error: '' } },
			{ traceId: '000000000000000a', id: '000000000000000b', kind: 'SERVER', name: 'get', timestamp: 110, duration: 30, localEndpoint: { serviceName: 'back' }, shared: true },
			{ traceId: '000000000000000a', id: '000000000000000c', parentId: '000000000000000b', name: 'db', timestamp: 115, duration: 5, localEndpoint: { serviceName: 'back' } }
		]);
		const [client, server, db] = t.spans;
		expect(client.tags).toEqual([{ key: 'error', type: 'bool', value: true }, { key: 'span.kind', type: 'string', value: 'client' }, { key: 'peer.service', type: 'string', value: 'back' }, { key: 'peer.port', type: 'int64', value: 80 }]);
		expect(client.logs).toEqual([{ timestamp: 120, fields: [{ key: 'event', type: 'string', value: 'ws' }] }]);
		expect(t.processes[client.processID]).toEqual({ serviceName: 'front', tags: [{ key: 'ip', type: 'string', value: '10.0.0.1' }] });
		// The shared server half is its own span under the client; work inside it hangs under it.
		expect(server.spanID).not.toBe(client.spanID);
		expect(server.references).toEqual([{ refType: 'CHILD_OF', traceID: '000000000000000a', spanID: '000000000000000b' }]);
		expect(db.references[0].spanID).toBe(server.spanID);
	});

	it('merges fragments of one incomplete span', () => {
		const [t] = fromZipkin([
			{ traceId: '1', id: '2', name: 'work', localEndpoint: { serviceName: 's' }, annotations: [{ timestamp: 9, value: 'x' }] },
			{ traceId: '1', id: '2', kind: 'SERVER', timestamp: 5, duration: 10, localEndpoint: { serviceName: 's' } }
		]);
		expect(t.spans).toHaveLength(1);
		expect(t.spans[0]).toMatchObject({ operationName: 'work', startTime: 5, duration: 10, logs: [{ timestamp: 9 }] });
	});
});
