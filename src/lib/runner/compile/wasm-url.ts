// esbuild.wasm's URL, imported by the page, not by the compiler worker: the page's
// <link rel="preload"> (./early-preload.ts, in the prerendered HTML) and the worker's fetch must
// name the same file, so the worker's fetch joins the download the preload began as the HTML arrived
// (the browser's HTTP cache shares an in-flight response). Imported by the worker, Vite would emit a
// second copy under workers/assets/ that the page could not name.
import url from 'esbuild-wasm/esbuild.wasm?url';

export const ESBUILD_WASM_URL: string = url;
