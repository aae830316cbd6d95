import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Pre-bundled up front: otherwise Vite re-optimises mid-import and reloads the page (STACK-NOTES).
	optimizeDeps: { include: ['esbuild-wasm', 'comlink', 'monaco-editor', 'lz-string'] },
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
