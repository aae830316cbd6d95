import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runtimeTypings } from './src/lib/runner/typings/vite-plugin.ts';
import { sandboxRuntime } from './src/lib/runner/sandbox/vite-plugin.ts';
import { sliceMonacoEvaluation } from './src/lib/editor/vite-plugin.ts';
import { compileHints } from './src/lib/course/compile-hints-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/', import.meta.url));

const esbuildWasmBytes = statSync(createRequire(import.meta.url).resolve('esbuild-wasm/esbuild.wasm')).size;

export default defineConfig({
	plugins: [sveltekit(), runtimeTypings(root), sandboxRuntime(root), sliceMonacoEvaluation(), compileHints()],
	// the compiler's download progress needs the decoded size: a compressed response's Content-Length is not it
	define: { __ESBUILD_WASM_BYTES__: String(esbuildWasmBytes) },
	// Pre-bundled up front: otherwise Vite re-optimises mid-import and reloads the page (404s on .vite/deps/…).
	optimizeDeps: { include: ['esbuild-wasm', 'comlink', 'monaco-editor', 'lz-string'] },
	// monaco's exports map turns every subpath into a .js file; its CSS needs the real path
	resolve: { alias: [{ find: /^monaco-editor\/esm\/(.*\.css)$/, replacement: `${monacoEsm}$1` }] },
	worker: { format: 'es' },
	// A part's doors (index.ts, ui.ts) re-export all it offers; a page that takes one thing should not
	// load the rest. Our own modules do nothing when imported, only when used (a test-free rule kept
	// by review: no bare side-effect imports in src/lib), so what a page does not use may be dropped.
	build: { rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !/\/src\/lib\/.*\.(svelte|ts|js)$/.test(id) } } },
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['test/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000,
		pool: 'forks',
		// The lesson tests run learner services in this process (test/unit/lessons/in-process.ts). A
		// learner's process.exit() called from a callback (tracer.close(() => process.exit(0))) throws
		// the service's private end-of-program signal into a promise nobody awaits; a worker's
		// unhandledrejection hook ignores it (sandbox/worker.ts), and so does this.
		onUnhandledError: (error) => !(error.name === 'ProcessExit' && /^process\.exit\(\d+\)$/.test(error.message ?? ''))
	}
});
