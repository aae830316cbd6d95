// A first visit measured as a learner's browser sees it: Chromium with no DevTools client attached
// to the page. Playwright enables the page's Runtime domain, and with it V8 records a detailed stack
// for every `new Error()` — which needs source positions, so an Error made at a module's top level
// re-parses the whole chunk: 60–107 ms for a 2.4 MB module under Playwright, 0.1 ms without it
// (measured, Chromium 156). Monaco makes several while it loads, so Playwright-driven long tasks
// are partly the bench's own.
//
// Here Chromium is started with --remote-debugging-pipe and driven over raw CDP using only
// Page.addScriptToEvaluateOnNewDocument, Page.navigate and Runtime.evaluate (none of which turns
// stack capture on). A script in the page does what the learner does — when the editor shows the
// code it clicks Solve, then Run — and records the milestones and every long task; Node reads them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_PATH } from '../../e2e/browser';
import { learnerClicks, milestonesScript, pageMilestones, settled, type Milestones, type Task } from './page-milestones';

export interface BareVisit {
	text: number;
	editor: number;
	pass: number;
	/** every main-thread long task until the pass (PerformanceObserver 'longtask') */
	tasks: Task[];
	/** the value of `extra` (an expression) in the page at the pass, for diagnosis */
	extra?: unknown;
}

/** CDP over Chromium's debugging pipe (fd 3 in, fd 4 out, messages ended by NUL). */
function pipeClient(input: Writable, output: Readable) {
	let next = 1;
	let buffer = '';
	const waiting = new Map<number, { ok: (v: any) => void; fail: (e: Error) => void }>();
	output.setEncoding('utf8');
	output.on('data', (chunk: string) => {
		buffer += chunk;
		let end: number;
		while ((end = buffer.indexOf('\0')) >= 0) {
			const message = JSON.parse(buffer.slice(0, end));
			buffer = buffer.slice(end + 1);
			const w = message.id !== undefined ? waiting.get(message.id) : undefined;
			if (!w) continue;
			waiting.delete(message.id);
			if (message.error) w.fail(new Error(`${message.error.message}`));
			else w.ok(message.result);
		}
	});
	return (method: string, params: object = {}, sessionId?: string): Promise<any> =>
		new Promise((ok, fail) => {
			const id = next++;
			waiting.set(id, { ok, fail });
			input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
		});
}

/** One cold first visit of `url` in a fresh Chromium (own profile), until the checks pass. */
export async function bareVisit(url: string, timeoutMs: number, extra?: string): Promise<BareVisit> {
	const profile = mkdtempSync(join(tmpdir(), 'tour-bare-'));
	const chromium = spawn(
		CHROMIUM_PATH,
		['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1280,800', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
		{ stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] }
	);
	const exited = new Promise((r) => chromium.once('exit', r));
	const send = pipeClient(chromium.stdio[3] as Writable, chromium.stdio[4] as Readable);
	try {
		const { targetInfos } = await send('Target.getTargets');
		const page = (targetInfos as { type: string; targetId: string }[]).find((t) => t.type === 'page');
		if (!page) throw new Error('no page target');
		const { sessionId } = await send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
		await send('Page.enable', {}, sessionId);
		await send('Page.addScriptToEvaluateOnNewDocument', { source: milestonesScript(pageMilestones, learnerClicks) }, sessionId);
		await send('Page.navigate', { url }, sessionId);
		const deadline = Date.now() + timeoutMs;
		let state: Milestones | null = null;
		while (Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 200));
			const { result } = await send('Runtime.evaluate', { expression: 'JSON.stringify(window.__milestones ?? { href: location.href })', returnByValue: true }, sessionId);
			state = JSON.parse(result.value ?? 'null');
			if (state?.pass) {
				const more = extra ? (await send('Runtime.evaluate', { expression: `JSON.stringify(${extra})`, returnByValue: true }, sessionId)).result.value : undefined;
				return { ...settled(state), extra: more && JSON.parse(more) };
			}
		}
		throw new Error(`no pass within ${timeoutMs / 1000} s (the page's record: ${JSON.stringify(state)?.slice(0, 300)})`);
	} finally {
		// Browser.close lets every Chromium process end before its profile is removed
		await Promise.race([send('Browser.close').catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
		await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
		if (chromium.exitCode === null) chromium.kill('SIGKILL');
		rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
	}
}
