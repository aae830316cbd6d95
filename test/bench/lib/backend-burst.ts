// The backend bench's browser half: a 100,000-span burst through jaeger-agent → collector → store
// in Chromium, the Backend panel open, from a playground run of 20 services × 5,000 spans (the
// per-service span budget) reporting over UDP in packets of 100 spans. Measures the main thread's
// long tasks (PerformanceObserver 'longtask') during the run and the throughput the panel shows
// (storage's written counter against the page clock). Target: every long task < 50 ms.
import { openSite } from './site';
import { encodeShare } from '../../../src/lib/course/share';

const SERVICES = 20;
const SPANS_PER_SERVICE = 5000;
const PACE_MS = Number(process.env.BURST_PACE_MS ?? 50);

/**
 * One service: 50 packets of 100 spans, PACE_MS (50) apart — the 20 services together offer about
 * 40,000 spans a second for 2.5 s. UDP packets no longer count toward the page's 256-in-flight guard
 * (they once stopped this run there); BURST_PACE_MS=20 offers the spans faster than the pipeline
 * takes them (about 17–25k spans/s), which only makes the run longer.
 */
const service = (name: string) => `import { initTracer } from 'tour/tracing';
const tracer = initTracer({ serviceName: '${name}', sampler: { type: 'const', param: 1 } });
export async function main() {
  for (let p = 0; p < ${SPANS_PER_SERVICE / 100}; p++) {
    for (let i = 0; i < 100; i++) tracer.startSpan('item', { tags: { p } }).finish();
    await new Promise((r) => setTimeout(r, ${PACE_MS}));
  }
  await tracer.close();
}
`;

export interface BurstResult {
	spans: number;
	written: number;
	dropped: number;
	longTasks: number[];
	/** page ms from the first stored span to the last */
	ingestMs: number;
	status: string;
}

/** For profilers: called right before the Run click and right after the run ends. */
export interface BurstHooks {
	beforeRun?(page: import('playwright-core').Page): Promise<void>;
	afterRun?(page: import('playwright-core').Page): Promise<void>;
}

export async function backendBurst(hooks: BurstHooks = {}): Promise<BurstResult> {
	const files: Record<string, string> = { 'jaeger.yml': 'agent:\n  queueSize: 1000\n  workers: 10\n' };
	for (let i = 1; i <= SERVICES; i++) files[`s${String(i).padStart(2, '0')}.ts`] = service(`s${String(i).padStart(2, '0')}`);
	const site = await openSite();
	try {
		const page = await (await site.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
		await page.addInitScript(() => {
			const w = window as unknown as { __long: number[] };
			w.__long = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.__long.push(e.duration);
			}).observe({ type: 'longtask', buffered: true });
		});
		// ?offline=0: no service worker precaching beside the burst (it registers after a page's first Run)
		await page.goto(site.origin + '/playground?offline=0' + encodeShare(files));
		await page.getByRole('tab', { name: 's01.ts' }).waitFor({ timeout: 60_000 });
		await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
		await page.getByRole('tab', { name: 'Backend' }).click();
		await page.waitForTimeout(500);
		// the page's long tasks and the storage counter from the Run click on
		await page.evaluate(() => {
			const w = window as unknown as { __long: number[]; __written: [number, number][] };
			w.__long = [];
			w.__written = [];
			// no named functions in here: tsx would wrap them in a __name() the page does not have
			setInterval(() => w.__written.push([performance.now(), Number(document.querySelector('[data-component="storage"] .counter dd')?.textContent?.replace(/,/g, '') ?? 0)]), 20);
		});
		await hooks.beforeRun?.(page);
		await page.getByRole('button', { name: /^Run/ }).click();
		// a plain selector polled 4 times a second: getByRole's waitFor computed ARIA roles over the
		// whole page (Monaco's many nodes) on the main thread every frame, up to 420 ms a task
		await page.waitForFunction(() => /^(Finished|Stopped)/.test(document.querySelector('[role="status"][aria-label="Run status"]')?.textContent ?? ''), null, { timeout: 120_000, polling: 250 });
		await page.waitForTimeout(400);
		await hooks.afterRun?.(page);
		// read before anything else queries the page: a role query is itself a long task there
		const { long, written } = await page.evaluate(() => {
			const w = window as unknown as { __long: number[]; __written: [number, number][] };
			return { long: w.__long.slice(), written: w.__written.slice() };
		});
		const status = (await page.locator('[role="status"][aria-label="Run status"]').textContent()) ?? '';
		const counter = async (comp: string, label: string) =>
			Number(
				(await page.locator(`[data-component="${comp}"] .counter`).filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first().textContent())?.replace(/,/g, '') ?? -1
			);
		const final = await counter('storage', 'written');
		const first = written.find(([, n]) => n > 0);
		const last = written.find(([, n]) => n >= final);
		return {
			spans: SERVICES * SPANS_PER_SERVICE,
			written: final,
			dropped: await counter('agent', 'dropped'),
			longTasks: long,
			ingestMs: first && last ? Math.max(1, last[0] - first[0]) : NaN,
			status
		};
	} finally {
		await site.close();
	}
}
