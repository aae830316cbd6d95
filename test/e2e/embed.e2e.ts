// Embeds for documentation: a step and the playground inside another page's iframe, without the
// site's chrome, runnable, with a way out to the full page that carries the reader's files.
import { resolve } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { test, assert } from './harness';
import { decodeShare, encodeShare } from '../../src/lib/course/share';
import { loadCourse } from '../../src/lib/course/content/loader';

const course = loadCourse(resolve(import.meta.dirname, '../..'));
const STEP = course.find((c) => c.slug === 'hello-span')!.steps.find((s) => s.slug === 'tags-and-logs')!;

/** A documentation page on another origin (about:blank) with our embed in an iframe. */
async function host(page: Page, src: string, size = { width: 480, height: 560 }): Promise<FrameLocator> {
	await page.setContent(
		`<!doctype html><title>Docs</title><h1>Some documentation</h1>` +
			`<iframe src="${src}" width="${size.width}" height="${size.height}" style="border:0" loading="lazy" title="Trace Tour example"></iframe>`
	);
	return page.frameLocator('iframe[title="Trace Tour example"]');
}

async function openHref(frame: FrameLocator): Promise<{ href: string; target: string | null }> {
	const link = frame.getByRole('link', { name: 'Open in Trace Tour' });
	return { href: (await link.getAttribute('href'))!, target: await link.getAttribute('target') };
}

test('a step embedded in an iframe: Solve, Run, all checks pass, the trace timeline, no site chrome', async ({ page, url, consoleErrors }) => {
	const frame = await host(page, url('/embed/tutorial/hello-span/tags-and-logs'));
	await frame.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
	// no site header, no lesson text by default
	assert.equal(await frame.getByRole('navigation', { name: 'Site' }).count(), 0);
	assert.equal(await frame.locator('header.site').isVisible(), false);
	assert.equal(await frame.locator('article').count(), 0);
	// the way out, before any edit: the plain step page, in a new tab
	let open = await openHref(frame);
	assert.equal(open.href, '/tutorial/hello-span/tags-and-logs');
	assert.equal(open.target, '_blank');

	await frame.getByRole('button', { name: 'Solve' }).click();
	await frame.getByRole('button', { name: 'Run' }).click();
	await frame.getByRole('region', { name: 'Checks' }).getByText('All checks passed').waitFor({ timeout: 60_000 });
	await frame.getByRole('log', { name: 'Console' }).getByText('Hello, Bryan!').waitFor();
	await frame.getByRole('tab', { name: /^Traces/ }).click();
	const grid = frame.getByRole('treegrid', { name: 'Trace timeline' });
	await grid.waitFor();
	assert.ok((await grid.getByRole('row').count()) >= 1);

	// after Solve the link carries the files the reader has now
	open = await openHref(frame);
	const [path, hash] = open.href.split('#');
	assert.equal(path, '/tutorial/hello-span/tags-and-logs');
	const shared = decodeShare(`#${hash}`);
	assert.ok(shared?.ok, `the link's hash decodes: ${open.href.slice(0, 80)}`);
	assert.deepEqual(shared.files, STEP.solution);

	// the frame fits: nothing wider than 480 px
	const overflow = await page.frames()[1].evaluate(() => document.documentElement.scrollWidth - innerWidth);
	assert.ok(overflow <= 0, `the embed scrolls sideways by ${overflow}px`);
	assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000 });

test('?text=1 adds the lesson text; its next link stays in the embed', async ({ page, url }) => {
	const frame = await host(page, url('/embed/tutorial/hello-span/tags-and-logs?text=1'), { width: 1000, height: 600 });
	await frame.getByRole('heading', { level: 1, name: 'Tags and logs' }).waitFor();
	assert.equal(await frame.locator('a[rel=next]').getAttribute('href'), '/embed/tutorial/hello-span/operation-names?text=1');
	await frame.getByRole('button', { name: 'Run' }).waitFor();
});

test('the embedded playground runs a #code/ link and shows its Console; Open in Trace Tour keeps the code', async ({ page, url }) => {
	const code = `import { initTracer } from 'tour/tracing';

export async function main() {
  const tracer = initTracer('embed-demo');
  const span = tracer.startSpan('greet');
  console.log('hello from the embed');
  span.finish();
}
`;
	const hash = encodeShare({ 'main.ts': code });
	assert.ok(hash.startsWith('#code/'));
	const frame = await host(page, url('/embed/playground' + hash), { width: 400, height: 500 });
	await frame.getByRole('tab', { name: 'main.ts' }).waitFor({ timeout: 30_000 });
	await frame.getByRole('button', { name: 'Run' }).click();
	await frame.getByRole('log', { name: 'Console' }).getByText('hello from the embed').waitFor({ timeout: 60_000 });
	await frame.getByRole('tab', { name: /^Traces \(1\)/ }).click();
	await frame.getByRole('treegrid', { name: 'Trace timeline' }).waitFor();
	assert.equal(await frame.getByRole('navigation', { name: 'Site' }).count(), 0);
	const open = await openHref(frame);
	assert.equal(open.href, '/playground' + hash);
	assert.equal(open.target, '_blank');
}, { timeoutMs: 120_000 });

test('the "Open in Trace Tour" page opens with the embed’s files', async ({ page, url }) => {
	const files = { ...STEP.solution };
	await page.goto(url('/tutorial/hello-span/tags-and-logs' + encodeShare(files)));
	await page.getByRole('status').filter({ hasText: 'You opened a shared attempt' }).waitFor({ timeout: 20_000 });
});
