// @ts-check
// The build's SHA-256 list of every file the service worker may precache, and how it reaches the
// worker. Shared by the build (./digests-adapter.js, loaded by svelte.config.js, hence plain JS) and
// the service worker (./verified-cache.ts).
//
// Why baked into the worker's own bytes: any script on the origin can write Cache Storage, IndexedDB
// or OPFS, but not the service-worker script: the browser fetches that from the host and keeps it
// outside Cache Storage. So the list that judges cached files must live there, not beside them.

/**
 * What src/service-worker.ts holds before the build replaces it. Not a valid list on purpose: an
 * unbaked worker (the dev server's) precaches nothing rather than trusting anything.
 */
export const DIGESTS_PLACEHOLDER = '__TRACE_TOUR_SW_DIGESTS__';

/** Any quote style: the minifier is free to turn '…' into `…`. */
const PLACEHOLDER_LITERAL = /(["'`])__TRACE_TOUR_SW_DIGESTS__\1/g;
const HEX_DIGEST = /^[0-9a-f]{64}$/;

/**
 * Returns `source` (a built service worker) with the placeholder literal replaced by a string
 * literal holding `digests` as JSON. Throws unless the placeholder occurs exactly once: a build
 * whose worker cannot carry the list must fail, not ship a worker that checks nothing.
 * @param {string} source
 * @param {Record<string, string>} digests path → lowercase hex SHA-256
 */
export function bakeDigests(source, digests) {
	const found = source.match(PLACEHOLDER_LITERAL)?.length ?? 0;
	if (found !== 1) throw new Error(`service worker digests: expected the placeholder ${DIGESTS_PLACEHOLDER} once in the built worker, found it ${found} times`);
	for (const [path, digest] of Object.entries(digests)) {
		if (!path.startsWith('/') || !HEX_DIGEST.test(digest)) throw new Error(`service worker digests: bad entry ${path} → ${digest}`);
	}
	// JSON inside a JS string literal: parses faster than an object literal, and a JSON string is a
	// valid JS string literal. A function replacement, so `$&` in a path means nothing.
	return source.replace(PLACEHOLDER_LITERAL, () => JSON.stringify(JSON.stringify(digests)));
}

/**
 * The worker's side: the baked text as a map from URL pathname (percent-encoded, as
 * `new URL(request.url).pathname` gives it) to hex digest; null while unbaked.
 * @param {string} baked
 * @param {string} origin the worker's origin, to normalise paths
 * @returns {Map<string, string> | null}
 */
export function readDigests(baked, origin) {
	// deliberately not `baked === DIGESTS_PLACEHOLDER`: the minifier would fold that comparison of two
	// equal literals to `true` and drop the parsing the build relies on
	if (!baked.startsWith('{')) return null;
	/** @type {unknown} */
	const parsed = JSON.parse(baked);
	if (!parsed || typeof parsed !== 'object') throw new Error('service worker digests: not an object');
	const map = new Map();
	for (const [path, digest] of Object.entries(parsed)) {
		if (typeof digest !== 'string' || !HEX_DIGEST.test(digest)) throw new Error(`service worker digests: bad digest for ${path}`);
		map.set(new URL(path, origin).pathname, digest);
	}
	return map;
}

/**
 * Lowercase hex SHA-256 of `bytes`, with WebCrypto: the same code in Node (the build, vitest) and
 * in the service worker.
 * @param {BufferSource} bytes
 * @returns {Promise<string>}
 */
export async function sha256Hex(bytes) {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	let hex = '';
	for (const b of digest) hex += b.toString(16).padStart(2, '0');
	return hex;
}
