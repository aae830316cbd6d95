// Take it home, for real: lesson 3's last step (its solution) exported as a Node project, `npm install`ed
// from the registry and run with `npm start`; jaeger-client's HTTP sender (JAEGER_ENDPOINT) reports to
// a receiver standing in for Jaeger's collector. The spans must make one trace across the three
// services, each server span a child of the client span that called it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeProject, projectInput, zipProject } from '$lib/takehome';
import { step } from '../unit/lessons/course';
import { startThriftReceiver } from './receiver';

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (out += c));
		child.on('error', reject);
		child.on('exit', (code) => resolve({ code: code ?? 1, out }));
	});
}

const dir = mkdtempSync(join(tmpdir(), 'takehome-'));
const lesson = step('rpc/failed-call');
let folder = '';

beforeAll(async () => {
	const input = projectInput({ name: 'hello-rpc-failed-call', title: 'Tag a failed call', files: lesson.solution, services: lesson.services, args: lesson.args });
	// through the zip, as the button gives it
	const zip = unzipSync(zipProject('hello-rpc-failed-call', nodeProject(input)));
	for (const [path, bytes] of Object.entries(zip)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), strFromU8(bytes));
	}
	folder = join(dir, 'hello-rpc-failed-call');
	const install = await run('npm', ['install', '--no-audit', '--no-fund'], folder);
	if (install.code !== 0) throw new Error(`npm install failed:\n${install.out}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the exported lesson-3 project', () => {
	it('keeps the learner files as they were', async () => {
		const { readFileSync } = await import('node:fs');
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
