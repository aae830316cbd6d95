// Type-checks lesson files the way the editor does — Monaco's compiler options and the runtime
// modules' declarations (RUNTIME_LIBS) — with TypeScript's own compiler in Node, all steps in one
// program (every file a module, so steps cannot see each other's top-level names).
import ts from 'typescript';
import { RUNTIME_LIBS } from '$lib/runner/runtime-types';

const options: ts.CompilerOptions = {
	target: ts.ScriptTarget.ES2020,
	module: ts.ModuleKind.ESNext,
	moduleResolution: ts.ModuleResolutionKind.Bundler,
	moduleDetection: ts.ModuleDetectionKind.Force,
	strict: false,
	noEmit: true,
	esModuleInterop: true,
	lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts'],
	types: []
};

/**
 * Globals the service worker provides (INJECTED_GLOBALS, console, URL) that the editor's lib
 * (es2022, no DOM) does not declare yet; declared here only while RUNTIME_LIBS lacks them.
 */
const WORKER_GLOBALS: Record<string, string> = {
	console: 'declare var console: { log(...a: any[]): void; info(...a: any[]): void; warn(...a: any[]): void; error(...a: any[]): void };',
	setTimeout: 'declare function setTimeout(fn: (...a: any[]) => void, ms?: number, ...rest: any[]): any;',
	clearTimeout: 'declare function clearTimeout(id: any): void;',
	URL: 'declare class URL { constructor(url: string, base?: string); href: string; toString(): string; }'
};

/** Type errors per file, keyed `<prefix>/<file>`; `sets` maps a prefix (e.g. a step and start/solution) to its files. */
export function typeErrors(sets: Record<string, Record<string, string>>): string[] {
	const memory = new Map<string, string>();
	const libs = Object.values(RUNTIME_LIBS).join('\n');
	for (const [path, text] of Object.entries(RUNTIME_LIBS)) memory.set(`/work/${path.replace(/^file:\/\/\//, '')}`, text);
	const shim = Object.entries(WORKER_GLOBALS)
		.filter(([name]) => !new RegExp(`declare (var|function|class|const|let) ${name}\\b`).test(libs))
		.map(([, d]) => d)
		.join('\n');
	memory.set('/work/worker-globals.d.ts', shim);
	for (const [prefix, files] of Object.entries(sets)) {
		for (const [path, text] of Object.entries(files)) memory.set(`/work/${prefix}/${path}`, text);
	}
	const host = ts.createCompilerHost(options);
	const readFile = host.readFile.bind(host);
	const fileExists = host.fileExists.bind(host);
	host.readFile = (f) => memory.get(f) ?? readFile(f);
	host.fileExists = (f) => memory.has(f) || fileExists(f);
	host.getSourceFile = (f, lang) => {
		const text = memory.get(f) ?? readFile(f);
		return text === undefined ? undefined : ts.createSourceFile(f, text, lang);
	};
	host.getCurrentDirectory = () => '/work';
	const program = ts.createProgram([...memory.keys()], options, host);
	return ts.getPreEmitDiagnostics(program).map((d) => {
		const where = d.file ? `${d.file.fileName.replace('/work/', '')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
		return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
	});
}
