// The build's digest list: hashing, baking it into the worker's source, reading it back, and the
// adapter step that makes it from the files the adapter wrote.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Builder } from '@sveltejs/kit';
import { bakeDigests, DIGESTS_PLACEHOLDER, readDigests, sha256Hex } from '../../../src/lib/course/digests.js';
import { bakeServiceWorkerDigests } from '../../../src/lib/course/digests-adapter.js';

const ORIGIN = 'http://127.0.0.1:4173';
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('sha256Hex', () => {
	it('is SHA-256 as lowercase hex (FIPS 180-2 test vector "abc")', async () => {
		expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('baking the list into the worker', () => {
	const worker = (q: string) => `var x=1;const d=${q}${DIGESTS_PLACEHOLDER}${q};g(d);`;

	it('replaces the placeholder in any quote style with a string literal the worker reads back', () => {
		for (const q of [`"`, `'`, '`']) {
			const baked = bakeDigests(worker(q), { '/a.js': A, '/tutorial/x y': B, '/$&.js': A });
			expect(baked).not.toContain(DIGESTS_PLACEHOLDER);
			const literal = baked.match(/const d=(".*");g/)![1];
			const map = readDigests(JSON.parse(literal), ORIGIN)!;
			// keys as a request's pathname has them: percent-encoded; `$&` is not a replacement pattern
			expect([...map]).toEqual([['/a.js', A], ['/tutorial/x%20y', B], ['/$&.js', A]]);
		}
	});

	it('fails loudly when the built worker has no placeholder, or two', () => {
		expect(() => bakeDigests('var x=1', { '/a.js': A })).toThrow(/found it 0 times/);
		expect(() => bakeDigests(worker('"') + worker("'"), { '/a.js': A })).toThrow(/found it 2 times/);
		// the bare token in other text (a regex, a message) is not the placeholder literal
		expect(() => bakeDigests(`/(["'])${DIGESTS_PLACEHOLDER}\\1/`, {})).toThrow(/found it 0 times/);
	});

	it('refuses malformed entries', () => {
		expect(() => bakeDigests(worker('"'), { 'a.js': A })).toThrow(/bad entry/);
		expect(() => bakeDigests(worker('"'), { '/a.js': 'ABC' })).toThrow(/bad entry/);
	});

	it('an unbaked worker (the dev server) has no list: null, so nothing is trusted', () => {
		expect(readDigests(DIGESTS_PLACEHOLDER, ORIGIN)).toBeNull();
		expect(() => readDigests(JSON.stringify({ '/a.js': 'nope' }), ORIGIN)).toThrow(/bad digest/);
	});
});

describe('bakeServiceWorkerDigests (the adapter step)', () => {
	let root = '';
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	/** A finished build: SvelteKit's client output (the file list) and the adapter's copy (what is served). */
	function fixture() {
		root = mkdtempSync(join(tmpdir(), 'sw-digests-'));
		const files: Record<string, string> = {
			'kit/output/client/_app/immutable/chunks/a.js': 'chunk',
			'kit/output/client/_app/immutable/workers/assets/esbuild-X.wasm': 'wasm',
			'kit/output/client/favicon.svg': '<svg/>',
			'kit/output/client/.vite/manifest.json': '{}',
			'kit/output/client/service-worker.js': `self.d="${DIGESTS_PLACEHOLDER}"`,
			'build/_app/immutable/chunks/a.js': 'chunk',
			'build/_app/immutable/workers/assets/esbuild-X.wasm': 'wasm',
			'build/favicon.svg': '<svg/>',
			'build/service-worker.js': `self.d="${DIGESTS_PLACEHOLDER}"`,
			'build/index.html': '<html>home',
			'build/tutorial/a.html': '<html>a',
			'build/tutorial/a/__data.json': '{"a":1}'
		};
		for (const [file, text] of Object.entries(files)) {
			mkdirSync(dirname(join(root, file)), { recursive: true });
			writeFileSync(join(root, file), text);
		}
		const builder = {
			config: { kit: { paths: { base: '' }, outDir: join(root, 'kit') } },
			getClientDirectory: () => join(root, 'kit/output/client'),
			prerendered: {
				pages: new Map([['/', { file: 'index.html' }], ['/tutorial/a', { file: 'tutorial/a.html' }]]),
				assets: new Map([['/tutorial/a/__data.json', { type: 'application/json' }]]),
				redirects: new Map(),
				paths: ['/', '/tutorial/a', '/tutorial/a/__data.json']
			}
		} as unknown as Builder;
		return { builder, out: join(root, 'build') };
	}
	const bakedList = (file: string) => readDigests(JSON.parse(readFileSync(file, 'utf8').slice('self.d='.length)), ORIGIN)!;

	it('lists every built file, page and __data.json by URL path, and bakes the served worker', async () => {
		const { builder, out } = fixture();
		expect(await bakeServiceWorkerDigests(builder, out)).toBe(6);
		const list = bakedList(join(out, 'service-worker.js'));
		expect(Object.fromEntries(list)).toEqual({
			'/_app/immutable/chunks/a.js': await sha256Hex(new TextEncoder().encode('chunk')),
			'/_app/immutable/workers/assets/esbuild-X.wasm': await sha256Hex(new TextEncoder().encode('wasm')),
			'/favicon.svg': await sha256Hex(new TextEncoder().encode('<svg/>')),
			'/': await sha256Hex(new TextEncoder().encode('<html>home')),
			'/tutorial/a': await sha256Hex(new TextEncoder().encode('<html>a')),
			'/tutorial/a/__data.json': await sha256Hex(new TextEncoder().encode('{"a":1}'))
		});
		// npm start serves build/ now; SvelteKit's own copy (vite preview's) stays unbaked, so it precaches nothing
		expect(readFileSync(join(root, 'kit/output/client/service-worker.js'), 'utf8')).toContain(DIGESTS_PLACEHOLDER);
	});

	it('fails the build when the list cannot be made right', async () => {
		let { builder, out } = fixture();
		rmSync(join(out, 'tutorial/a/__data.json'));
		await expect(bakeServiceWorkerDigests(builder, out)).rejects.toThrow(/__data.json should be at .* which does not exist/);

		({ builder, out } = fixture());
		writeFileSync(join(out, 'service-worker.js.br'), 'compressed before baking');
		await expect(bakeServiceWorkerDigests(builder, out)).rejects.toThrow(/would keep the unbaked worker/);

		({ builder, out } = fixture());
		writeFileSync(join(out, 'service-worker.js'), 'no placeholder here');
		await expect(bakeServiceWorkerDigests(builder, out)).rejects.toThrow(/found it 0 times/);
	});
});
