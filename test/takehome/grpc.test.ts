// Take it home with gRPC: chapter 6's interceptor step (its solution) exported, `npm install`ed (so
// @grpc/grpc-js from the registry) and run with `npm start`: the two services talk real gRPC over
// HTTP/2 on localhost, and their interceptors' spans reach a stand-in Jaeger collector as one trace,
// each server span a child of the client span that made the call.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { step } from '../unit/lessons/course';
import { startThriftReceiver } from './receiver';
import { exportAndInstall, run } from './exported';

const lesson = step('grpc-middleware/interceptors');
let dir = '';
let folder = '';

beforeAll(async () => {
	({ dir, folder } = await exportAndInstall('grpc-interceptors', 'Interceptors trace every method', lesson));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the exported gRPC project', () => {
	it('runs on @grpc/grpc-js: the answers, the NOT_FOUND, and one trace across frontend and customer', async () => {
		const receiver = await startThriftReceiver();
		try {
			const { code, out } = await run('npm', ['start'], folder, { JAEGER_ENDPOINT: receiver.url });
			expect(out).toContain("Rachel's Floral Designs is at 115,277");
			expect(out).toContain('customer 999: no customer 999');
			expect(out).toContain('2 customers in all');
			expect(code, out).toBe(0);
			expect(receiver.errors).toEqual([]);
			const spans = receiver.spans;
			expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['frontend', 'customer']));
			expect(new Set(spans.map((s) => s.traceId)).size, JSON.stringify(spans, null, 1)).toBe(1);
			const ops = (service: string) => spans.filter((s) => s.service === service).map((s) => s.operation).sort();
			expect(ops('customer')).toEqual(['/customer.Customers/Get', '/customer.Customers/Get', '/customer.Customers/List']);
			expect(ops('frontend')).toEqual(['/customer.Customers/Get', '/customer.Customers/Get', '/customer.Customers/List', 'show-customers']);
			for (const server of spans.filter((s) => s.service === 'customer')) {
				const client = spans.find((s) => s.spanId === server.parentSpanId);
				expect(client, server.operation).toMatchObject({ service: 'frontend', operation: server.operation });
			}
		} finally {
			await receiver.close();
		}
	});
});
