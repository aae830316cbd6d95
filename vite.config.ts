import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { runtimeTypings } from './src/lib/runner/typings/vite-plugin.ts';
import { sandboxRuntime } from './src/lib/runner/sandbox/vite-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/', import.meta.url));

export default defineConfig({
	plugins: [sveltekit(), runtimeTypings(root), sandboxRuntime(root)],
	// Pre-bundled up front: otherwise Vite re-optimises mid-import and reloads the page (404s on .vite/deps/…).
	optimizeDeps: { include: ['esbuild-wasm', 'comlink', 'monaco-editor', 'lz-string'] },
	// monaco's exports map turns every subpath into a .js file; its CSS needs the real path
	resolve: { alias: [{ find: /^monaco-editor\/esm\/(.*\.css)$/, replacement: `${monacoEsm}$1` }] },
	worker: { format: 'es' },
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['test/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000,
		pool: 'forks'
	}
});
