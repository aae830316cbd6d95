// `npm run test:e2e [-- filter…]`: serves build/, runs every test/e2e/*.e2e.ts in Debian chromium.
import { readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registry, setCurrentFile, type TestContext } from './harness';
import { launchChromium } from './browser';
import { serveBuild } from './serve';

const here = import.meta.dirname;
const filters = process.argv.slice(2);
const results = join(here, '../../test-results');
mkdirSync(results, { recursive: true });

for (const f of readdirSync(here).filter((f) => f.endsWith('.e2e.ts')).sort()) {
	setCurrentFile(f);
	await import(pathToFileURL(join(here, f)).href);
}
const selected = registry.filter((t) => filters.length === 0 || filters.some((w) => `${t.file} ${t.name}`.includes(w)));

const { origin, close } = await serveBuild();
const browser = await launchChromium();
let passed = 0;
let failed = 0;
const started = Date.now();

for (const t of selected) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const consoleErrors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
	page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
	const ctx: TestContext = { page, context, url: (p) => origin + p, consoleErrors };
	const t0 = Date.now();
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			t.fn(ctx),
			new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs)))
		]);
		passed++;
		console.log(`  ✓ ${t.file} › ${t.name} (${Date.now() - t0} ms)`);
	} catch (e) {
		failed++;
		const shot = join(results, `${t.file}-${t.name}`.replace(/[^a-z0-9.-]+/gi, '_') + '.png');
		await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
		console.log(`  ✗ ${t.file} › ${t.name} (${Date.now() - t0} ms)\n      ${String((e as Error)?.stack ?? e).split('\n').slice(0, 6).join('\n      ')}\n      screenshot: ${shot}`);
		if (consoleErrors.length) console.log(`      console errors:\n        ${consoleErrors.slice(0, 5).join('\n        ')}`);
	} finally {
		clearTimeout(timer);
		await context.close().catch(() => {});
	}
}

await browser.close();
await close();
console.log(`\nbrowser tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || selected.length === 0 ? 1 : 0);
