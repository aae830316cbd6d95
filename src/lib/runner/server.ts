// What the server (src/hooks.server.ts) needs from the runner: esbuild.wasm's URL, to preload it in
// the head of every page that runs code (./compile/early-preload.ts).
export { ESBUILD_WASM_URL } from './compile/wasm-url';
