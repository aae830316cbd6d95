import { afterAll, describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild-wasm';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, type EsbuildLike } from '../../../src/lib/runner/compile/compile';
import { SourceMap } from '../../../src/lib/runner/sourcemap/source-map';
import { mapError } from '../../../src/lib/runner/sourcemap/stack';
import { LEARNER_NS } from '../../../src/lib/runner/compile/plugin';

const eb = esbuild as unknown as EsbuildLike;
const dir = mkdtempSync(join(tmpdir(), 'tour-compile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a bundle as the service worker would: runtime on globalThis, bundle imported as a module. */
async function load(code: string, runtime: Record<string, unknown>) {
	(globalThis as Record<string, unknown>).__tour_runtime = runtime;
	const file = join(dir, `b${Math.random().toString(36).slice(2)}.mjs`);
	// without the map comment, so the stack we map is the raw one (vitest would map it for us otherwise)
	writeFileSync(file, code.replace(/\/\/# sourceMappingURL=.*$/m, ''));
	// vitest loads the module by path, so stack frames name the path, not the file:// URL
	return { url: file, mod: await import(pathToFileURL(file).href) };
}

const globals = { setTimeout, clearTimeout, setInterval, clearInterval, fetch: () => 'sim fetch', process: { argv: ['node', 'hello', 'Bryan'] } };

describe('compile core (esbuild-wasm, Node API)', () => {
	it('bundles one module per service, resolving relative imports and runtime modules', async () => {
		const r = await compile(eb, {
			files: {
				'hello.ts': `import { greet } from './lib/greet';\nimport { sleep } from 'tour/time';\nexport async function main(): Promise<string> { await sleep(1); return greet(process.argv[2]) + ' ' + fetch('x'); }`,
				'formatter.ts': `import { serve } from 'tour/http';\nimport { greet } from './lib/greet.js';\nserve(8081, (req) => greet(req.query.helloTo));`,
				'lib/greet.ts': `export const greet = (n: string): string => \`Hello, \${n}!\`;`
			},
			entries: ['hello.ts', 'formatter.ts']
		});
		if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
		expect(Object.keys(r.bundles).sort()).toEqual(['formatter.ts', 'hello.ts']);
		expect(r.bundles['hello.ts'].exports).toEqual(['main']);
		expect(r.bundles['formatter.ts'].exports).toEqual([]);
		// async lowered to generators (es2016): the tracer's patched Promise.prototype.then sees every await
		expect(r.bundles['hello.ts'].code).not.toMatch(/\basync function\b/);
		expect(r.bundles['hello.ts'].code).toMatch(/function\*/);

		const { mod } = await load(r.bundles['hello.ts'].code, {
			'tour/time': { sleep: (ms: number) => new Promise((res) => setTimeout(res, ms)) },
			globals
		});
		expect(await mod.main()).toBe('Hello, Bryan! sim fetch');

		let served: [number, (req: unknown) => string] | null = null;
		await load(r.bundles['formatter.ts'].code, { 'tour/http': { serve: (p: number, h: (req: unknown) => string) => (served = [p, h]) }, globals });
		expect(served![0]).toBe(8081);
		expect(served![1]({ query: { helloTo: 'Ana' } })).toBe('Hello, Ana!');
	});

	it('reports syntax errors with file, 1-based line and column', async () => {
		const r = await compile(eb, { files: { 'hello.ts': 'const a = 1;\nconst b = ;\n' }, entries: ['hello.ts'] });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.diagnostics[0]).toMatchObject({ file: 'hello.ts', line: 2, column: 11, severity: 'error' });
		expect(r.diagnostics[0].message).toMatch(/Unexpected ";"/);
	});

	it('names an unknown module at its import, and a missing relative file with its importer', async () => {
		const r = await compile(eb, {
			files: { 'hello.ts': `import _ from 'lodash';\nimport { x } from './nope';\nconsole.log(_, x);` },
			entries: ['hello.ts']
		});
		if (r.ok) throw new Error('expected errors');
		const msgs = r.diagnostics.map((d) => [d.file, d.line, d.column, d.message]);
		expect(msgs[0]).toEqual(['hello.ts', 1, 15, expect.stringMatching(/^Cannot find module 'lodash' \(Modules available here: opentracing, tour\/tracing/)]);
		expect(msgs[1]).toEqual(['hello.ts', 2, 19, "Cannot find module './nope' from 'hello.ts'"]);
	});

	it('explains top-level await instead of esbuild’s target message', async () => {
		const r = await compile(eb, { files: { 'hello.ts': `await Promise.resolve(1);\nexport {}` }, entries: ['hello.ts'] });
		if (r.ok) throw new Error('expected an error');
		expect(r.diagnostics[0].message).toMatch(/export async function main/);
		expect(r.diagnostics[0].line).toBe(1);
	});

	it('does not let an import escape the project root, and names a missing entry', async () => {
		const r = await compile(eb, { files: { 'hello.ts': `import '../../etc/passwd';` }, entries: ['hello.ts', 'gone.ts'] });
		if (r.ok) throw new Error('expected errors');
		expect(r.diagnostics[0]).toMatchObject({ file: 'gone.ts', message: "No file 'gone.ts'" });
	});

	it('maps a runtime stack back to the learner’s file and line through the inline source map', async () => {
		const files = {
			'hello.ts': `import { fail } from './lib/fail';\n\ninterface P { name: string }\nexport async function main(p: P = { name: 'x' }) {\n  await null;\n  fail(p.name);\n}`,
			'lib/fail.ts': `export function fail(name: string): never {\n  const msg: string = 'boom ' + name;\n  throw new Error(msg);\n}`
		};
		const r = await compile(eb, { files, entries: ['hello.ts'] });
		if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
		const { url, mod } = await load(r.bundles['hello.ts'].code, { globals });
		const err = await mod.main().catch((e: unknown) => e);
		const map = SourceMap.fromInline(r.bundles['hello.ts'].code, `${LEARNER_NS}:`);
		const mapped = mapError(err, url, map);
		expect(mapped.message).toBe('boom x');
		expect([mapped.file, mapped.line, mapped.column]).toEqual(['lib/fail.ts', 3, 9]);
		expect(mapped.stack.split('\n')).toEqual(['Error: boom x', '    at fail (lib/fail.ts:3:9)', expect.stringMatching(/^ {4}at .*\(hello\.ts:6:3\)$/)]);
	});
});
