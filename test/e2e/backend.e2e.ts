// The Backend panel while a burst goes through agent → collector → storage: its counters move during
// the run (not only at the end), each under its Jaeger metric name, and they end consistent with
// one another and with what the store holds (the Traces tab).
import { test, assert } from './harness';
import { consoleText, openPlayground, run } from './playground-page';

const SPACED = 5; // packets sent 300 ms apart: the counters have time to show them one by one
const BURST = 15; // packets sent at once against a queue of 2: most are dropped
const burst = `import { initTracer } from 'tour/tracing';
import { sleep } from 'tour/time';

const tracer = initTracer({ serviceName: 'burst', sampler: { type: 'const', param: 1 } });

// 100 spans fill one reporter batch: one UDP packet each time
function packet(round: number) {
  for (let i = 0; i < 100; i++) tracer.startSpan('item', { tags: { round } }).finish();
}

export async function main() {
  for (let r = 0; r < ${SPACED}; r++) {
    packet(r);
    await sleep(300);
  }
  for (let r = 0; r < ${BURST}; r++) packet(100 + r);
  await sleep(200);
  console.log('sent ${SPACED + BURST} packets');
}
`;
const yml = 'agent:\n  queueSize: 2\n  workers: 1\n';

interface Sample {
	at: number;
	/** component → counter label → [value, metric name] */
	c: Record<string, Record<string, [number, string]>>;
}

test('the Backend panel counts during a burst, under Jaeger metric names, and ends consistent with the store', async ({ page, url }) => {
	await openPlayground(page, url, { 'burst.ts': burst, 'jaeger.yml': yml });
	await page.getByRole('tab', { name: 'Backend' }).click();
	// read the panel in the page every 25 ms while the run goes: what a learner watching it sees
	await page.evaluate(() => {
		const w = window as unknown as { __samples: Sample[] };
		w.__samples = [];
		setInterval(() => {
			const c: Sample['c'] = {};
			for (const comp of document.querySelectorAll<HTMLElement>('[data-component]')) {
				const counters: Record<string, [number, string]> = {};
				for (const k of comp.querySelectorAll('.counter'))
					counters[k.querySelector('dt')!.textContent!.trim()] = [Number(k.querySelector('dd')!.textContent!.replace(/,/g, '')), k.querySelector('code')?.textContent ?? ''];
				c[comp.dataset.component!] = counters;
			}
			w.__samples.push({ at: performance.now(), c });
		}, 25);
	});
	const status = await run(page, 60_000);
	const samples = await page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);
	await page.getByRole('tab', { name: 'Console' }).click();
	assert.match(await consoleText(page), new RegExp(`sent ${SPACED + BURST} packets`));
	const last = samples[samples.length - 1].c;
	const v = (s: Sample['c'], comp: string, k: string) => s[comp]?.[k]?.[0] ?? -1;

	// metric names beside the counters
	assert.equal(last.agent.received[1], 'jaeger_agent_thrift_udp_server_packets_processed_total');
	assert.equal(last.agent.dropped[1], 'jaeger_agent_thrift_udp_server_packets_dropped_total');
	assert.equal(last.agent.queued[1], 'jaeger_agent_thrift_udp_server_queue_size');
	assert.equal(last.collector.received[1], 'jaeger_collector_spans_received_total');
	assert.equal(last.storage.written[1], 'jaeger_collector_spans_saved_by_svc_total{result="ok"}');

	// during the run: the agent's count went up step by step, and storage wrote before the end
	const agentSeen = new Set(samples.map((s) => v(s.c, 'agent', 'received')).filter((n) => n > 0));
	const timeline = samples
		.filter((s, i) => i === 0 || v(s.c, 'agent', 'received') !== v(samples[i - 1].c, 'agent', 'received'))
		.map((s) => `${Math.round(s.at - samples[0].at)} ms: ${v(s.c, 'agent', 'received')}`)
		.join(', ');
	assert.ok(agentSeen.size >= 3, `the agent's received counter went ${timeline}: it should climb while the spaced packets arrive`);
	const final = v(last, 'storage', 'written');
	assert.ok(samples.some((s) => v(s.c, 'storage', 'written') > 0 && v(s.c, 'storage', 'written') < final), 'storage showed a partial count before the end');

	// at the end: every packet counted, the burst overflowed, and the numbers agree down the line
	const received = v(last, 'agent', 'received');
	const dropped = v(last, 'agent', 'dropped');
	assert.equal(received, SPACED + BURST);
	assert.ok(dropped > 0, 'a burst of 15 packets against a queue of 2 drops some');
	assert.equal(v(last, 'agent', 'queued'), 0, 'the queue is empty once the run flushed');
	assert.equal(v(last, 'collector', 'received'), (received - dropped) * 100);
	assert.equal(final, (received - dropped) * 100);
	// one span per trace: the Traces tab counts what the store holds (capped at 1000 traces)
	await page.getByRole('tab', { name: `Traces (${Math.min(final, 1000)})` }).waitFor({ timeout: 20_000 });
	console.log(`backend panel: ${samples.length} samples, agent received ${[...agentSeen].join('→')}, dropped ${dropped} of ${received} packets, written ${final}; ${status}`);
});
