// The active span: explicit scopes, `using`, and the async-context patch carrying it across await,
// timers and promise chains in learner code compiled to es2016 by esbuild-wasm (as the runner does).
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import * as esbuild from 'esbuild-wasm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installAsyncContext, type JaegerTracer } from '../../../src/lib/tracer';
import { testTracer } from './helpers';

beforeAll(async () => {
	await esbuild.initialize({});
}, 60_000);
afterAll(() => esbuild.stop());

/** Compiles a TS snippet defining `async function main()` to es2016 and runs it. */
async function run(source: string, tracer: JaegerTracer): Promise<unknown> {
	const { code } = await esbuild.transform(source, { loader: 'ts', target: 'es2016' });
	expect(code).not.toMatch(/\bawait\b/); // lowered to generators: the patch only works then
	const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
	return new Function('tracer', 'sleep', `${code}\nreturn main();`)(tracer, sleep);
}

let uninstall: (() => void) | null = null;
afterEach(() => {
	uninstall?.();
	uninstall = null;
});

describe('scope manager (synchronous)', () => {
	it('activates, nests and restores with close()', () => {
		const { tracer } = testTracer();
		const a = tracer.startSpan('a');
		const b = tracer.startSpan('b');
		expect(tracer.activeSpan).toBeNull();
		const sa = tracer.activateSpan(a);
		expect(tracer.activeSpan).toBe(a);
		expect(tracer.scopeManager().active()).toBe(sa);
		const sb = tracer.activateSpan(b);
		expect(tracer.activeSpan).toBe(b);
		sb.close();
		expect(tracer.activeSpan).toBe(a);
		sa.close();
		expect(tracer.activeSpan).toBeNull();
	});

	it('parents new spans on the active span unless ignoreActiveSpan', () => {
		const { tracer, reporter } = testTracer();
		const parent = tracer.startSpan('parent');
		const scope = tracer.activateSpan(parent);
		tracer.startSpan('child').finish();
		tracer.startSpan('root', { ignoreActiveSpan: true }).finish();
		scope.close();
		const [child, root] = reporter.records();
		expect(child.references[0].spanID).toBe(parent.context().toSpanId().padStart(16, '0'));
		expect(root.references).toEqual([]);
		expect(root.traceID).not.toBe(child.traceID);
	});

	it('an empty references list (an extract that found nothing) falls back to the active span, without throwing', () => {
		const { tracer } = testTracer();
		const outer = tracer.startSpan('outer');
		const scope = tracer.activateSpan(outer);
		const inner = tracer.startSpan('inner', { references: [] });
		scope.close();
		expect(inner.context().toTraceId()).toBe(outer.context().toTraceId());
		expect(tracer.startSpan('root', { references: [] }).context().toTraceId()).not.toBe(outer.context().toTraceId());
	});

	it('tolerates out-of-order close and double close', () => {
		const { tracer } = testTracer();
		const a = tracer.activateSpan(tracer.startSpan('a'));
		const b = tracer.activateSpan(tracer.startSpan('b'));
		a.close();
		expect(tracer.activeSpan).toBe(b.span());
		b.close();
		b.close();
		expect(tracer.activeSpan).toBeNull();
	});

	it('finishSpanOnClose finishes the span', () => {
		const { tracer, reporter } = testTracer();
		tracer.activateSpan(tracer.startSpan('a'), { finishSpanOnClose: true }).close();
		expect(reporter.spans).toHaveLength(1);
	});

	it('works with `using` compiled by esbuild (Symbol.dispose)', async () => {
		const { tracer, reporter } = testTracer();
		const seen = await run(
			`async function main() {
				const outer = tracer.startSpan('outer');
				{
					using scope = tracer.activateSpan(outer);
					tracer.startSpan('inner').finish();
				}
				const after = tracer.activeSpan;
				outer.finish();
				return after;
			}`,
			tracer
		);
		expect(seen).toBeNull();
		const [inner, outer] = reporter.records();
		expect(inner.references[0].spanID).toBe(outer.spanID);
	});
});

