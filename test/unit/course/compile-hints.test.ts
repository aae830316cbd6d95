import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPILE_HINT, compileHints } from '../../../src/lib/course/compile-hints-plugin';

type WriteBundle = (this: unknown, options: { dir?: string }, bundle: Record<string, { type: string; fileName: string }>) => void;

function written(consumer: 'client' | 'server') {
	const dir = mkdtempSync(join(tmpdir(), 'hints-'));
	writeFileSync(join(dir, 'a.js'), 'const __vite__mapDeps=1;export const a=1;');
	writeFileSync(join(dir, 'b.css'), '.a{}');
	const hook = compileHints().writeBundle as WriteBundle;
	hook.call({ environment: { config: { consumer } } }, { dir }, { 'a.js': { type: 'chunk', fileName: 'a.js' }, 'b.css': { type: 'asset', fileName: 'b.css' } });
	return { js: readFileSync(join(dir, 'a.js'), 'utf8'), css: readFileSync(join(dir, 'b.css'), 'utf8') };
}

describe('compile hints', () => {
	it("put the magic comment on the first line of the page's chunks, before Vite's preload map", () => {
		const { js, css } = written('client');
		expect(js.startsWith(COMPILE_HINT + 'const __vite__mapDeps')).toBe(true);
		expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
		expect(css).toBe('.a{}');
	});

	it("leave the server's chunks alone", () => {
		expect(written('server').js).toBe('const __vite__mapDeps=1;export const a=1;');
	});
});
