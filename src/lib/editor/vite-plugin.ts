// Monaco's modules evaluate in one go when the editor is imported: 3 MB of minified code whose
// top-level runs (class definitions, registries, the lazily compiled functions they call) made one
// 200–330 ms task on the page's main thread — a learner who typed or clicked then waited. This
// build-only transform puts a time check before each Monaco module's body: once the current slice
// has run for SLICE_MS, the module awaits a yield to the event loop (a top-level await), so the
// evaluation is cut into tasks of about SLICE_MS each, in the same order as before. Modules keep
// their meaning: the await only delays when the rest of the graph runs.
//
// Only the page's build: Monaco's own workers are bundled without this plugin (Vite's worker
// pipeline has its own plugins), and a worker must register its message handler synchronously.
import type { Plugin } from 'vite';

/** The longest a slice of evaluation may run before it yields, in ms. */
export const SLICE_MS = 25;

const MONACO_MODULE = /[\\/]node_modules[\\/]monaco-editor[\\/]esm[\\/].*\.js$/;

/** The statement put before a module's body: yield if this slice has run long enough. */
export function sliceCheck(sliceMs = SLICE_MS): string {
	// One deadline shared by every module (a global: modules are concatenated into chunks), set by
	// the first check of a slice. The yield is a MessageChannel message: setTimeout is clamped to
	// 4 ms once nested, and scheduler.yield() in a large module's top-level await made a 66 ms task
	// of its own (measured on Chromium 156; test/bench/lib/bare-visit.ts measures without DevTools).
	return (
		`{const g=globalThis,t=performance.now();if(g.__tourSliceEnd===undefined||t-g.__tourSliceEnd>1e3)g.__tourSliceEnd=t+${sliceMs};` +
		`else if(t>g.__tourSliceEnd){await new Promise(r=>{const c=new MessageChannel;c.port1.onmessage=()=>{c.port1.close();r()};c.port2.postMessage(0)});g.__tourSliceEnd=performance.now()+${sliceMs}}}\n`
	);
}

export function sliceMonacoEvaluation(sliceMs = SLICE_MS): Plugin {
	return {
		name: 'trace-tour:slice-monaco-evaluation',
		apply: 'build',
		transform(code, id) {
			if (!MONACO_MODULE.test(id) || this.environment?.config.consumer !== 'client') return null;
			return { code: sliceCheck(sliceMs) + code, map: null };
		}
	};
}
