// OpenTelemetry in a real browser: the OTel packages are bundled into the sandbox's worker, an OTel
// service and an OpenTracing service in one playground run give one trace (W3C on the wire, both
// directions, the second through the real OpenTracing shim), and the OTel spans go as OTLP/HTTP
// JSON to jaeger-collector:4318/v1/traces, visible on the Network panel.
import type { Page } from 'playwright-core';
import { test, assert } from './harness';
import { consoleText, openPlayground, run } from './playground-page';
import { otClient, otelClient, otServer, shimServer } from '../unit/otel/programs';

const dd = (page: Page, label: string) => page.getByLabel(label, { exact: true }).first();

async function oneTraceOfTwoServices(page: Page, label: string) {
	const status = await run(page, 60_000);
	assert.match(status, /^Finished in/, `${label}: ${status}\n${await consoleText(page)}`);
	await page.getByRole('tab', { name: 'Traces (1)' }).click();
	assert.equal((await dd(page, 'Services').innerText()).trim(), '2', `${label}: services in the one trace`);
	assert.equal((await dd(page, 'Total Spans').innerText()).trim(), '2', `${label}: spans in the one trace`);
	const rows = page.getByRole('treegrid', { name: 'Trace timeline' }).getByRole('row');
	const names = (await rows.allInnerTexts()).join('\n');
	assert.match(names, /hello[\s\S]*say-hello/, `${label}: the client's span`);
	assert.match(names, /formatter[\s\S]*format/, `${label}: the server's span`);
}

test('an OTel client and an OpenTracing server (traceparent) give one trace; OTLP JSON goes to :4318', async ({ page, url, consoleErrors }) => {
	await openPlayground(page, url, { 'hello.ts': otelClient, 'formatter.ts': otServer });
	await oneTraceOfTwoServices(page, 'OTel → OpenTracing');
	await page.getByRole('tab', { name: 'Network' }).click();
	const network = page.getByRole('region', { name: 'Network' });
	assert.ok((await network.getByRole('row').filter({ hasText: /traceparent/ }).count()) > 0, 'traceparent on the wire');
	await network.getByRole('checkbox').first().check();
	const otlp = network.getByRole('row').filter({ hasText: /jaeger-collector:4318[\s\S]*\/v1\/traces/ });
	assert.ok((await otlp.count()) > 0, 'the OTLP export is on the Network panel');
	assert.match(await otlp.first().innerText(), /POST[\s\S]*200/);
	assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000 });

test('an OpenTracing client and a server on the real OpenTracing shim give one trace', async ({ page, url, consoleErrors }) => {
	await openPlayground(page, url, { 'hello.ts': otClient, 'formatter.ts': shimServer });
	await oneTraceOfTwoServices(page, 'OpenTracing → shim');
	await page.getByRole('tab', { name: 'Console' }).click();
	assert.match(await consoleText(page), /Hello, Bryan \(Bryan\)/);
	assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000 });

test('the OTel example: span details show the OTel data (kind, scope, resource)', async ({ page, url, consoleErrors }) => {
	await page.goto(url('/playground?example=otel'));
	await page.getByRole('tab', { name: 'shop.ts' }).waitFor({ timeout: 20_000 });
	assert.match(await run(page, 60_000), /^Finished in/);
	await page.getByRole('tab', { name: 'Traces (1)' }).click();
	assert.equal((await dd(page, 'Services').innerText()).trim(), '3');
	const rows = page.getByRole('treegrid', { name: 'Trace timeline' }).getByRole('row');
	await rows.filter({ hasText: 'GET /price' }).first().click();
	const details = page.getByRole('region', { name: 'Span details' });
	await details.waitFor({ timeout: 5_000 });
	const shown = await details.innerText();
	for (const want of ['span.kind', 'client', 'otel.scope.name', 'shop', 'url.full', 'telemetry.sdk.language'])
		assert.ok(shown.includes(want), `span details show ${want}`);
	await page.screenshot({ path: 'test-results/otel-span-details.png', fullPage: true });
	assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 120_000 });
