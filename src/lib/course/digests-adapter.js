// @ts-check
// Build step: after the adapter has written the site, hash every file the service worker may
// precache and bake the list into service-worker.js (see ./digests.js for why there).
//
// Why an adapter wrapper and not a Vite plugin: SvelteKit builds the service worker in a nested Vite
// build without our plugins, after prerendering; the adapter runs after that, and its builder knows
// which file each prerendered path was written to (`/tutorial` → tutorial.html). Two copies get the
// baked worker: the adapter's output (what static hosts and the browser tests serve) and
// .svelte-kit/output/client (what `vite preview`, i.e. `npm start`, serves).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { bakeDigests, sha256Hex } from './digests.js';

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
		}
	};
}

/**
 * Throws (failing the build) when a file is missing, when the copy `vite preview` serves differs
 * from the adapter's, or when the worker has no placeholder.
 * @param {import('@sveltejs/kit').Builder} builder
 * @param {string} out
 * @returns {Promise<number>} how many files are listed
 */
export async function bakeServiceWorkerDigests(builder, out) {
	const base = builder.config.kit.paths.base;
	const client = builder.getClientDirectory();
	const prerendered = join(builder.config.kit.outDir, 'output/prerendered');
	/** @type {{ path: string, file: string, preview: string }[]} */
	const entries = [];

	// every built and static file (a superset of `build` and `files` in $service-worker, and it has
	// the esbuild.wasm that only a worker bundle names); not the worker itself, nor Vite's manifest
	for (const file of walk(client)) {
		if (file === WORKER || file.startsWith('.vite/')) continue;
		entries.push({ path: `${base}/${file}`, file, preview: join(client, file) });
	}
	// every prerendered page, redirect and __data.json, by the file the adapter wrote it to
	const { pages, redirects, paths } = builder.prerendered;
	for (const path of paths) {
		const rel = path.slice(base.length + 1);
		const file = pages.get(path)?.file ?? (redirects.has(path) ? htmlFile(rel) : rel);
		const dir = pages.has(path) || redirects.has(path) ? 'pages' : ['dependencies', 'data'].find((d) => existsSync(join(prerendered, d, file))) ?? 'dependencies';
		entries.push({ path, file, preview: join(prerendered, dir, file) });
	}

	/** @type {Record<string, string>} */
	const digests = {};
	for (const { path, file, preview } of entries) {
		const served = join(out, file);
		if (!existsSync(served)) throw new Error(`service worker digests: ${path} should be at ${served}, which does not exist`);
		if (!existsSync(preview)) throw new Error(`service worker digests: ${path} should be at ${preview} for vite preview, which does not exist`);
		const digest = await sha256Hex(readFileSync(served));
		if ((await sha256Hex(readFileSync(preview))) !== digest) throw new Error(`service worker digests: ${served} and ${preview} differ; the list would be wrong for one of them`);
		if (digests[path] && digests[path] !== digest) throw new Error(`service worker digests: two different files claim ${path}`);
		digests[path] = digest;
	}

	// a compressed copy written before this step would be the unbaked worker
	for (const ext of ['.gz', '.br']) {
		if (existsSync(join(out, WORKER + ext))) throw new Error(`service worker digests: ${WORKER}${ext} would keep the unbaked worker; turn precompress off or bake before compressing`);
	}
	for (const worker of [join(out, WORKER), join(client, WORKER)]) {
		if (!existsSync(worker)) throw new Error(`service worker digests: no ${worker}`);
		writeFileSync(worker, bakeDigests(readFileSync(worker, 'utf8'), digests));
	}
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
