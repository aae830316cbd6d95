// The service worker's checked cache, against in-memory fakes of Cache Storage and the network.
// The attacker is whoever else writes the fakes' caches (any script on the origin can).
import { describe, it, expect, vi } from 'vitest';
import { sha256Hex } from '../../../src/lib/course/digests.js';
import { VerifiedCache } from '../../../src/lib/course/verified-cache';

const ORIGIN = 'https://tour.example';
const path = (p: RequestInfo | URL) => new URL(typeof p === 'string' ? p : p instanceof URL ? p.href : p.url, ORIGIN).pathname;

/** Stores bytes, like the real thing: what was put cannot change afterwards through a Response. */
class FakeCache {
	entries = new Map<string, { body: Uint8Array; status: number; headers: [string, string][] }>();
	matches = 0;
	async match(req: RequestInfo | URL) {
		this.matches++;
		const e = this.entries.get(path(req));
		return e && new Response(e.body.slice(), { status: e.status, headers: e.headers });
	}
	async put(req: RequestInfo | URL, res: Response) {
		this.entries.set(path(req), { body: new Uint8Array(await res.arrayBuffer()), status: res.status, headers: [...res.headers] });
	}
	async delete(req: RequestInfo | URL) {
		return this.entries.delete(path(req));
	}
	async text(p: string) {
		return (await this.match(p))?.text();
	}
}

class FakeCaches {
	all = new Map<string, FakeCache>();
	async open(name: string) {
		if (!this.all.has(name)) this.all.set(name, new FakeCache());
		return this.all.get(name)!;
	}
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/octet-stream' };
/** The host: a build's files, and a log of what was downloaded with which cache mode. */
function host(site: Record<string, string>) {
	const log: string[] = [];
	const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
		const p = path(input);
		log.push(`${p} ${init?.cache ?? '-'}`);
		if (!(p in site)) return new Response('Not found', { status: 404 });
		return new Response(site[p], { headers: { 'content-type': TYPES[p.match(/\.\w+$/)?.[0] ?? ''] ?? 'text/html' } });
	});
	return { fetch, log };
}

const SITE = {
	'/tutorial/a': '<html>the real page',
	'/tutorial/a/__data.json': '{"real":true}',
	'/_app/immutable/chunks/app.X.js': 'export const real = 1;',
	'/_app/immutable/chunks/lib.Y.js': 'export const lib = 1;',
	'/_app/immutable/workers/assets/esbuild-Z.wasm': '\0asm'
};
const POISON_HTML = '<script>window.poisoned=1</script><html>the real page';
const POISON_JS = 'window.poisoned=1;export const real = 1;';

async function digestsOf(site: Record<string, string>) {
	const map = new Map<string, string>();
	for (const [p, text] of Object.entries(site)) map.set(p, await sha256Hex(new TextEncoder().encode(text)));
	return map;
}

async function setup(site: Record<string, string> = SITE, name = 'trace-tour-2') {
	const caches = new FakeCaches();
	const { fetch, log } = host(site);
	const digests = await digestsOf(SITE);
	const make = () => new VerifiedCache(name, digests, { caches: caches as unknown as CacheStorage, fetch: fetch as typeof globalThis.fetch, origin: ORIGIN });
	return { caches, fetch, log, digests, store: make(), restart: make, cache: await caches.open(name) };
}
const poison = (cache: FakeCache, p: string, body: string, type = 'text/html') => cache.put(p, new Response(body, { headers: { 'content-type': type } }));
const get = (store: VerifiedCache, p: string) => store.respond(new Request(ORIGIN + p));

