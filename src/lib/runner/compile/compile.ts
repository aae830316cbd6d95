import type { BuildFailure, BuildOptions, BuildResult, Message, Metafile, OutputFile } from 'esbuild-wasm';
import type { Bundle, CompileInput, CompileResult, Diagnostic } from './types';
import { GLOBALS_ENTRY, LEARNER_NS, virtualFsPlugin } from './plugin';
import { toDiagnostic } from './diagnostics';

/** The part of esbuild the compiler uses: the Node API in tests, the wasm build in the browser. */
export interface EsbuildLike {
	build(options: BuildOptions & { write: false; metafile: true }): Promise<BuildResult<BuildOptions & { write: false; metafile: true }>>;
}

/**
 * Learner files → one ES-module bundle per entry, or diagnostics. Pure: no DOM, no worker — the
 * compiler worker calls it with esbuild-wasm, the unit tests with esbuild-wasm's Node API.
 *
 * target es2016 so `await` lowers to generators that go through Promise.prototype.then, which the
 * tracer's async context patches: that is how the active span survives `await`.
 */
export async function compile(esbuild: EsbuildLike, input: CompileInput): Promise<CompileResult> {
	const missing = input.entries.filter((e) => !(e in input.files));
	if (missing.length) {
		return { ok: false, diagnostics: missing.map((f) => ({ file: f, line: 1, column: 1, message: `No file '${f}'`, severity: 'error' })) };
	}
	let result: BuildResult<BuildOptions & { write: false; metafile: true }>;
	try {
		result = await esbuild.build({
			entryPoints: input.entries,
			bundle: true,
			write: false,
			metafile: true,
			outdir: 'out',
			format: 'esm',
			target: 'es2016',
			platform: 'browser',
			sourcemap: 'inline',
			sourcesContent: false,
			inject: [GLOBALS_ENTRY],
			logLevel: 'silent',
			plugins: [virtualFsPlugin(input.files)]
		});
	} catch (e) {
		const failure = e as BuildFailure;
		if (!Array.isArray(failure.errors)) throw e;
		return { ok: false, diagnostics: failure.errors.map((m) => toDiagnostic(m, 'error', input.entries[0])) };
	}
	return {
		ok: true,
		bundles: collectBundles(result.outputFiles, result.metafile),
		warnings: result.warnings.map((m: Message) => toDiagnostic(m, 'warning', input.entries[0]))
	};
}

function collectBundles(outputs: OutputFile[], meta: Metafile): Record<string, Bundle> {
	const bundles: Record<string, Bundle> = {};
	for (const [outPath, out] of Object.entries(meta.outputs)) {
		if (!out.entryPoint) continue;
		const entry = out.entryPoint.replace(`${LEARNER_NS}:`, '');
		const file = outputs.find((o) => o.path.endsWith(`/${outPath}`) || o.path === outPath);
		if (!file) continue;
		bundles[entry] = { code: file.text, exports: out.exports };
	}
	return bundles;
}

export type { Diagnostic };