describe('Symbol.dispose polyfill', () => {
	it('defines Symbol.dispose where missing, as the symbol esbuild\'s lowered `using` falls back to', async () => {
		const src = readFileSync(new URL('../../../src/lib/tracer/dispose_symbol.ts', import.meta.url), 'utf8');
		const { code } = await esbuild.transform(src, { loader: 'ts', format: 'cjs', target: 'es2016' });
		const realm = vm.createContext({ module: { exports: {} } });
		vm.runInContext('delete Symbol.dispose', realm);
		expect(vm.runInContext('typeof Symbol.dispose', realm)).toBe('undefined');
		vm.runInContext(`(function (exports, module) { ${code} })(module.exports, module)`, realm);
		expect(vm.runInContext("Symbol.dispose === Symbol.for('Symbol.dispose')", realm)).toBe(true);
	});
});

describe('installAsyncContext', () => {
	const concurrent = `
		async function handle(name) {
			const span = tracer.startSpan(name);
			using scope = tracer.activateSpan(span);
			await sleep(5);
			const afterAwait = tracer.activeSpan === span;
			await new Promise((r) => setTimeout(r, 3));
			const afterTimer = tracer.activeSpan === span;
			const viaThen = await Promise.resolve(1).then(() => tracer.activeSpan === span);
			const viaMicrotask = await new Promise((r) => queueMicrotask(() => r(tracer.activeSpan === span)));
			const viaInterval = await new Promise((r) => { const h = setInterval(() => { clearInterval(h); r(tracer.activeSpan === span); }, 1); });
			tracer.startSpan(name + '-child').finish();
			span.finish();
			return [afterAwait, afterTimer, viaThen, viaMicrotask, viaInterval];
		}
		async function main() {
			const results = await Promise.all([handle('a'), handle('b')]);
			return { results, activeAtEnd: tracer.activeSpan };
		}`;

	it('keeps two concurrent chains apart across await, timers, then, queueMicrotask, setInterval', async () => {
		const { tracer, reporter } = testTracer();
		uninstall = installAsyncContext(globalThis);
		const out = (await run(concurrent, tracer)) as { results: boolean[][]; activeAtEnd: unknown };
		expect(out.results).toEqual([
			[true, true, true, true, true],
			[true, true, true, true, true]
		]);
		expect(out.activeAtEnd).toBeNull();
		const byName = Object.fromEntries(reporter.records().map((r) => [r.operationName, r]));
		// roots stay roots: b did not become a child of a (the scope did not leak out of handle('a'))
		expect(byName.a.references).toEqual([]);
		expect(byName.b.references).toEqual([]);
		expect(byName['a-child'].references[0].spanID).toBe(byName.a.spanID);
		expect(byName['b-child'].references[0].spanID).toBe(byName.b.spanID);
	});

	it('is needed: without it the span is lost after await', async () => {
		const { tracer } = testTracer();
		const out = (await run(concurrent, tracer)) as { results: boolean[][] };
		expect(out.results[0][0]).toBe(false);
	});

	it('uninstall restores the native functions', () => {
		const before = [Promise, Promise.prototype.then, globalThis.setTimeout, globalThis.setInterval, globalThis.queueMicrotask];
		const off = installAsyncContext(globalThis);
		expect(Promise).not.toBe(before[0]);
		expect(Promise.prototype.then).not.toBe(before[1]);
		expect(new Promise(() => {})).toBeInstanceOf(before[0] as PromiseConstructor);
		expect(installAsyncContext(globalThis)).toBeTypeOf('function'); // second install: no double wrap
		off();
		expect([Promise, Promise.prototype.then, globalThis.setTimeout, globalThis.setInterval, globalThis.queueMicrotask]).toEqual(before);
	});

	it('keeps promise semantics (errors, statics, species)', async () => {
		uninstall = installAsyncContext(globalThis);
		await expect(Promise.reject(new Error('x')).catch((e: Error) => e.message)).resolves.toBe('x');
		await expect(Promise.all([1, Promise.resolve(2)])).resolves.toEqual([1, 2]);
		const p = new Promise<number>((r) => r(3));
		expect(Promise.resolve(p)).toBe(p);
		await expect(p.finally(() => 0)).resolves.toBe(3);
		expect(() => new Promise(null as never)).toThrow(TypeError);
	});
});
