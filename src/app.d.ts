// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** esbuild.wasm's size in bytes, defined by vite.config.ts: the compiler's download progress when the response is compressed */
	const __ESBUILD_WASM_BYTES__: number;
}
export {};