describe('install (precache)', () => {
	it('downloads, checks and stores each file; pages revalidate, hashed files may come from the HTTP cache', async () => {
		const { store, cache, log } = await setup();
		for (const p of Object.keys(SITE)) await store.precache(p, []);
		for (const [p, text] of Object.entries(SITE)) expect(await cache.text(p)).toBe(text);
		expect(log).toContain('/tutorial/a no-cache');
		expect(log).toContain('/_app/immutable/chunks/app.X.js default');
		// hosts that send octet-stream for .wasm: stored as application/wasm (instantiateStreaming needs it)
		expect((await cache.match('/_app/immutable/workers/assets/esbuild-Z.wasm'))!.headers.get('content-type')).toBe('application/wasm');
	});

	it('a new version copies an unchanged hashed file from the old cache only if its bytes match: a poisoned one is downloaded', async () => {
		const { store, caches, cache, log } = await setup();
		const old = await caches.open('trace-tour-1');
		await old.put('/_app/immutable/chunks/lib.Y.js', new Response(SITE['/_app/immutable/chunks/lib.Y.js'], { headers: { 'content-type': 'text/javascript' } }));
		await poison(old, '/_app/immutable/chunks/app.X.js', POISON_JS, 'text/javascript');

		await store.precache('/_app/immutable/chunks/lib.Y.js', ['trace-tour-1']);
		await store.precache('/_app/immutable/chunks/app.X.js', ['trace-tour-1']);
		expect(log).toEqual(['/_app/immutable/chunks/app.X.js default']); // lib.Y.js was copied, not downloaded
		expect(await cache.text('/_app/immutable/chunks/lib.Y.js')).toBe(SITE['/_app/immutable/chunks/lib.Y.js']);
		expect(await cache.text('/_app/immutable/chunks/app.X.js')).toBe(SITE['/_app/immutable/chunks/app.X.js']);
	});

	it('a retried install keeps what matches and replaces what was poisoned in its own cache meanwhile', async () => {
		const { store, cache, log } = await setup();
		await store.precache('/tutorial/a/__data.json', []);
		await poison(cache, '/tutorial/a', POISON_HTML);
		log.length = 0;
		await store.precache('/tutorial/a/__data.json', []);
		await store.precache('/tutorial/a', []);
		expect(log).toEqual(['/tutorial/a no-cache']);
		expect(await cache.text('/tutorial/a')).toBe(SITE['/tutorial/a']);
	});

	it('fails when the network’s bytes do not match, after one try past the HTTP cache; nothing is stored', async () => {
		const { store, cache, log } = await setup({ ...SITE, '/tutorial/a': '<html>another deploy' });
		await expect(store.precache('/tutorial/a', [])).rejects.toThrow(/does not match/);
		expect(log).toEqual(['/tutorial/a no-cache', '/tutorial/a reload']);
		expect(cache.entries.has('/tutorial/a')).toBe(false);
		await expect(store.precache('/not-listed.js', [])).rejects.toThrow(/not in the build's digest list/);
		await expect((await setup({})).store.precache('/tutorial/a', [])).rejects.toThrow(/answered 404/);
	});
});

describe('fetch (respond)', () => {
	async function installed() {
		const s = await setup();
		for (const p of Object.keys(SITE)) await s.store.precache(p, []);
		s.log.length = 0;
		s.fetch.mockClear();
		return s;
	}

	it('serves a checked copy from the cache, with its headers, ignoring the query; the network is not asked', async () => {
		const { store, log } = await installed();
		const res = await get(store, '/tutorial/a/__data.json?x-sveltekit-invalidated=01');
		expect(await res.text()).toBe(SITE['/tutorial/a/__data.json']);
		expect(res.headers.get('content-type')).toBe('application/json');
		const wasm = await get(store, '/_app/immutable/workers/assets/esbuild-Z.wasm');
		expect(wasm.headers.get('content-type')).toBe('application/wasm');
		expect(log).toEqual([]);
	});

	it('checks each entry once per worker lifetime; our own put/delete makes it check again', async () => {
		const { store, cache } = await installed();
		cache.matches = 0;
		for (let i = 0; i < 3; i++) expect(await (await get(store, '/_app/immutable/chunks/app.X.js')).text()).toBe(SITE['/_app/immutable/chunks/app.X.js']);
		expect(cache.matches).toBe(1);
		await store.precache('/_app/immutable/chunks/app.X.js', []); // kept (it matches): no put
		await get(store, '/_app/immutable/chunks/app.X.js');
		expect(cache.matches).toBe(2); // precache looked; respond still had it checked
	});

	it('a poisoned page or chunk is never served: it is deleted, downloaded again, checked, stored', async () => {
		const { store, cache, log } = await installed();
		await poison(cache, '/tutorial/a', POISON_HTML);
		await poison(cache, '/_app/immutable/chunks/app.X.js', POISON_JS, 'text/javascript');
		expect(await (await get(store, '/tutorial/a')).text()).toBe(SITE['/tutorial/a']);
		expect(await (await get(store, '/_app/immutable/chunks/app.X.js')).text()).toBe(SITE['/_app/immutable/chunks/app.X.js']);
		expect(log).toEqual(['/tutorial/a no-cache', '/_app/immutable/chunks/app.X.js default']);
		expect(await cache.text('/tutorial/a')).toBe(SITE['/tutorial/a']);
		expect(await cache.text('/_app/immutable/chunks/app.X.js')).toBe(SITE['/_app/immutable/chunks/app.X.js']);
	});

	it('a put by someone else after the check cannot change what this worker serves; the next worker finds and repairs it', async () => {
		const { store, restart, cache } = await installed();
		expect(await (await get(store, '/tutorial/a')).text()).toBe(SITE['/tutorial/a']);
		await poison(cache, '/tutorial/a', POISON_HTML);
		expect(await (await get(store, '/tutorial/a')).text()).toBe(SITE['/tutorial/a']); // the checked bytes, kept
		const next = restart(); // the browser stopped the worker; a new one starts with no memo
		expect(await (await get(next, '/tutorial/a')).text()).toBe(SITE['/tutorial/a']);
		expect(await cache.text('/tutorial/a')).toBe(SITE['/tutorial/a']);
	});

	it('the right bytes with a status or type chosen to misuse them are poisoned too', async () => {
		const { store, cache } = await installed();
		// a chunk (or __data.json) served as HTML would run any <script> in its strings
		await poison(cache, '/_app/immutable/chunks/app.X.js', SITE['/_app/immutable/chunks/app.X.js'], 'text/html');
		await cache.put('/tutorial/a', new Response(SITE['/tutorial/a'], { status: 500, headers: { 'content-type': 'text/html' } }));
		const chunk = await get(store, '/_app/immutable/chunks/app.X.js');
		expect(chunk.headers.get('content-type')).toBe('text/javascript');
		expect((await get(store, '/tutorial/a')).status).toBe(200);
	});

	it('not listed, or not cached: the network, as without a worker, and nothing is stored', async () => {
		const { store, cache, log, fetch } = await installed();
		await cache.delete('/tutorial/a');
		await poison(cache, '/extra.js', 'anything', 'text/javascript');
		expect((await get(store, '/extra.js')).status).toBe(404); // never from the cache: not in the list
		expect(await (await get(store, '/tutorial/a')).text()).toBe(SITE['/tutorial/a']);
		expect(log).toEqual(['/extra.js -', '/tutorial/a -']);
		expect(fetch.mock.calls[0][0]).toBeInstanceOf(Request); // the request itself, as before
		expect(cache.entries.has('/tutorial/a')).toBe(false);
	});

	it('when even the network differs (a newer deploy is live) its answer is passed through, not stored', async () => {
		const s = await setup({ ...SITE, '/tutorial/a': '<html>next deploy' });
		await poison(s.cache, '/tutorial/a', POISON_HTML);
		expect(await (await get(s.store, '/tutorial/a')).text()).toBe('<html>next deploy');
		expect(s.cache.entries.has('/tutorial/a')).toBe(false);
	});

	it('an unbaked worker (dev) trusts nothing: everything goes to the network', async () => {
		const caches = new FakeCaches();
		const { fetch } = host(SITE);
		await poison(await caches.open('v'), '/tutorial/a', POISON_HTML);
		const store = new VerifiedCache('v', null, { caches: caches as unknown as CacheStorage, fetch: fetch as typeof globalThis.fetch, origin: ORIGIN });
		expect(await (await get(store, '/tutorial/a')).text()).toBe(SITE['/tutorial/a']);
	});
});
