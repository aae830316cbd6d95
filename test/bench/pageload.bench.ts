// Cold load of a tutorial step in Chromium: when the lesson text is visible, when the editor is ready,
// and how much JS (gzip) the page loads before the editor's own chunks.
import { gzipSync } from 'node:zlib';
import { printTable, percentile } from './lib/table';
import { openSite } from './lib/site';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILD_DIR } from '../e2e/serve';

const STEP = '/tutorial/hello-span/hello-world';
const SAMPLES = 7;
const site = await openSite();

async function coldLoad() {
	const context = await site.browser.newContext(); // fresh context: empty HTTP cache
	const page = await context.newPage();
	await page.addInitScript(() => {
		// not performance.mark: something on the page clears marks
		const times: Record<string, number> = {};
		(window as unknown as { __times: Record<string, number> }).__times = times;
		new MutationObserver((_, obs) => {
			if (!times.text && document.querySelector('article h1')) times.text = performance.now();
			if (document.querySelector('.monaco-editor .view-lines .view-line')) {
				times.editor = performance.now();
				obs.disconnect();
			}
		}).observe(document, { childList: true, subtree: true });
	});
	await page.goto(site.origin + STEP);
	type W = { __times: Record<string, number> };
	await page.waitForFunction(() => (window as unknown as W).__times.editor > 0, null, { timeout: 30_000 });
	const t = await page.evaluate(() => {
		const times = (window as unknown as W).__times;
		// visible = in the DOM and painted
		const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
		return { text: Math.max(times.text, fcp), editor: times.editor };
	});
	await context.close();
	return t;
}

/** Files only the editor needs: Monaco's chunk and its imports that no page entry imports too. */
function editorOnlyFiles(): Set<string> {
	type Chunk = { file: string; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean };
	const manifest: Record<string, Chunk> = JSON.parse(readFileSync(resolve(BUILD_DIR, '../.svelte-kit/output/client/.vite/manifest.json'), 'utf8'));
	const closure = (keys: string[]) => {
		const seen = new Set<string>();
		const todo = [...keys];
		while (todo.length) {
			const k = todo.pop()!;
			if (seen.has(k) || !manifest[k]) continue;
			seen.add(k);
			todo.push(...(manifest[k].imports ?? []));
		}
		return seen;
	};
	const pages = closure(Object.keys(manifest).filter((k) => manifest[k].isEntry));
	const editor = closure(Object.keys(manifest).filter((k) => k.endsWith('src/lib/editor/monaco.ts')));
	return new Set([...editor].filter((k) => !pages.has(k)).map((k) => manifest[k].file));
}

/** JS requested before the browser asks for the editor's first own chunk, gzip-sized as served. */
async function preEditorJs() {
	const context = await site.browser.newContext();
	const page = await context.newPage();
	const editorOnly = editorOnlyFiles();
	if (editorOnly.size === 0) throw new Error('could not find the editor chunk in the Vite manifest');
	const order: string[] = [];
	const bodies = new Map<string, { bytes: number; gz: number }>();
	page.on('request', (r) => order.push(new URL(r.url()).pathname.slice(1)));
	page.on('response', async (r) => {
		if (!r.url().endsWith('.js')) return;
		const body = await r.body().catch(() => null);
		if (body) bodies.set(new URL(r.url()).pathname.slice(1), { bytes: body.length, gz: gzipSync(body).length });
	});
	await page.goto(site.origin + STEP, { waitUntil: 'networkidle' });
	await context.close();
	const firstEditor = order.findIndex((p) => editorOnly.has(p));
	if (firstEditor < 0) throw new Error('the editor never loaded');
	return order.slice(0, firstEditor).filter((p) => bodies.has(p)).map((p) => ({ url: p, ...bodies.get(p)! }));
}

const runs = [];
for (let i = 0; i < SAMPLES; i++) runs.push(await coldLoad());
const js = await preEditorJs();
await site.close();

const kib = (n: number) => n / 1024;
printTable({
	title: `Cold load of ${STEP} (Chromium, ${SAMPLES} cold contexts)`,
	columns: ['metric', 'p50', 'max', 'target'],
	rows: [
		['lesson text visible (ms)', percentile(runs.map((r) => r.text), 50), Math.max(...runs.map((r) => r.text)), '< 500'],
		['editor ready (ms)', percentile(runs.map((r) => r.editor), 50), Math.max(...runs.map((r) => r.editor)), '< 2500'],
		['JS before the editor (KiB gzip)', kib(js.reduce((a, b) => a + b.gz, 0)), '', '< 150'],
		['JS before the editor (KiB raw)', kib(js.reduce((a, b) => a + b.bytes, 0)), '', ''],
		['JS files before the editor', js.length, '', '']
	]
});
