import * as Comlink from 'comlink';
import type { CompilerApi, LoadTimings, Progress } from './compiler.worker';
import type { CompileInput, CompileResult } from './types';
import { ESBUILD_WASM_URL } from './wasm-url';

export type CompilerState = { phase: 'idle' } | { phase: 'loading'; loaded: number; total: number | null } | { phase: 'ready' } | { phase: 'failed'; message: string };

/** The compiler could not be loaded (a failed or stalled download); the next compile tries again. */
export class CompilerUnavailable extends Error {
	override name = 'CompilerUnavailable';
}

/**
 * The main thread's handle on the compiler worker: started on first use (or warm()), kept for the
 * page's life, and a cache of results keyed by the exact input, so an unchanged Run does not compile.
 */
export class CompilerClient {
	#api: Comlink.Remote<CompilerApi> | null = null;
	#init: Promise<void> | null = null;
	#cache = new Map<string, CompileResult>();
	#listeners = new Set<(s: CompilerState) => void>();
	state: CompilerState = { phase: 'idle' };

	constructor(private readonly cacheSize = 16) {}

	onState(fn: (s: CompilerState) => void): () => void {
		this.#listeners.add(fn);
		fn(this.state);
		return () => this.#listeners.delete(fn);
	}

	#set(s: CompilerState) {
		this.state = s;
		for (const f of this.#listeners) f(s);
	}

	/** Starts loading esbuild now (e.g. when the playground opens), so the first Run is quicker. */
	warm(): Promise<void> {
		if (!this.#init) {
			const worker = new Worker(new URL('./compiler.worker.ts', import.meta.url), { type: 'module', name: 'compiler' });
			this.#api = Comlink.wrap<CompilerApi>(worker);
			this.#set({ phase: 'loading', loaded: 0, total: null });
			this.#init = this.#api
				.init(
					new URL(ESBUILD_WASM_URL, location.href).href,
					Comlink.proxy((p: Progress) => {
						// progress comes on the callback's own port and can arrive after init resolved
						if (this.state.phase === 'loading') this.#set({ phase: 'loading', loaded: p.loaded, total: p.total });
					})
				)
				.then((timings) => {
					markLoad(timings);
					this.#set({ phase: 'ready' });
				})
				.catch((e: unknown) => {
					this.#init = null;
					worker.terminate();
					this.#set({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
					throw e;
				});
		}
		return this.#init;
	}

	async compile(input: CompileInput): Promise<CompileResult> {
		const key = JSON.stringify([input.entries, Object.entries(input.files).sort(([a], [b]) => a.localeCompare(b))]);
		const hit = this.#cache.get(key);
		if (hit) {
			// refresh its place in the LRU order
			this.#cache.delete(key);
			this.#cache.set(key, hit);
			return hit;
		}
		await this.warm().catch((e: unknown) => {
			throw new CompilerUnavailable(e instanceof Error ? e.message : String(e));
		});
		const result = await this.#api!.compile(input);
		this.#cache.set(key, result);
		if (this.#cache.size > this.cacheSize) this.#cache.delete(this.#cache.keys().next().value!);
		return result;
	}
}

/** The compiler's loading stages as performance marks on the page's timeline (the cold-start waterfall reads them). */
function markLoad(t: LoadTimings) {
	for (const [stage, at] of Object.entries(t)) {
		const startTime = at - performance.timeOrigin;
		if (Number.isFinite(startTime) && startTime >= 0) performance.mark(`tour: compiler ${stage}`, { startTime });
	}
}
