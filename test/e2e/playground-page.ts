// What the browser tests do on /playground (and its embed): open files from a share link, click
// Run and wait for the run's final status, read the Console. Code goes in through share links:
// typing multi-line text into Monaco is flaky.
import type { Frame, Page } from 'playwright-core';
import { assert } from './harness';
import { encodeShare } from '../../src/lib/course/share';

export const DONE = /^(Finished|Stopped|Compile failed|Compiler failed)/;

export async function openPlayground(page: Page, url: (p: string) => string, files: Record<string, string>) {
	await page.goto(url('/playground' + encodeShare(files)));
	for (const f of Object.keys(files)) await page.getByRole('tab', { name: f }).waitFor({ timeout: 20_000 });
}

/** Clicks Run and waits for the run status to say it ended; returns that status. */
export async function run(where: Page | Frame, timeoutMs = 30_000): Promise<string> {
	const status = where.getByRole('status', { name: 'Run status' });
	await where.getByRole('button', { name: /^Run/ }).click();
	// the status leaves its previous final text as soon as the run starts
	await where.waitForFunction(() => !/^(Finished|Stopped|Compile failed|Compiler failed)/.test(document.querySelector('[aria-label="Run status"]')?.textContent ?? ''), null, { timeout: 5_000 }).catch(() => {});
	try {
		await where.waitForFunction(() => /^(Finished|Stopped|Compile failed|Compiler failed)/.test(document.querySelector('[aria-label="Run status"]')?.textContent ?? ''), null, { timeout: timeoutMs });
	} catch (e) {
		// where the run stood says which part did not answer
		const stuck = await status.textContent({ timeout: 1_000 }).catch(() => '(no status)');
		const tail = (await consoleText(where).catch(() => '')).split('\n').slice(-12).join('\n');
		throw new Error(`the run did not end within ${timeoutMs} ms; its status says "${stuck}"; the Console ends:\n${tail}`, { cause: e });
	}
	const text = (await status.textContent()) ?? '';
	assert.match(text, DONE);
	return text;
}

export const consoleText = (where: Page | Frame) => where.getByRole('log', { name: 'Console' }).innerText();
