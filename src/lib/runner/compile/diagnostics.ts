import type { Message } from 'esbuild-wasm';
import type { Diagnostic } from './types';
import { LEARNER_NS } from './plugin';

const TLA = /Top-level await is not available/;

/** esbuild's message → a learner-facing diagnostic on their file (1-based columns, as Monaco shows). */
export function toDiagnostic(m: Message, severity: Diagnostic['severity'], fallbackFile: string): Diagnostic {
	let message = m.text;
	if (TLA.test(message)) {
		message = 'Top-level await is not supported here: put the code in `export async function main() { … }` — the runner calls and awaits it';
	}
	const notes = m.notes.map((n) => n.text).filter(Boolean);
	if (notes.length) message += ` (${notes.join('; ')})`;
	const loc = m.location;
	if (!loc) return { file: fallbackFile, line: 1, column: 1, message, severity };
	const file = loc.file.startsWith(`${LEARNER_NS}:`) ? loc.file.slice(LEARNER_NS.length + 1) : loc.file;
	return {
		file,
		line: loc.line,
		column: loc.column + 1,
		endLine: loc.line,
		endColumn: loc.column + 1 + Math.max(1, loc.length),
		message,
		severity
	};
}

/** `hello.ts:3:14: error: Cannot find module 'lodash'` — the Console's line for a diagnostic. */
export function formatDiagnostic(d: Diagnostic): string {
	return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
