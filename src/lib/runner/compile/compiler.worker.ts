// The compiler worker: esbuild-wasm, initialised once and lazily, exposed with comlink.
import * as Comlink from 'comlink';
import * as esbuild from 'esbuild-wasm';
import { compile, type EsbuildLike } from './compile';
import { download, type Progress } from './download';
import type { CompileInput, CompileResult } from './types';

export type { Progress };
/** When each stage of loading ended (ms since the epoch, so the page can place them on its own timeline) */
export type LoadTimings = { requested: number; lastByte: number; compiled: number; initialized: number; warmed: number };

let ready: Promise<LoadTimings> | null = null;
const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Downloads the 14 MB wasm with progress, compiling it as the bytes arrive (compileStreaming): on a
 * slow link or CPU, compiling the whole module after the last byte took another 1–2 s before the
 * first Run could start.
 */
async function load(wasmURL: string, onProgress?: (p: Progress) => void): Promise<LoadTimings> {
	const requested = epochNow();
	const wasm = await download(wasmURL, { builtBytes: typeof __ESBUILD_WASM_BYTES__ === 'number' ? __ESBUILD_WASM_BYTES__ : null, onProgress });
	// a fresh Response: the host's Content-Type may be wrong (octet-stream), which compileStreaming refuses
	const wasmModule = await WebAssembly.compileStreaming(new Response(wasm.body, { headers: { 'content-type': 'application/wasm' } })).catch((e: unknown) => {
		throw wasm.failure() ?? e;
	});
	const compiled = epochNow();
	await esbuild.initialize({ wasmModule, worker: false });
	const initialized = epochNow();
	// esbuild's first build is several times slower than the next ones: pay for it now, in the
	// background, rather than on the learner's first Run
	await compile(esbuild as unknown as EsbuildLike, {
		files: { 'warm.ts': `import { serve } from 'tour/http';\nexport async function main(): Promise<void> { serve(1, () => 'ok'); await null; }` },
		entries: ['warm.ts']
	});
	return { requested, lastByte: wasm.lastByte(), compiled, initialized, warmed: epochNow() };
}

const api = {
	/** `wasmURL`: the page's (../wasm-url.ts), so the worker's fetch reuses the page's preload */
	init(wasmURL: string, onProgress?: (p: Progress) => void): Promise<LoadTimings> {
		ready ??= load(wasmURL, onProgress).catch((e) => {
			ready = null;
			throw e;
		});
		return ready;
	},
	async compile(input: CompileInput): Promise<CompileResult> {
		if (!ready) throw new Error('the compiler was not initialised');
		await ready;
		return compile(esbuild as unknown as EsbuildLike, input);
	}
};

export type CompilerApi = typeof api;
Comlink.expose(api);
