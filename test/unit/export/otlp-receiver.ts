// A local OTLP/HTTP receiver for tests: POST /v1/traces, JSON or protobuf, decoded with the official
// opentelemetry-proto definitions as the OpenTelemetry JS packages ship them (protobufjs, generated).
// JSON follows OTLP's rules (hex ids, integer enums, lowerCamelCase): ids are turned into bytes and the
// object is checked against the ExportTraceServiceRequest message (verify) before fromObject.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);
const root = require('otlp-proto-definitions/build/src/generated/root.js');
const Request = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

export interface DecodedSpan {
	service: string;
	name: string;
	traceId: string;
	spanId: string;
	parentSpanId: string;
	kind: number;
}

const hexToBytes = (h: unknown) => (typeof h === 'string' && /^([0-9a-f]{2})*$/i.test(h) ? Buffer.from(h, 'hex') : h);

function fromJSON(v: { resourceSpans?: { scopeSpans?: { spans?: Record<string, unknown>[] }[] }[] }) {
	for (const rs of v.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) for (const k of ['traceId', 'spanId', 'parentSpanId']) if (k in s) s[k] = hexToBytes(s[k]);
	// OTLP JSON writes 64-bit integers as decimal strings, which protobufjs's verify does not take (its
	// fromObject does): verify a copy where they are numbers, after checking they are decimal
	const copy = JSON.parse(JSON.stringify(v), (k, x) => {
		if (/UnixNano$/.test(k)) {
			if (typeof x !== 'string' || !/^\d+$/.test(x)) throw new Error(`${k}: a decimal string expected, got ${JSON.stringify(x)}`);
			return Number(x);
		}
		return x;
	});
	for (const rs of copy.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) for (const k of ['traceId', 'spanId', 'parentSpanId']) if (k in s) s[k] = Buffer.from(s[k].data);
	const problem = Request.verify(copy);
	if (problem) throw new Error(problem);
	return Request.fromObject(v);
}

function spansOf(req: { resourceSpans: { resource?: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: { name: string; traceId: Uint8Array; spanId: Uint8Array; parentSpanId?: Uint8Array; kind: number }[] }[] }[] }): DecodedSpan[] {
	const out: DecodedSpan[] = [];
	for (const rs of req.resourceSpans) {
		const service = rs.resource?.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
		for (const ss of rs.scopeSpans) for (const s of ss.spans) out.push({ service, name: s.name, kind: s.kind, traceId: Buffer.from(s.traceId).toString('hex'), spanId: Buffer.from(s.spanId).toString('hex'), parentSpanId: Buffer.from(s.parentSpanId ?? []).toString('hex') });
	}
	return out;
}

export interface Receiver {
	url: string;
	spans: DecodedSpan[];
	contentTypes: string[];
	close(): Promise<void>;
}

/** `answer` may replace the receiver's reply (an error status, a partial success). `cors`: the origin let in, or none. */
export async function startOtlpReceiver(options: { cors?: string; answer?: (res: ServerResponse) => boolean } = {}): Promise<Receiver> {
	const spans: DecodedSpan[] = [];
	const contentTypes: string[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		if (options.cors) {
			res.setHeader('access-control-allow-origin', options.cors);
			res.setHeader('access-control-allow-headers', 'content-type');
			res.setHeader('access-control-allow-methods', 'POST');
		}
		if (req.method === 'OPTIONS') return res.writeHead(204).end();
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const type = String(req.headers['content-type'] ?? '');
			contentTypes.push(type);
			if (options.answer?.(res)) return;
			const body = Buffer.concat(chunks);
			try {
				const decoded = type.startsWith('application/x-protobuf') ? Request.decode(body) : fromJSON(JSON.parse(body.toString('utf8')));
				spans.push(...spansOf(decoded));
			} catch (e) {
				res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 3, message: String((e as Error).message) }));
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/v1/traces`, spans, contentTypes, close: () => new Promise((r) => server.close(() => r())) };
}
