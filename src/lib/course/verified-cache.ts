// The service worker's cache, trusting nothing it did not check. Cache Storage is writable by any
// script on the origin (a worker running learner code, say): whatever it holds is checked against
// the build's digest list (./digests.js, baked into the worker's own bytes) before it is stored and
// before it is served. A mismatch is deleted and fetched again from the network, and checked again.
//
// Cost: hashing means reading a file whole (esbuild.wasm is 14 MB). Each entry is checked once per
// worker lifetime; the memo keeps the checked *Blob*, not a "this path is fine" flag. A Blob is
// immutable and outlives the entry it was read from (Chromium keeps the bytes when the entry is
// replaced or deleted), so a `put()` by someone else after the check cannot change what we serve,
// and a flag could not notice it: no Cache API event or header tells the worker that an entry
// changed. Our own put/delete drops the memo. The stored bytes are served as a Blob-backed body,
// which streams, with the stored headers (Content-Type included, see `storable`).
import { sha256Hex } from './digests.js';
import { isImmutable, storable } from './offline';

/** Bytes whose digest was checked, and what to answer with them. */
export interface Checked {
	ok: boolean;
	blob: Blob;
	init: ResponseInit;
}

/**
 * Reads `res` whole and compares its SHA-256 with `digest`. The right bytes are not enough: a
 * writer of Cache Storage also picks status and headers, so a listed file must be a 200 (a cached
 * 302 could send a navigation anywhere), and only a page may be HTML (a chunk or __data.json
 * rendered as HTML would run any `<script>` inside its strings).
 */
export async function check(path: string, res: Response, digest: string): Promise<Checked> {
	const blob = await res.blob();
	const ok = res.status === 200 && (isPage(path) || !isHtml(res)) && (await sha256Hex(await blob.arrayBuffer())) === digest;
	return { ok, blob, init: { status: res.status, statusText: res.statusText, headers: res.headers } };
}

/** Prerendered pages are the paths without an extension (`/`, `/tutorial/a/b`) or ending in .html. */
function isPage(path: string): boolean {
	const last = new URL(path, 'http://x').pathname.split('/').pop() ?? '';
	return !last.includes('.') || last.endsWith('.html');
}
const isHtml = (res: Response) => /^\s*text\/html\b/i.test(res.headers.get('content-type') ?? '');

export const answer = (c: Checked) => new Response(c.blob, c.init);

export interface VerifiedCacheDeps {
	caches: CacheStorage;
	fetch: typeof fetch;
	/** the worker's origin, to turn paths into the pathnames requests have */
	origin: string;
}

export class VerifiedCache {
	/** pathname → its entry in this cache, checked during this worker's lifetime */
	readonly #memo = new Map<string, Checked>();

	constructor(
		readonly name: string,
		/** pathname → hex SHA-256; null when the worker was not baked (dev): then nothing is trusted */
		readonly digests: Map<string, string> | null,
		readonly deps: VerifiedCacheDeps
	) {}

	/** `path` as a request's pathname (percent-encoded, no query) */
	key(path: string): string {
		return new URL(path, this.deps.origin).pathname;
	}

	digestOf(path: string): string | undefined {
		return this.digests?.get(this.key(path));
	}

	/**
	 * Install: make sure `path` is in this cache with the listed bytes. Keeps a matching entry (a
	 * retried install resumes), else copies a matching one from an `older` cache (content-hashed
	 * files rarely change between builds), else downloads it. Throws when the network's bytes don't
	 * match either: the install fails and the current version stays. Returns the checked bytes.
	 */
	async precache(path: string, older: string[]): Promise<Blob> {
		const digest = this.digestOf(path);
		if (!digest) throw new Error(`precache: ${path} is not in the build's digest list`);
		const cache = await this.deps.caches.open(this.name);
		const have = await cache.match(path);
		const kept = have && (await check(path, have, digest));
		if (kept && kept.ok) return kept.blob;
		if (isImmutable(path)) {
			for (const name of older) {
				const old = await (await this.deps.caches.open(name)).match(path);
				if (!old) continue;
				const copy = await check(path, old, digest);
				if (copy.ok) return this.#store(cache, path, copy);
			}
		}
		const got = await this.#download(path, digest);
		if (!got.ok) throw new Error(`precache: ${path} ${got.init.status === 200 ? `does not match the build's digest` : `answered ${got.init.status}`}`);
		return this.#store(cache, path, got);
	}

	/**
	 * Fetch: the checked cached copy of a listed path; a path not listed, or not cached, goes to the
	 * network as if there were no worker. A cached copy that fails the check is deleted and replaced
	 * by a checked download; if even the network's bytes differ (a newer deploy is live), they are
	 * passed through as the network gave them, and not stored.
	 */
	async respond(request: Request): Promise<Response> {
		const path = this.key(request.url); // a static host ignores the query (`?text=1`): so do we
		const digest = this.digests?.get(path);
		if (!digest) return this.deps.fetch(request);
		const known = this.#memo.get(path);
		if (known) return answer(known);

		const cache = await this.deps.caches.open(this.name);
		const hit = await cache.match(path);
		if (!hit) return this.deps.fetch(request);
		const cached = await check(path, hit, digest);
		if (cached.ok) {
			this.#memo.set(path, cached);
			return answer(cached);
		}
		console.warn(`service worker: the cached ${path} does not match this build; fetching it again`);
		await cache.delete(path);
		this.#memo.delete(path);
		const got = await this.#download(path, digest);
		if (got.ok) await this.#store(cache, path, got);
		return answer(got);
	}

	async #store(cache: Cache, path: string, c: Checked): Promise<Blob> {
		await cache.put(path, answer(c));
		this.#memo.delete(this.key(path)); // the entry changed: check it again when it is served
		return c.blob;
	}

	/** From the network, checked; once more past the HTTP cache if the first answer doesn't match. */
	async #download(path: string, digest: string): Promise<Checked> {
		// pages and data change with every build: revalidate rather than trust the HTTP cache
		let got = await check(path, storable(path, await this.deps.fetch(path, { cache: isImmutable(path) ? 'default' : 'no-cache' })), digest);
		if (!got.ok && got.init.status === 200) got = await check(path, storable(path, await this.deps.fetch(path, { cache: 'reload' })), digest);
		return got;
	}
}
