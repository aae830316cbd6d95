// A stand-in for Jaeger's collector (POST /api/traces, jaeger.thrift in binary over HTTP — what
// jaeger-client's HTTPSender sends when JAEGER_ENDPOINT is set), decoding each batch with
// jaeger-client's own jaeger.thrift through thriftrw, the library jaeger-client encodes with.
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);
const { Thrift } = require('thriftrw') as { Thrift: new (o: object) => { Batch: { rw: { readFrom(b: Buffer, o: number): { err: Error | null; value: ThriftBatch } } } } };
const idl = join(dirname(require.resolve('jaeger-client/package.json')), 'dist/src/jaeger-idl/thrift/jaeger.thrift');
const jaegerThrift = new Thrift({ entryPoint: idl, allowOptionalArguments: true, allowFilesystemAccess: true });

interface ThriftBatch {
	process: { serviceName: string };
	spans: { traceIdLow: Buffer; traceIdHigh: Buffer; spanId: Buffer; parentSpanId: Buffer; operationName: string }[];
}

export interface ReceivedSpan {
	service: string;
	operation: string;
	traceId: string;
	spanId: string;
	parentSpanId: string;
}

const hex = (b: Buffer) => Buffer.from(b).toString('hex');

export async function startThriftReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; errors: string[]; close(): Promise<void> }> {
	const spans: ReceivedSpan[] = [];
	const errors: string[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			if (req.method !== 'POST' || req.url !== '/api/traces' || req.headers['content-type'] !== 'application/x-thrift') {
				errors.push(`unexpected ${req.method} ${req.url} ${req.headers['content-type']}`);
				return res.writeHead(400).end();
			}
			const { err, value } = jaegerThrift.Batch.rw.readFrom(Buffer.concat(chunks), 0);
			if (err) {
				errors.push(String(err));
				return res.writeHead(400).end(String(err));
			}
			for (const s of value.spans) {
				spans.push({ service: value.process.serviceName, operation: s.operationName, traceId: hex(s.traceIdHigh) + hex(s.traceIdLow), spanId: hex(s.spanId), parentSpanId: hex(s.parentSpanId) });
			}
			res.writeHead(202).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/api/traces`, spans, errors, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
