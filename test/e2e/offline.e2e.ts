// Offline for workshops: one visit, then the network goes away and the course still runs and checks.
// And a new build's service worker is announced, not forced, and Reload switches to it.
// And Cache Storage is not trusted: an attacker's entries are never served, nor carried to a new version.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import type { BrowserContext, Page } from 'playwright-core';
import { test, assert } from './harness';
import { BUILD_DIR } from './serve';
import { loadCourse } from '../../src/lib/course/content/loader';

const STEP = '/tutorial/hello-span/tags-and-logs';
const chapter = loadCourse(resolve(import.meta.dirname, '../..')).find((c) => c.slug === 'hello-span')!;
const nextStep = chapter.steps[chapter.steps.findIndex((s) => s.slug === 'tags-and-logs') + 1];
const buildVersion = () => (JSON.parse(readFileSync(join(BUILD_DIR, '_app/version.json'), 'utf8')) as { version: string }).version;

/** A first visit installs the offline copy only after its first Run has ended (registerWhenSettled): run the step's code. */
async function firstRun(page: Page) {
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Run' }).click();
	await page.getByRole('status', { name: 'Run status' }).getByText(/^Finished/).waitFor({ timeout: 60_000 });
}

/** Until the service worker controls the page; activation comes only after the whole precache is stored. */
async function waitForOfflineReady(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 90_000 });
}

/** What the page's caches hold, as pathnames, and the Content-Type of the cached esbuild.wasm. */
function cached(page: Page) {
	return page.evaluate(async () => {
		const names = await caches.keys();
		const paths: string[] = [];
		let wasmType: string | null = null;
		for (const name of names) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) {
				const path = new URL(req.url).pathname;
				paths.push(path);
				if (path.endsWith('.wasm')) wasmType = (await cache.match(req))!.headers.get('content-type');
			}
		}
		return { names, paths, wasmType };
	});
}

/** The text of `path` in cache `name`, as the page sees it (null: not cached). */
const cachedText = (page: Page, name: string, path: string) =>
	page.evaluate(async ([name, path]) => (await (await caches.open(name)).match(path))?.text() ?? null, [name, path] as const);

