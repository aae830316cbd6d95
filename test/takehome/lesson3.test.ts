// Take it home, for real: lesson 3's last step (its solution) exported as a Node project, `npm install`ed
// from the registry and run with `npm start`; jaeger-client's HTTP sender (JAEGER_ENDPOINT) reports to
// a receiver standing in for Jaeger's collector. The spans must make one trace across the three
// services, each server span a child of the client span that called it.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { step } from '../unit/lessons/course';
import { startThriftReceiver } from './receiver';
import { exportAndInstall, run } from './exported';

const lesson = step('rpc/failed-call');
let dir = '';
let folder = '';

beforeAll(async () => {
	({ dir, folder } = await exportAndInstall('hello-rpc-failed-call', 'Tag a failed call', lesson));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the exported lesson-3 project', () => {
	it('keeps the learner files as they were', async () => {
		for (const [path, text] of Object.entries(lesson.solution)) expect(readFileSync(join(folder, path), 'utf8')).toBe(text);
	});

	it('runs with npm start and sends one trace across hello-world, formatter and publisher', async () => {
		const receiver = await startThriftReceiver();
		try {
			const { code, out } = await run('npm', ['start'], folder, { JAEGER_ENDPOINT: receiver.url });
			expect(out).toContain('could not greet Zoë: 500 Internal Server Error: the printer has no "ë"');
			expect(code, out).toBe(0);
			expect(receiver.errors).toEqual([]);
			const spans = receiver.spans;
			expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['hello-world', 'formatter', 'publisher']));
			expect(new Set(spans.map((s) => s.traceId)).size, JSON.stringify(spans, null, 1)).toBe(1);
			const byOp = (op: string) => {
				const s = spans.filter((x) => x.operation === op);
				expect(s, op).toHaveLength(1);
				return s[0];
			};
			const root = byOp('say-hello');
			expect(root.parentSpanId).toBe('0000000000000000');
			expect(byOp('formatString').parentSpanId).toBe(root.spanId);
			expect(byOp('printHello').parentSpanId).toBe(root.spanId);
			expect(byOp('format').parentSpanId).toBe(byOp('formatString').spanId);
			expect(byOp('publish').parentSpanId).toBe(byOp('printHello').spanId);
			expect(spans).toHaveLength(5);
		} finally {
			await receiver.close();
		}
	});
});
