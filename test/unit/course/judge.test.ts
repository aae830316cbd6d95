import { describe, expect, it } from 'vitest';
import { judgeRun, allPassed } from '$lib/course/judge';
import type { RunResult } from '$lib/runner';
import type { RunOutput } from '$lib/checks';

const result = (extra: Partial<RunResult> = {}): RunResult => ({
	ok: true,
	diagnostics: [],
	console: [{ service: 'hello', stream: 'out', text: 'Hello, Bryan!', time: 1 }],
	network: [],
	errors: [],
	services: [],
	timedOut: false,
	stopped: false,
	timings: { compileMs: 0, runMs: 0, flushMs: 0, totalMs: 0 },
	...extra
});

describe('judging a run for a step', () => {
	it('gives the check the run’s output, with the arguments as the program sees them', async () => {
		let seen: RunOutput | null = null;
		const items = await judgeRun({ result: result(), traces: [], args: 'Bryan "Bonjour tout"' }, async (o) => ((seen = o), [{ label: 'says hello', ok: true }]), 'en');
		expect(items).toEqual([{ label: 'says hello', ok: true }]);
		expect(seen!.args).toEqual(['Bryan', 'Bonjour tout']);
		expect(seen!.console).toHaveLength(1);
	});

	it('a compile error is the only item, and the check does not run', async () => {
		const diagnostics = [{ file: 'hello.ts', line: 3, column: 7, message: "Expected ';'", severity: 'error' as const }];
		let ran = false;
		const items = await judgeRun({ result: result({ ok: false, diagnostics }), traces: [], args: '' }, async () => ((ran = true), []), 'zh-CN');
		expect(ran).toBe(false);
		expect(items).toEqual([{ label: '代码编译通过', ok: false, hint: "hello.ts:3:7 Expected ';'" }]);
	});

	it('a compiler that could not load is the only item, saying why; the check does not run', async () => {
		let ran = false;
		const why = 'the download stalled: nothing arrived for 30 s. Check the connection, then Run again.';
		const items = await judgeRun({ result: result({ ok: false, console: [], compilerFailed: why }), traces: [], args: '' }, async () => ((ran = true), []), 'en');
		expect(ran).toBe(false);
		expect(items).toEqual([{ label: 'the code compiles', ok: false, hint: why }]);
	});

	it('a crash comes first, then what the check found', async () => {
		const errors = [{ service: 'formatter', where: 'request handler' as const, message: 'boom', stack: '', file: 'formatter.ts', line: 4, column: 2 }];
		const items = await judgeRun({ result: result({ ok: false, errors }), traces: [], args: '' }, async () => [{ label: 'a span', ok: false }], 'en');
		expect(items.map((i) => i.label)).toEqual(['every service ran without an error', 'a span']);
		expect(items[0].hint).toBe('formatter (request handler): boom — formatter.ts:4');
		expect(allPassed(items)).toBe(false);
		expect(allPassed([{ label: 'x', ok: true }])).toBe(true);
	});
});
