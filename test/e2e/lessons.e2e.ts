// The course in the browser: every step's solution passes its checks through the real runner (workers,
// simulated Jaeger, query API), its start files do not, and hand-written mistakes opened from a share
// link fail with the hint that names them.
import { resolve } from 'node:path';
import lz from 'lz-string';
import type { Page } from 'playwright-core';
import { test, assert } from './harness';
import { loadCourse } from '../../src/lib/course/content/loader';
import { variants, type Variant } from '../unit/lessons/mistakes';

const chapters = loadCourse(resolve(import.meta.dirname, '../..'));
const steps = chapters.flatMap((c) => c.steps.map((s) => ({ ...s, chapter: c.slug, id: `${c.slug}/${s.slug}` })));
// E2E_STEPS=inside-jaeger (comma-separated id substrings) narrows the course-wide tests while working on a chapter
const only = (process.env.E2E_STEPS ?? '').split(',').filter(Boolean);
const checked = steps.filter((s) => !s.readingOnly && (only.length === 0 || only.some((w) => s.id.includes(w))));

async function open(page: Page, url: string) {
	// from a blank page: a hash-only change on the same step is a same-document navigation, which
	// (as of this writing) does not load a share link's files
	await page.goto('about:blank');
	await page.goto(url);
	await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
}

/** Presses Run and waits for the Checks region to give its verdict; returns the region's text. */
async function runChecks(page: Page): Promise<{ passed: boolean; text: string }> {
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	const checks = page.getByRole('region', { name: 'Checks' });
	const verdict = checks.getByText(/All checks passed|checks? failed/).first();
	await verdict.waitFor({ timeout: 30_000 });
	const text = await checks.innerText();
	return { passed: /All checks passed/.test(await verdict.innerText()), text };
}

function apply(v: Variant): Record<string, string> {
	const s = steps.find((x) => x.id === v.step)!;
	const files = { ...(v.fromStart ? s.start : s.solution) };
	for (const [file, edits] of Object.entries(v.edits)) {
		for (const [from, to] of edits) {
			const next = files[file].replace(from, to);
			assert.notEqual(next, files[file], `${v.step}: edit "${String(from).slice(0, 40)}" does not apply`);
			files[file] = next;
		}
	}
	return { ...files, ...v.files };
}

// One visit per step for both (a page load each was a third of this file's time): Run the start
// files, which must not pass; then Solve and Run again, which must.
test(
	'every step: the start files do not pass; Solve, then Run, passes all checks',
	async ({ page, url }) => {
		const failures: string[] = [];
		const passing: string[] = [];
		for (const s of checked) {
			await open(page, url(`/tutorial/${s.chapter}/${s.slug}`));
			if ((await runChecks(page)).passed) passing.push(s.id);
			await page.getByRole('button', { name: 'Solve' }).click();
			const r = await runChecks(page);
			if (!r.passed) failures.push(`${s.id}:\n${r.text}`);
		}
		// the assertion's diff is cut short: print which items failed, with their hints
		if (failures.length) console.log(failures.join('\n\n'));
		assert.deepEqual({ failures, passing }, { failures: [], passing: [] });
	},
	{ timeoutMs: 900_000 }
);

// Mistakes opened from a share link (#files/…), as a learner would send them to a friend for help.
const shared = variants.filter((v) => v.hint && ['context/child-of', 'rpc/inject', 'rpc/extract', 'baggage/pack-baggage'].includes(v.step));
test(
	'hand-written mistakes from a share link fail with the hint that names them',
	async ({ page, url }) => {
		assert.ok(shared.length >= 4);
		const wrong: string[] = [];
		for (const v of shared) {
			const s = steps.find((x) => x.id === v.step)!;
			const hash = `#files/${lz.compressToEncodedURIComponent(JSON.stringify(apply(v)))}`;
			await open(page, url(`/tutorial/${s.chapter}/${s.slug}${hash}`));
			const r = await runChecks(page);
			if (r.passed || !r.text.includes(v.hint!)) wrong.push(`${v.step} / ${v.name}: expected a hint with "${v.hint}", got:\n${r.text}`);
		}
		if (wrong.length) console.log(wrong.join("\n\n"));
		assert.deepEqual(wrong, []);
	},
	{ timeoutMs: 600_000 }
);

// The Arguments field typed as a whole command line: the runner and the checks read it alike.
test(
	'the Arguments typed as a command line, hello Alice, judge like Alice',
	async ({ page, url }) => {
		await open(page, url('/tutorial/hello-span/tags-and-logs'));
		await page.getByRole('button', { name: 'Solve' }).click();
		await page.getByRole('textbox', { name: 'Arguments' }).fill('hello Alice');
		const r = await runChecks(page);
		assert.ok(r.passed, r.text);
		assert.ok(r.text.includes('hello prints "Hello, Alice!"'), r.text);
	},
	{ timeoutMs: 120_000 }
);