/** What an attacker on the origin (say a worker running learner code) can do: overwrite cache entries. */
async function poison(page: Page, name: string, entries: { path: string; marker: string }[]) {
	await page.evaluate(
		async ([name, entries]) => {
			const cache = await caches.open(name);
			for (const { path, marker } of entries) {
				const real = await (await cache.match(path))!.text();
				const mark = `window.__poisoned = (window.__poisoned || []).concat(${JSON.stringify(marker)});`;
				const evil = path.endsWith('.js') ? `${mark}\n${real}` : real.replace('<head>', `<head><script>${mark}</script>`);
				await cache.put(path, new Response(evil, { headers: { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html' } }));
			}
		},
		[name, entries] as const
	);
	for (const { path } of entries) assert.match((await cachedText(page, name, path)) ?? '', /__poisoned/, `${path} is poisoned in the cache`);
}

/** A hashed chunk this page loaded (the SvelteKit entry: every page imports it). */
const entryChunk = (page: Page) =>
	page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).find((p) => /^\/_app\/immutable\/entry\/start\.[^/]+\.js$/.test(p)));

/** Opens the step in a new page and closes the others: a fresh visit, same service worker registration. */
async function freshVisit(context: BrowserContext, url: string): Promise<Page> {
	const before = context.pages();
	const page = await context.newPage();
	await page.goto(url);
	await page.getByRole('heading', { level: 1, name: 'Tags and logs' }).waitFor();
	await page.getByRole('button', { name: 'Run' }).waitFor();
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	for (const p of before) await p.close();
	assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker answered this visit');
	assert.equal(await page.evaluate(() => (window as unknown as { __poisoned?: string[] }).__poisoned), undefined, 'no poisoned script ran');
	assert.ok(!(await page.content()).includes('__poisoned'), 'the page is the real one');
	return page;
}

/** Tags the running service worker instance, to tell later whether it is still the same one. */
async function tagWorker(context: BrowserContext, tag: string | null) {
	const worker = context.serviceWorkers().at(-1);
	assert.ok(worker, 'a service worker is running');
	return worker.evaluate((tag) => {
		const self = globalThis as unknown as { __testTag?: string };
		const was = self.__testTag ?? null;
		if (tag) self.__testTag = tag;
		return was;
	}, tag);
}

test('poisoned cache entries are never served: fresh visits get the real page and chunk, and the cache is repaired', async ({ page, context, url }) => {
	const name = `trace-tour-${buildVersion()}`;
	await page.goto(url(STEP));
	await firstRun(page);
	await waitForOfflineReady(page);
	// a visit the worker answers: it checks (and remembers) the page and its chunks
	await page.reload();
	// Run is on once the page's script has taken over, so its entry chunk is loaded (the prerendered button shows before)
	await page.getByRole('button', { name: 'Run' }).and(page.locator(':enabled')).waitFor();
	const chunk = await entryChunk(page);
	assert.ok(chunk, 'the page loaded the SvelteKit entry chunk');
	const real = { [STEP]: readFileSync(join(BUILD_DIR, `${STEP.slice(1)}.html`), 'utf8'), [chunk]: readFileSync(join(BUILD_DIR, chunk.slice(1)), 'utf8') };
	assert.equal(await cachedText(page, name, STEP), real[STEP], 'the precached page is the built file');

	await tagWorker(context, 'checked the page');
	await poison(page, name, [{ path: STEP, marker: 'html' }, { path: chunk, marker: 'chunk' }]);
	// the same worker instance (a page stayed open): it serves the bytes it checked, not what the cache holds now
	await freshVisit(context, url(STEP));
	assert.equal(await tagWorker(context, null), 'checked the page', 'the same worker instance answered');

	// close everything and stop the worker: a new instance has no memory of what it checked, so it
	// finds the poison, drops it and downloads the file again
	for (const p of context.pages()) await p.close();
	const cdp = await context.newCDPSession(await context.newPage());
	await cdp.send('ServiceWorker.enable');
	await cdp.send('ServiceWorker.stopAllWorkers');
	await cdp.detach();
	const fresh = await freshVisit(context, url(STEP));
	assert.equal(await tagWorker(context, null), null, 'a new worker instance answered');
	await fresh.screenshot({ path: join(import.meta.dirname, '../../test-results/offline-after-poisoning.png') });
	for (const path of [STEP, chunk]) assert.equal(await cachedText(fresh, name, path), real[path], `${path} is the built file again in the cache`);
}, { timeoutMs: 180_000 });

test('after one visit a step works offline: reload, Solve, Run, all checks pass', async ({ page, context, url }) => {
	const VERSION = buildVersion();
	await page.goto(url(STEP));
	await page.getByRole('button', { name: 'Run' }).waitFor();
	await firstRun(page);
	await waitForOfflineReady(page);

	const { names, paths, wasmType } = await cached(page);
	assert.deepEqual(names, [`trace-tour-${VERSION}`]);
	for (const p of [STEP, `${STEP}/__data.json`, '/zh-CN' + STEP, '/embed' + STEP, '/playground', '/']) assert.ok(paths.includes(p), `${p} is precached`);
	assert.ok(paths.some((p) => /\/workers\/ts\.worker-[^/]+\.js$/.test(p)), 'Monaco’s TypeScript worker is precached');
	assert.ok(paths.some((p) => /\/workers\/compiler\.worker-[^/]+\.js$/.test(p)), 'the compiler worker is precached');
	assert.ok(paths.some((p) => /esbuild[^/]*\.wasm$/.test(p)), 'esbuild.wasm is precached');
	assert.equal(wasmType, 'application/wasm');

	await context.setOffline(true);
	// really offline, service worker included: what is not precached does not load
	const probe = await page.evaluate(() => fetch(`/not-precached-${Date.now()}.txt`).then((r) => `answered ${r.status}`, () => 'failed'));
	assert.equal(probe, 'failed', 'the network is off for the service worker too');

	await page.reload();
	await page.getByRole('heading', { level: 1, name: 'Tags and logs' }).waitFor();
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Solve' }).click();
	await page.getByRole('button', { name: 'Run' }).click();
	await page.getByRole('region', { name: 'Checks' }).getByText('All checks passed').waitFor({ timeout: 60_000 });
	await page.getByRole('log', { name: 'Console' }).getByText('Hello, Bryan!').waitFor();

	// client-side navigation offline: the next step's __data.json and code come from the cache
	await page.locator('a[rel=next]').click();
	await page.getByRole('heading', { level: 1, name: nextStep.text.en.title }).waitFor({ timeout: 20_000 });
	assert.ok(page.url().endsWith(`/tutorial/hello-span/${nextStep.slug}`));
}, { timeoutMs: 180_000 });

test('a new version is announced, not forced; Reload switches to it', async ({ page }) => {
	// our own server for this site, whose service-worker.js we can turn into "the next build"
	let next = false;
	const VERSION = buildVersion();
	const assets = sirv(BUILD_DIR, { extensions: ['html'], dev: true });
	const swSource = readFileSync(join(BUILD_DIR, 'service-worker.js'), 'utf8');
	assert.ok(swSource.includes(VERSION), 'the service worker carries the build version');
	const requested: string[] = [];
	const server = createServer((req, res) => {
		requested.push(req.url?.split('?')[0] ?? '');
		if (req.url?.split('?')[0] === '/service-worker.js') {
			res.setHeader('content-type', 'text/javascript');
			res.setHeader('cache-control', 'no-cache');
			return res.end(next ? swSource.replaceAll(VERSION, `${VERSION}-next`) : swSource);
		}
		assets(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	try {
		await page.goto(origin + STEP);
		await firstRun(page);
		await waitForOfflineReady(page);
		const banner = page.getByRole('status').filter({ hasText: 'A new version of Trace Tour is ready' });
		assert.equal(await banner.count(), 0, 'no banner for the first install');

		// an attacker poisons a hashed chunk in this version's cache, hoping the next version copies it
		const chunk = (await entryChunk(page))!;
		const wasm = (await cached(page)).paths.find((p) => p.endsWith('.wasm'))!;
		await poison(page, `trace-tour-${VERSION}`, [{ path: chunk, marker: 'carried over' }]);
		requested.length = 0;

		next = true;
		await page.evaluate(() => {
			(window as unknown as { before: boolean }).before = true; // gone if the page reloads
			return navigator.serviceWorker.ready.then((r) => r.update());
		});
		await banner.waitFor({ timeout: 60_000 });
		// announced, not forced: the same page, still controlled by the old version, which keeps its cache
		assert.equal(await page.evaluate(() => (window as unknown as { before?: boolean }).before), true);
		assert.deepEqual((await cached(page)).names.sort(), [`trace-tour-${VERSION}`, `trace-tour-${VERSION}-next`]);
		// the new version downloaded the poisoned chunk instead of copying it, and still copied the rest
		assert.equal(await cachedText(page, `trace-tour-${VERSION}-next`, chunk), readFileSync(join(BUILD_DIR, chunk.slice(1)), 'utf8'));
		assert.ok(requested.includes(chunk), 'the poisoned chunk was downloaded again');
		assert.ok(!requested.includes(wasm), 'the unchanged esbuild.wasm was copied from the old cache');
		await page.waitForTimeout(1000);
		assert.equal(await page.evaluate(() => (window as unknown as { before?: boolean }).before), true, 'nothing reloads by itself');

		await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), banner.getByRole('button', { name: 'Reload' }).click()]);
		assert.equal(await page.evaluate(() => (window as unknown as { before?: boolean }).before), undefined, 'the page reloaded');
		await waitForOfflineReady(page);
		assert.deepEqual((await cached(page)).names, [`trace-tour-${VERSION}-next`], 'the old version’s cache is gone');
		await page.getByRole('button', { name: 'Run' }).waitFor();
		assert.equal(await banner.count(), 0, 'no banner once on the new version');
	} finally {
		server.closeAllConnections();
		await new Promise((ok) => server.close(ok));
	}
}, { timeoutMs: 180_000 });
