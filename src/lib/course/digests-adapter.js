// @ts-check
// Build step: after the adapter has written the site, hash every file the service worker may
// precache and bake the list into service-worker.js (see ./digests.js for why there), then write
// compressed copies of the site (./precompress.js) — after baking, so the worker's copies are baked.
//
// Why an adapter wrapper and not a Vite plugin: SvelteKit builds the service worker in a nested Vite
// build without our plugins, after prerendering; the adapter runs after that, and its builder knows
// which file each prerendered path was written to (`/tutorial` → tutorial.html). Only the adapter's
// output gets the baked worker: static hosts, `npm start` (./site-server.ts) and the browser tests
// all serve it. (`vite preview` serves .svelte-kit/output/client, whose worker stays unbaked and so
// precaches nothing: no offline copy there, never a wrong one.)
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { bakeDigests, sha256Hex } from './digests.js';
import { precompressDir } from './precompress.js';

const WORKER = 'service-worker.js';

/**
 * @param {import('@sveltejs/kit').Adapter} adapter the real adapter (adapter-static)
 * @param {{ out: string }} options the directory `adapter` writes (adapter-static's `pages`)
 * @returns {import('@sveltejs/kit').Adapter}
 */
export function withServiceWorkerDigests(adapter, { out }) {
	return {
		...adapter,
		name: `${adapter.name} + service-worker digests`,
		async adapt(builder) {
			await adapter.adapt(builder);
			const count = await bakeServiceWorkerDigests(builder, out);
			builder.log.success(`Baked SHA-256 digests of ${count} files into ${WORKER}`);
			const started = Date.now();
			const r = await precompressDir(out, { cacheDir: 'node_modules/.cache/trace-tour-precompress' });
			const mb = (/** @type {number} */ n) => (n / 1e6).toFixed(1);
			builder.log.success(`Precompressed ${r.files} files (${r.cached} from the cache) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${mb(r.rawBytes)} MB → brotli ${mb(r.brBytes)} MB, gzip ${mb(r.gzBytes)} MB`);
		}
	};
}

/**
 * Throws (failing the build) when a file is missing or the worker has no placeholder.
 * @param {import('@sveltejs/kit').Builder} builder
 * @param {string} out
 * @returns {Promise<number>} how many files are listed
 */
export async function bakeServiceWorkerDigests(builder, out) {
	const base = builder.config.kit.paths.base;
	const client = builder.getClientDirectory();
	/** @type {{ path: string, file: string }[]} */
	const entries = [];

	// every built and static file (a superset of `build` and `files` in $service-worker, and it has
	// the esbuild.wasm that only a worker bundle names); not the worker itself, nor Vite's manifest
	for (const file of walk(client)) {
		if (file === WORKER || file.startsWith('.vite/')) continue;
		entries.push({ path: `${base}/${file}`, file });
	}
	// every prerendered page, redirect and __data.json, by the file the adapter wrote it to
	const { pages, redirects, paths } = builder.prerendered;
	for (const path of paths) {
		const rel = path.slice(base.length + 1);
		entries.push({ path, file: pages.get(path)?.file ?? (redirects.has(path) ? htmlFile(rel) : rel) });
	}

	/** @type {Record<string, string>} */
	const digests = {};
	for (const { path, file } of entries) {
		const served = join(out, file);
		if (!existsSync(served)) throw new Error(`service worker digests: ${path} should be at ${served}, which does not exist`);
		const digest = await sha256Hex(readFileSync(served));
		if (digests[path] && digests[path] !== digest) throw new Error(`service worker digests: two different files claim ${path}`);
		digests[path] = digest;
	}

	// a compressed copy written before this step (the adapter's own `precompress`) would be the unbaked worker
	for (const ext of ['.gz', '.br']) {
		if (existsSync(join(out, WORKER + ext))) throw new Error(`service worker digests: ${WORKER}${ext} would keep the unbaked worker; turn the adapter's precompress off (this wrapper compresses after baking)`);
	}
	const worker = join(out, WORKER);
	if (!existsSync(worker)) throw new Error(`service worker digests: no ${worker}`);
	writeFileSync(worker, bakeDigests(readFileSync(worker, 'utf8'), digests));
	return Object.keys(digests).length;
}

/** SvelteKit's name for a prerendered HTML file: `a/b` → `a/b.html`, `a/` → `a/index.html`. */
const htmlFile = (/** @type {string} */ rel) => (rel === '' ? 'index.html' : rel.endsWith('.html') ? rel : rel + (rel.endsWith('/') ? 'index.html' : '.html'));

/**
 * Files under `dir`, as `/`-separated paths relative to it.
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
	/** @type {string[]} */
	const files = [];
	const visit = (/** @type {string} */ d) => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) visit(full);
			else files.push(relative(dir, full).split(sep).join('/'));
		}
	};
	visit(dir);
	return files;
}
