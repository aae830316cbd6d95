// A workshop's first minute: nothing competes with the first Run. Monaco's TypeScript worker and the
// offline copy (service worker + ~25 MB precache) wait until the first Run has ended; a host can
// turn the offline copy off with ?offline=0, and the browser remembers.
import type { Page } from 'playwright-core';
import { test, assert } from './harness';

// the first step that makes a span
const STEP = '/tutorial/hello-span/real-tracer';

/** Page-side timestamps (performance.now()): each Worker created, each service worker registration, the first finished run. */
type Timeline = { workers: { url: string; at: number }[]; registered: number[]; runDone: number | null };

async function recordTimeline(page: Page) {
	await page.addInitScript(() => {
		const log: Timeline = { workers: [], registered: [], runDone: null };
		(window as unknown as { __timeline: Timeline }).__timeline = log;
		const NativeWorker = window.Worker;
		window.Worker = class extends NativeWorker {
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				log.workers.push({ url: String(url), at: performance.now() });
			}
		};
		const register = ServiceWorkerContainer.prototype.register;
		ServiceWorkerContainer.prototype.register = function (...args) {
			log.registered.push(performance.now());
			return register.apply(this, args);
		};
		// the Run panel's status says "Finished in …" once the run has ended (before the checks show)
		new MutationObserver(() => {
			if (log.runDone === null && /^Finished/.test(document.querySelector('form.run [role=status]')?.textContent?.trim() ?? '')) log.runDone = performance.now();
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	return () => page.evaluate(() => (window as unknown as { __timeline: Timeline }).__timeline);
}

const isTsWorker = (url: string) => /ts\.worker/.test(url);

test('the TypeScript worker and the offline copy start only after the first Run has ended', async ({ page, context, url }) => {
	const requests: { path: string; at: number }[] = [];
	context.on('request', (r) => requests.push({ path: new URL(r.url()).pathname, at: Date.now() }));
	const timeline = await recordTimeline(page);
	await page.goto(url(STEP));
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	// the old rule registered 5 s after load: wait past that, with the compiler downloaded and idle
	await page.getByRole('status', { name: 'Run status' }).getByText('Ready').waitFor({ timeout: 60_000 }).catch(() => {});
	await page.waitForTimeout(7000);
	const before = await timeline();
	assert.deepEqual(before.registered, [], 'no service worker registered before the first Run');
	assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r ?? null)), null, 'no registration');
	assert.ok(!before.workers.some((w) => isTsWorker(w.url)), `no TypeScript worker before the first Run (workers: ${before.workers.map((w) => w.url).join(', ')})`);
	assert.ok(before.workers.some((w) => /compiler\.worker/.test(w.url)), 'the compiler worker started (it is foreground work)');
	assert.ok(!requests.some((r) => isTsWorker(r.path) || r.path === '/service-worker.js'), 'neither the TypeScript worker nor service-worker.js was fetched');

	await page.getByRole('button', { name: 'Solve' }).click(); // not an edit: no IntelliSense yet
	const runClicked = await page.evaluate(() => performance.now());
	await page.getByRole('button', { name: 'Run' }).click();
	await page.getByRole('region', { name: 'Checks' }).getByText('All checks passed').waitFor({ timeout: 60_000 });
	// after the Run: IntelliSense, then the offline copy
	await page.waitForFunction(() => (window as unknown as { __timeline: Timeline }).__timeline.registered.length > 0, null, { timeout: 30_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 90_000 });
	const after = await timeline();
	assert.ok(after.runDone !== null, 'the run finished');
	const tsWorker = after.workers.find((w) => isTsWorker(w.url));
	assert.ok(tsWorker, 'the TypeScript worker started after the Run');
	// it starts as the run's result comes back, a frame before the status shows "Finished"
	assert.ok(tsWorker.at > runClicked && tsWorker.at >= after.runDone! - 100, `the TypeScript worker started at ${tsWorker.at.toFixed(0)} ms, as the run ended (status at ${after.runDone!.toFixed(0)} ms)`);
	assert.ok(after.registered[0] >= after.runDone!, `the service worker was registered at ${after.registered[0].toFixed(0)} ms, after the run ended at ${after.runDone!.toFixed(0)} ms`);
}, { timeoutMs: 180_000 });

test('the first edit starts IntelliSense before any Run', async ({ page, url }) => {
	const timeline = await recordTimeline(page);
	await page.goto(url(STEP));
	const lines = page.locator('.monaco-editor .view-lines').first();
	await lines.waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1500);
	assert.ok(!(await timeline()).workers.some((w) => isTsWorker(w.url)), 'no TypeScript worker before the edit');
	await lines.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type(' ');
	await page.waitForFunction(() => (window as unknown as { __timeline: Timeline }).__timeline.workers.some((w) => /ts\.worker/.test(w.url)), null, { timeout: 10_000 });
	assert.equal((await timeline()).runDone, null, 'no run happened');
}, { timeoutMs: 90_000 });

test('?offline=0 turns the offline copy off in this browser, remembered on the next visit', async ({ page, url }) => {
	const timeline = await recordTimeline(page);
	await page.goto(url(`${STEP}?offline=0`));
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Solve' }).click();
	await page.getByRole('button', { name: 'Run' }).click();
	await page.getByRole('region', { name: 'Checks' }).getByText('All checks passed').waitFor({ timeout: 60_000 });
	await page.waitForTimeout(3000); // past REGISTER_AFTER_RUN_MS and an idle moment
	assert.deepEqual((await timeline()).registered, [], 'not registered');

	// the next visit has no query: still off
	await page.goto(url(STEP));
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Run' }).click();
	await page.getByRole('status', { name: 'Run status' }).getByText(/^Finished/).waitFor({ timeout: 60_000 });
	await page.waitForTimeout(3000);
	assert.deepEqual((await timeline()).registered, [], 'still not registered');
	assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r ?? null)), null);
}, { timeoutMs: 120_000 });
