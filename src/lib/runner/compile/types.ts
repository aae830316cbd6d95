// What the compiler takes and gives. Plain data: it crosses the compiler worker's boundary.

/** A problem at a place in a learner's file. Lines and columns are 1-based, as editors show them. */
export interface Diagnostic {
	file: string;
	line: number;
	column: number;
	endLine?: number;
	endColumn?: number;
	message: string;
	severity: 'error' | 'warning';
}

export interface CompileInput {
	/** the learner's files: path → text, paths relative to the project root ('hello.ts', 'lib/util.ts') */
	files: Record<string, string>;
	/** the files to bundle, one bundle each (every service) */
	entries: string[];
}

export interface Bundle {
	/** an ES module; runtime modules are read from globalThis.__tour_runtime; inline source map */
	code: string;
	/** the entry's export names (a service exporting `main` is a client) */
	exports: string[];
}

export type CompileResult =
	| { ok: true; bundles: Record<string, Bundle>; warnings: Diagnostic[] }
	| { ok: false; diagnostics: Diagnostic[] };
