// The compiler worker: esbuild-wasm, initialised once and lazily, exposed with comlink.
import * as Comlink from 'comlink';
import * as esbuild from 'esbuild-wasm';
import wasmURL from 'esbuild-wasm/esbuild.wasm?url';
import { compile, type EsbuildLike } from './compile';
import { decodedSize } from './download-size';
import type { CompileInput, CompileResult } from './types';

export type Progress = { loaded: number; total: number | null };

let ready: Promise<void> | null = null;

/** Downloads the 14 MB wasm with progress (esbuild's own initialize cannot report any). */
async function load(onProgress?: (p: Progress) => void): Promise<void> {
	const res = await fetch(wasmURL);
	if (!res.ok || !res.body) throw new Error(`could not load the compiler (${res.status})`);
	const total = decodedSize(res.headers, typeof __ESBUILD_WASM_BYTES__ === 'number' ? __ESBUILD_WASM_BYTES__ : null);
	const reader = res.body.getReader();
	const chunks: Uint8Array[] = [];
	let loaded = 0;
	let lastReport = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		loaded += value.length;
		if (onProgress && loaded - lastReport > 256 * 1024) {
			lastReport = loaded;
			onProgress({ loaded, total });
		}
	}
	const bytes = new Uint8Array(loaded);
	let offset = 0;
	for (const c of chunks) {
		bytes.set(c, offset);
		offset += c.length;
	}
	onProgress?.({ loaded, total: total ?? loaded });
	await esbuild.initialize({ wasmModule: await WebAssembly.compile(bytes), worker: false });
	// esbuild's first build is several times slower than the next ones: pay for it now, in the
	// background, rather than on the learner's first Run
	await compile(esbuild as unknown as EsbuildLike, {
		files: { 'warm.ts': `import { serve } from 'tour/http';\nexport async function main(): Promise<void> { serve(1, () => 'ok'); await null; }` },
		entries: ['warm.ts']
	});
}

const api = {
	init(onProgress?: (p: Progress) => void): Promise<void> {
		ready ??= load(onProgress).catch((e) => {
			ready = null;
			throw e;
		});
		return ready;
	},
	async compile(input: CompileInput): Promise<CompileResult> {
		await api.init();
		return compile(esbuild as unknown as EsbuildLike, input);
	}
};

export type CompilerApi = typeof api;
Comlink.expose(api);
