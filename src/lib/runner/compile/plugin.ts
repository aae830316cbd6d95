import type { Plugin } from 'esbuild-wasm';
import { INJECTED_GLOBALS, RUNTIME_GLOBAL, RUNTIME_MODULES } from './runtime-modules';
import { loaderFor, resolveRelative } from './virtual-fs';

/** The namespace learner files live in; esbuild prefixes source-map paths with it. */
export const LEARNER_NS = 'learner';
const RUNTIME_NS = 'tour-runtime';
export const GLOBALS_ENTRY = 'tour:globals';

const runtimeSet = new Set<string>(RUNTIME_MODULES);

/**
 * esbuild sees only this plugin: learner files come from memory, runtime modules become reads of
 * globalThis.__tour_runtime, and anything else is an error naming the module.
 */
export function virtualFsPlugin(files: Record<string, string>): Plugin {
	return {
		name: 'tour-virtual-fs',
		setup(build) {
			build.onResolve({ filter: /.*/ }, (args) => {
				if (args.path === GLOBALS_ENTRY) return { path: 'globals', namespace: RUNTIME_NS };
				if (runtimeSet.has(args.path)) return { path: args.path, namespace: RUNTIME_NS };
				if (args.kind === 'entry-point') {
					return args.path in files
						? { path: args.path, namespace: LEARNER_NS }
						: { errors: [{ text: `Cannot find entry file '${args.path}'` }] };
				}
				if (args.path.startsWith('.') || args.path.startsWith('/')) {
					const found = resolveRelative(files, args.importer, args.path);
					if (found !== null) return { path: found, namespace: LEARNER_NS };
					return { errors: [{ text: `Cannot find module '${args.path}' from '${args.importer}'` }] };
				}
				return {
					errors: [
						{
							text: `Cannot find module '${args.path}'`,
							notes: [{ text: `Modules available here: ${RUNTIME_MODULES.join(', ')}, and your own files ('./name').` }]
						}
					]
				};
			});
			build.onLoad({ filter: /.*/, namespace: RUNTIME_NS }, (args) => {
				if (args.path === 'globals') {
					const lines = INJECTED_GLOBALS.map((g) => `export const ${g} = globalThis.${RUNTIME_GLOBAL}.globals.${g};`);
					return { contents: lines.join('\n'), loader: 'js' };
				}
				return { contents: `module.exports = globalThis.${RUNTIME_GLOBAL}[${JSON.stringify(args.path)}];`, loader: 'js' };
			});
			build.onLoad({ filter: /.*/, namespace: LEARNER_NS }, (args) => ({
				contents: files[args.path],
				loader: loaderFor(args.path)
			}));
		}
	};
}
