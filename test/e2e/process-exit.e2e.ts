// process.exit() in the real sandboxed worker: what the program printed and sent before the exit
// arrives, in order; nothing after it runs (a catch, a due timer); spans still in the reporter's
// buffer are lost while those flushed earlier are kept; a server that exits refuses the next
// connection; a status other than 0 is a failed command.
import { test, assert } from './harness';
import { consoleText, openPlayground, run } from './playground-page';

const files = {
	'job.ts': `import { fetch } from 'tour/http';
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';

const tracer = initTracer({ serviceName: 'job', sampler: { type: 'const', param: 1 }, reporter: { flushIntervalMs: 50 } });

export async function main(): Promise<void> {
  for (const path of ['/quit', '/hello']) {
    try {
      const res = await fetch('http://server:8080' + path);
      console.log(path, res.status);
    } catch (e) {
      console.log(path, (e as Error).message);
    }
  }
  tracer.startSpan('flushed-before-exit').finish();
  await sleep(400);
  tracer.startSpan('still-buffered').finish();
  console.log('before exit');
  setTimeout(() => console.log('a timer ran after exit'), 0);
  try {
    process.exit(3);
  } catch {
    console.log('caught the exit');
  }
  console.log('after exit');
}
`,
	'server.ts': `import { serve } from 'tour/http';

serve(8080, (req) => {
  if (req.path === '/quit') process.exit(0);
  return 'hello';
});
`
};

test('process.exit in the sandbox: the program ends at once, buffered spans are lost, the status is kept', async ({ page, url, consoleErrors }) => {
	await openPlayground(page, url, files);
	const status = await run(page);
	assert.match(status, /^Finished with 1 error/, status);
	// a moment for anything the worker might still send (it must not)
	await page.waitForTimeout(500);
	const lines = (await consoleText(page)).split('\n').filter((l) => !l.includes('Reporting span'));
	assert.deepEqual(lines, [
		'server │ exited with code 0',
		'job │ /quit fetch failed: socket hang up',
		'job │ /hello fetch failed: connect ECONNREFUSED server:8080',
		'job │ before exit',
		'job │ exited with code 3'
	]);
	// one trace: the span the 50 ms flush interval sent; the one finished just before the exit never left
	await page.getByRole('tab', { name: 'Traces (1)' }).click();
	assert.equal((await page.getByLabel('Total Spans', { exact: true }).first().innerText()).trim(), '1');
	const rows = (await page.getByRole('treegrid', { name: 'Trace timeline' }).getByRole('row').allInnerTexts()).join('\n');
	assert.match(rows, /flushed-before-exit/);
	assert.deepEqual(consoleErrors, []);
}, { timeoutMs: 90_000 });
