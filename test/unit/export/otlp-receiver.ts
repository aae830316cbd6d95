// A local OTLP/HTTP receiver for tests: POST /v1/traces, JSON or protobuf, decoded with the official
// opentelemetry-proto definitions as the OpenTelemetry JS packages ship them, strictly (otlp-official.ts):
// a field the definitions do not have, or one written against OTLP JSON's rules, is a 400 naming it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeOtlpJson, decodeOtlpProtobuf, spansOf, type DecodedSpan } from './otlp-official';

export type { DecodedSpan };

export interface Receiver {
	url: string;
	spans: DecodedSpan[];
	contentTypes: string[];
	/** why a request was refused (400): empty when every request decoded */
	refusals: string[];
	close(): Promise<void>;
}

/** `answer` may replace the receiver's reply (an error status, a partial success). `cors`: the origin let in, or none. */
export async function startOtlpReceiver(options: { cors?: string; answer?: (res: ServerResponse) => boolean } = {}): Promise<Receiver> {
	const spans: DecodedSpan[] = [];
	const contentTypes: string[] = [];
	const refusals: string[] = [];
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
				const decoded = type.startsWith('application/x-protobuf') ? decodeOtlpProtobuf(body) : decodeOtlpJson(body.toString('utf8'));
				spans.push(...spansOf(decoded));
			} catch (e) {
				refusals.push(String((e as Error).message));
				res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 3, message: String((e as Error).message) }));
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/v1/traces`, spans, contentTypes, refusals, close: () => new Promise((r) => server.close(() => r())) };
}
