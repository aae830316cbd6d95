// Type-checks lesson files the way the editor does — Monaco's compiler options (src/lib/editor/
// monaco.ts) and the runtime modules' typings generated from their source — with TypeScript's own
// compiler in Node, all steps in one program (every file a module, so steps cannot see each other's
// top-level names).
import ts from 'typescript';
import { resolve } from 'node:path';
import { generateRuntimeTypings } from '$lib/runner/typings/generate';

const TYPINGS = generateRuntimeTypings(resolve(import.meta.dirname, '../../..'));

const options: ts.CompilerOptions = {
	target: ts.ScriptTarget.ES2020,
	module: ts.ModuleKind.ESNext,
	moduleResolution: ts.ModuleResolutionKind.Bundler,
	moduleDetection: ts.ModuleDetectionKind.Force,
	strict: false,
	noEmit: true,
	esModuleInterop: true,
	lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts', 'lib.webworker.d.ts'],
	types: []
};

/** Type errors per file, keyed `<prefix>/<file>`; `sets` maps a prefix (e.g. a step and start/solution) to its files. */
export function typeErrors(sets: Record<string, Record<string, string>>): string[] {
	const memory = new Map<string, string>();
	for (const [path, text] of Object.entries(TYPINGS)) memory.set(`/work/${path.replace(/^file:\/\/\//, '')}`, text);
	for (const [prefix, files] of Object.entries(sets)) {
		// only code is type-checked: a step's traefik.yml or data.sql is read by the world, not compiled
		for (const [path, text] of Object.entries(files)) if (/\.tsx?$/.test(path)) memory.set(`/work/${prefix}/${path}`, text);
	}
	const host = ts.createCompilerHost(options);
	const readFile = host.readFile.bind(host);
	const fileExists = host.fileExists.bind(host);
	host.readFile = (f) => memory.get(f) ?? readFile(f);
	host.fileExists = (f) => memory.has(f) || fileExists(f);
	// module resolution asks about folders before files: the in-memory node_modules counts
	const directoryExists = host.directoryExists?.bind(host);
	host.directoryExists = (d) => [...memory.keys()].some((k) => k.startsWith(d.endsWith('/') ? d : d + '/')) || (directoryExists?.(d) ?? false);
	host.getSourceFile = (f, lang) => {
		const text = memory.get(f) ?? readFile(f);
		return text === undefined ? undefined : ts.createSourceFile(f, text, lang);
	};
	host.getCurrentDirectory = () => '/work';
	// only code is compiled: a step's data files (data.sql, traefik.yml) sit beside it for the world to read
	const program = ts.createProgram([...memory.keys()].filter((f) => /\.(ts|tsx|mts|cts)$/.test(f)), options, host);
	return ts.getPreEmitDiagnostics(program).map((d) => {
		const where = d.file ? `${d.file.fileName.replace('/work/', '')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
		return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
	});
}
