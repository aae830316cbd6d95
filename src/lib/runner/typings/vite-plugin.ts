// Serves the generated runtime typings as `virtual:runtime-typings` (path → text), generated once
// per build or dev-server start; the editor loads it lazily, after Monaco.
import type { Plugin } from 'vite';
import { generateRuntimeTypings } from './generate.ts';

const ID = 'virtual:runtime-typings';

export function runtimeTypings(root: string): Plugin {
	let cached: string | null = null;
	return {
		name: 'trace-tour:runtime-typings',
		resolveId: (id) => (id === ID ? '\0' + ID : null),
		load(id) {
			if (id !== '\0' + ID) return null;
			cached ??= `export default ${JSON.stringify(generateRuntimeTypings(root))};`;
			return cached;
		}
	};
}
