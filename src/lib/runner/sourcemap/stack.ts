import type { SourceMap } from './source-map';

export interface MappedError {
	name: string;
	message: string;
	/** "Error: boom\n    at sayHello (hello.ts:12:9)" — only the learner's frames */
	stack: string;
	/** the innermost learner frame, for a marker and "hello.ts:12:9" */
	file: string | null;
	line: number | null;
	column: number | null;
}

// V8: "    at fn (url:1:2)" or "    at url:1:2"; Firefox/Safari: "fn@url:1:2"
const V8_FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;
const GECKO_FRAME = /^(.*?)@(.+?):(\d+):(\d+)$/;

/**
 * Rewrites a stack from the bundle's coordinates to the learner's files. Frames outside the bundle
 * (the runtime, the tracer) are left out: they are ours, not the learner's, and would only confuse.
 */
export function mapError(error: unknown, bundleUrl: string, map: SourceMap | null): MappedError {
	const e = error instanceof Error ? error : null;
	const name = e?.name ?? 'Error';
	const message = e ? e.message : describeThrown(error);
	const frames: string[] = [];
	let first: { file: string; line: number; column: number } | null = null;
	for (const raw of (e?.stack ?? '').split('\n')) {
		const m = raw.match(V8_FRAME) ?? raw.match(GECKO_FRAME);
		if (!m) continue;
		const [, fn, url, l, c] = m;
		if (url !== bundleUrl || !map) continue;
		const pos = map.lookup(Number(l), Number(c));
		if (!pos) continue;
		if (!first) first = { file: pos.source, line: pos.line, column: pos.column };
		const where = `${pos.source}:${pos.line}:${pos.column}`;
		frames.push(fn ? `    at ${fn.replace(/^async /, 'async ')} (${where})` : `    at ${where}`);
	}
	const head = e ? `${name}: ${message}` : `Uncaught ${message}`;
	return {
		name,
		message,
		stack: [head, ...frames].join('\n'),
		file: first?.file ?? null,
		line: first?.line ?? null,
		column: first?.column ?? null
	};
}

function describeThrown(v: unknown): string {
	if (typeof v === 'string') return JSON.stringify(v);
	try {
		return JSON.stringify(v) ?? String(v);
	} catch {
		return String(v);
	}
}
