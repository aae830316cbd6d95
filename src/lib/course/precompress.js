// @ts-check
// Build step: writes `file.br` and `file.gz` beside every text and wasm file of the built site, so
// `npm start` (src/lib/course/site-server.ts, sirv) sends compressed bytes to browsers that accept
// them. Plain JS because svelte.config.js loads it (through ./digests-adapter.js) without a compiler.
//
// Why: a workshop room shares one link. esbuild.wasm is 14 MB raw and 2.7 MB at brotli 11; Monaco's
// TypeScript worker 6.9 MB raw and 1.0 MB. Measured behind 10 Mbit/s, a first Run took 16.9 s served
// raw and 7.0 s compressed.
//
// Brotli 11 is slow (≈55 s for esbuild.wasm on a 2-core machine) but saves ≈12% over quality 9 on
// every download; each result is kept in node_modules/.cache by the SHA-256 of its input, so only
// the first build of a given file pays. The service worker's digests are of the uncompressed files:
// browsers decode before the worker sees a body, so its check is unaffected.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What compresses: text formats, wasm, and the one font (ttf is uncompressed tables). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|map|wasm|ttf|webmanifest)$/i;
/** Below this a compressed copy saves less than a request's headers. */
export const MIN_BYTES = 512;
/** A copy that saves less than this share is not worth a second file. */
export const MIN_SAVING = 0.1;

/**
 * @param {string} name file name
 * @param {number} size bytes
 */
export const shouldCompress = (name, size) => size >= MIN_BYTES && COMPRESSIBLE.test(name);

/**
 * @typedef {{ files: number, rawBytes: number, brBytes: number, gzBytes: number, cached: number }} PrecompressReport
 */

/**
 * Writes .br and .gz copies next to every compressible file under `dir` (existing copies are
 * replaced). A copy is kept only when it saves at least MIN_SAVING; sirv then serves the raw file.
 * @param {string} dir
 * @param {{ cacheDir?: string, quality?: number }} [options]
 * @returns {Promise<PrecompressReport>}
 */
export async function precompressDir(dir, { cacheDir, quality = constants.BROTLI_MAX_QUALITY } = {}) {
	if (cacheDir) mkdirSync(cacheDir, { recursive: true });
	const report = { files: 0, rawBytes: 0, brBytes: 0, gzBytes: 0, cached: 0 };
	const files = walk(dir).filter((f) => shouldCompress(f, statSync(f).size));
	// largest first: the two big ones start at once and the small ones fill the other threads
	files.sort((a, b) => statSync(b).size - statSync(a).size);
	let next = 0;
	// zlib's async calls run on libuv's thread pool (4 threads): a few lanes keep it busy
	const lanes = Array.from({ length: 4 }, async () => {
		while (next < files.length) {
			const file = files[next++];
			const raw = readFileSync(file);
			const [br, gzipped, hit] = await compressed(raw, file, quality, cacheDir);
			report.files++;
			report.rawBytes += raw.length;
			report.cached += hit ? 1 : 0;
			report.brBytes += keep(file + '.br', br, raw.length);
			report.gzBytes += keep(file + '.gz', gzipped, raw.length);
		}
	});
	await Promise.all(lanes);
	return report;
}

/**
 * @param {Buffer} raw
 * @param {string} name
 * @param {number} quality
 * @param {string | undefined} cacheDir
 * @returns {Promise<[Buffer, Buffer, boolean]>} brotli, gzip, whether both came from the cache
 */
async function compressed(raw, name, quality, cacheDir) {
	const key = createHash('sha256').update(raw).digest('hex');
	const cached = cacheDir && [join(cacheDir, `${key}.q${quality}.br`), join(cacheDir, `${key}.gz`)];
	if (cached && existsSync(cached[0]) && existsSync(cached[1])) return [readFileSync(cached[0]), readFileSync(cached[1]), true];
	const [br, gzipped] = await Promise.all([
		brotli(raw, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: quality,
				[constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
				[constants.BROTLI_PARAM_MODE]: /\.(wasm|ttf)$/i.test(name) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT
			}
		}),
		gz(raw, { level: 9 })
	]);
	if (cached) {
		writeFileSync(cached[0], br);
		writeFileSync(cached[1], gzipped);
	}
	return [br, gzipped, false];
}

/**
 * Writes `data` to `path` when it saves enough; returns the bytes a browser would fetch.
 * @param {string} path
 * @param {Buffer} data
 * @param {number} rawSize
 */
function keep(path, data, rawSize) {
	if (data.length > rawSize * (1 - MIN_SAVING)) return rawSize;
	writeFileSync(path, data);
	return data.length;
}

/**
 * Every file under `dir` (absolute paths), skipping compressed copies.
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
	/** @type {string[]} */
	const out = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) out.push(...walk(full));
		else if (!/\.(br|gz)$/.test(name)) out.push(full);
	}
	return out;
}
