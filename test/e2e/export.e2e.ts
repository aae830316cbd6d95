// "Also send my spans to…" and "Download as a Node project" in a real browser: the page posts a run's
// spans to a local OTLP/HTTP receiver (decoded strictly with opentelemetry-proto's definitions: otlp-official.ts), explains a CORS
// refusal and a closed port, and the download is a zip with the right files.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { test, assert } from './harness';
import { openPlayground, run } from './playground-page';
import { startOtlpReceiver } from '../unit/export/otlp-receiver';

const traced = {
	'client.ts': `import { fetch } from 'tour/http';
import { initTracer } from 'tour/tracing';
const tracer = initTracer('client');
export async function main() {
  const span = tracer.startSpan('ask', { tags: { 'span.kind': 'client', attempt: 1, ratio: 0.5, cached: false } });
  span.log({ event: 'asking', bytes: 12 });
  const res = await fetch('http://greeter:8081/greet');
  console.log('client got', await res.text());
  span.finish();
}
`,
	'greeter.ts': `import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';
const tracer = initTracer('greeter');
serve(8081, () => {
  tracer.startSpan('greet').finish();
  return 'hi';
});
`
};

async function turnOn(page: Page, endpoint: string) {
	await page.getByRole('checkbox', { name: 'Also send my spans to…' }).check();
	const box = page.getByRole('textbox', { name: 'OTLP/HTTP endpoint' });
	await box.fill(endpoint);
	await box.press('Tab');
}

const outcome = (page: Page) => page.getByLabel('Span export');

test('the setting sends a run\'s spans to a local OTLP/HTTP receiver, which decodes them', async ({ page, url }) => {
	const origin = new URL(url('/')).origin;
	const receiver = await startOtlpReceiver({ cors: origin });
	try {
		await openPlayground(page, url, traced);
		await turnOn(page, receiver.url);
		await run(page);
		await outcome(page).filter({ hasText: 'Sent' }).waitFor({ timeout: 10_000 });
		assert.match((await outcome(page).textContent())!, /Sent 2 spans to http:\/\/127\.0\.0\.1:\d+\/v1\/traces\./);
		assert.deepEqual(receiver.refusals, [], 'every request decodes field for field with the official definitions');
		assert.deepEqual(receiver.spans.map((s) => `${s.service} ${s.name}`).sort(), ['client ask', 'greeter greet']);
		assert.equal(receiver.spans.find((s) => s.name === 'ask')?.kind, 3, 'span.kind=client is SpanKind CLIENT (3)');
		assert.equal(new Set(receiver.spans.map((s) => s.traceId)).size, 2, 'no propagation in this program: two traces');
		// the choice is remembered
		await page.reload();
		// the prerendered page shows the default until the script reads the preferences
		await page.waitForFunction((u) => (document.querySelector('input[aria-label="OTLP/HTTP endpoint"]') as HTMLInputElement | null)?.value === u, receiver.url, { timeout: 10_000 });
		assert.ok(await page.getByRole('checkbox', { name: 'Also send my spans to…' }).isChecked());
	} finally {
		await receiver.close();
	}
});

test('a collector without CORS for this page: the message says so and shows the cors block that fixes it', async ({ page, url }) => {
	const receiver = await startOtlpReceiver();
	try {
		await openPlayground(page, url, traced);
		await turnOn(page, receiver.url);
		await run(page);
		await outcome(page).filter({ hasText: 'CORS' }).waitFor({ timeout: 10_000 });
		const text = (await outcome(page).textContent())!;
		assert.match(text, /its CORS settings do not let this page/);
		assert.match(text, new RegExp(`allowed_origins: \\["${new URL(url('/')).origin.replace(/[.]/g, '\\.')}"\\]`));
		assert.equal(receiver.spans.length, 0);
		assert.equal(await outcome(page).getAttribute('role'), 'alert');
	} finally {
		await receiver.close();
	}
});

test('nothing listening: "connection refused"', async ({ page, url }) => {
	const port = await new Promise<number>((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const p = (s.address() as { port: number }).port;
			s.close(() => resolve(p));
		});
	});
	await openPlayground(page, url, traced);
	await turnOn(page, `http://127.0.0.1:${port}/v1/traces`);
	await run(page);
	await outcome(page).filter({ hasText: 'refused' }).waitFor({ timeout: 10_000 });
	assert.match((await outcome(page).textContent())!, /nothing answered at .* \(connection refused\)/);
});

test('Download as a Node project: lesson 3\'s step gives a zip with package.json, the files, tour/, compose and README', async ({ page, context, url }) => {
	await page.goto(url('/tutorial/rpc/failed-call'));
	await page.getByRole('button', { name: 'Solve' }).click();
	// made in the page: it works with the network off
	await context.setOffline(true);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as a Node project' }).click()]);
	assert.equal(download.suggestedFilename(), 'rpc-failed-call.zip');
	await context.setOffline(false);
	const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
	const names = Object.keys(zip).sort();
	for (const f of ['package.json', 'README.md', 'docker-compose.yml', 'hello.ts', 'formatter.ts', 'publisher.ts', 'tour/package.json', 'tour/http.js', 'tour/tracing.js', 'tour/process.js', 'tour/time.js', 'tour/start.js', 'tour/project.json']) {
		assert.ok(names.includes(`rpc-failed-call/${f}`), `${f} in ${names.join(', ')}`);
	}
	const pkg = JSON.parse(new TextDecoder().decode(zip['rpc-failed-call/package.json']));
	assert.equal(pkg.dependencies['jaeger-client'], '3.19.0');
	assert.match(new TextDecoder().decode(zip['rpc-failed-call/hello.ts']), /span\.setTag\(Tags\.ERROR, true\)/);
});

test('the playground offers the download too', async ({ page, url }) => {
	await openPlayground(page, url, traced);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as a Node project' }).click()]);
	const names = Object.keys(unzipSync(new Uint8Array(readFileSync((await download.path())!))));
	assert.ok(names.includes('trace-tour-playground/client.ts') && names.includes('trace-tour-playground/greeter.ts'));
});
