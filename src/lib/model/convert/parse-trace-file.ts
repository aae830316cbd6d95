// One entry for "the user dropped a file": parse the text (JSON, else JSON Lines), recognise the
// format by its shape, convert, repair, and warn about clock skew. Every failure is a TraceImportError.
import { plural } from '../../words';
import type { Trace } from '../types';
import { TraceImportError } from '../errors';
import { repairTrace } from '../repairs';
import { warnClockSkew } from '../analysis/clock-skew';
import { treeOf } from '../analysis/memo';
import { describe, isObject } from './read';
import { fromJaegerJSON, looksLikeJaegerTrace } from './jaeger';
import { fromJaegerModel, looksLikeJaegerModel } from './jaeger-model';
import { fromOTLP } from './otlp-in';
import { fromZipkin, looksLikeZipkinSpan, type ZipkinReadStats } from './zipkin';

export type TraceFileFormat = 'jaeger-json' | 'jaeger-model-json' | 'otlp-json' | 'zipkin-v2';

export interface ParsedTraceFile {
	traces: Trace[];
	format: TraceFileFormat;
	/** File-level notes: how the file was read, and a digest of the repairs made to its spans. */
	warnings: string[];
	/** Span records in the file (Zipkin fragments and halves counted separately). */
	spanRecords: number;
}

/** Real trace JSON nests about 10 deep; this bounds both parse cost and any walk over the value. */
export const MAX_JSON_DEPTH = 1000;

/**
 * Throws when brackets nest deeper than MAX_JSON_DEPTH (outside strings). Checked before JSON.parse,
 * so 50 MB of `[[[[` is refused after the first thousand characters instead of being built in memory.
 */
function checkNesting(text: string): void {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34 /* " */) {
			// most of a trace file is inside strings: jump to the closing quote with indexOf (native,
			// twice as fast as stepping) — one preceded by an odd run of backslashes is escaped
			let end = i;
			for (;;) {
				end = text.indexOf('"', end + 1);
				if (end < 0) return; // unterminated: JSON.parse reports it
				let slashes = 0;
				while (text.charCodeAt(end - 1 - slashes) === 92 /* \ */) slashes++;
				if (slashes % 2 === 0) break;
			}
			i = end;
		} else if (c === 91 || c === 123 /* [ { */) {
			if (++depth > MAX_JSON_DEPTH) throw new TraceImportError(`the file nests brackets deeper than ${MAX_JSON_DEPTH} levels (at character ${i}); no trace format does that`);
		} else if ((c === 93 || c === 125) /* ] } */ && depth > 0) depth--; // stray closers must not bank credit
	}
}

/** JSON, or failing that JSON Lines (one value per non-empty line), as Jaeger UI reads uploads. */
export function parseJSONOrLines(text: string): { value: unknown; lines: boolean } {
	if (typeof text !== 'string') throw new TraceImportError(`the file is not text (it is ${describe(text)})`);
	checkNesting(text);
	try {
		return { value: JSON.parse(text), lines: false };
	} catch (whole) {
		const lines = text.split('\n');
		// One line is not JSON Lines: report the JSON error rather than parsing the text a second time.
		if (lines.filter((l) => l.trim() !== '').length < 2) throw new TraceImportError(`the file is not JSON: ${(whole as Error).message}`);
		const values: unknown[] = [];
		for (let i = 0; i < lines.length; i++) {
			if (lines[i].trim() === '') continue;
			try {
				values.push(JSON.parse(lines[i]));
			} catch (e) {
				// A file that is not JSON at all should say so, not blame "line 1" of a JSON Lines file.
				if (values.length === 0) throw new TraceImportError(`the file is not JSON: ${(whole as Error).message}`);
				throw new TraceImportError(`JSON Lines: line ${i + 1} is not JSON: ${(e as Error).message}`, '', `line ${i + 1}`);
			}
		}
		if (values.length === 0) throw new TraceImportError('the file is empty');
		return { value: values, lines: true };
	}
}

function hasOTLPShape(v: unknown): boolean {
	if (!isObject(v)) return false;
	const inner = isObject(v.result) ? v.result : v;
	return 'resourceSpans' in inner || 'batches' in inner;
}

function keysOf(v: unknown): string {
	if (!isObject(v)) return describe(v);
	const keys = Object.keys(v).slice(0, 8);
	return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object';
}

function convert(value: unknown, stats: ZipkinReadStats): { traces: Trace[]; format: TraceFileFormat } {
	if (Array.isArray(value)) {
		if (value.length === 0) return { traces: [], format: 'jaeger-json' };
		// JSON Lines of OTLP requests: concatenate their resourceSpans into one request.
		if (value.every(hasOTLPShape)) {
			const resourceSpans = value.flatMap((v) => {
				const inner = (isObject((v as Record<string, unknown>).result) ? (v as Record<string, unknown>).result : v) as Record<string, unknown>;
				const list = inner.resourceSpans ?? inner.batches;
				return Array.isArray(list) ? list : [list];
			});
			return { traces: fromOTLP({ resourceSpans }), format: 'otlp-json' };
		}
		const first = Array.isArray(value[0]) ? value[0][0] : value[0];
		if (looksLikeZipkinSpan(first)) return { traces: fromZipkin(value, stats), format: 'zipkin-v2' };
		if (looksLikeJaegerTrace(first)) return { traces: fromJaegerJSON(value), format: 'jaeger-json' };
		if (isObject(first) && 'data' in first) return { traces: value.flatMap((v) => fromJaegerJSON(v)), format: 'jaeger-json' };
		throw new TraceImportError(`the file is an array, but its first item is neither a Jaeger trace nor a Zipkin span (it is ${keysOf(first)})`, '', '[0]');
	}
	if (!isObject(value)) throw new TraceImportError(`the file holds ${describe(value)}, not traces`);
	if (hasOTLPShape(value)) return { traces: fromOTLP(value), format: 'otlp-json' };
	if ('data' in value || looksLikeJaegerTrace(value)) return { traces: fromJaegerJSON(value), format: 'jaeger-json' };
	if (looksLikeJaegerModel(value)) return { traces: fromJaegerModel(value), format: 'jaeger-model-json' };
	throw new TraceImportError(`the file is not a known trace format: expected Jaeger JSON ({data:[…]} or a trace with traceID and spans), OTLP JSON (resourceSpans) or a Zipkin v2 span list, but it is ${keysOf(value)}`);
}

/** Lists each distinct repair once with how many spans it touched, so 175 incomplete spans are one line. */
function digestWarnings(traces: Trace[]): string[] {
	const out: string[] = [];
	for (const t of traces) {
		for (const w of t.warnings ?? []) out.push(`trace ${t.traceID}: ${w}`);
		const counts = new Map<string, number>();
		for (const s of t.spans) for (const w of s.warnings ?? []) {
			const kind = w.replace(/\b[0-9a-f]{6,}\b|\d+/gi, '…');
			counts.set(kind, (counts.get(kind) ?? 0) + 1);
		}
		for (const [w, n] of counts) out.push(`trace ${t.traceID}: ${plural(n, 'span')}: ${w}`);
	}
	return out;
}

export function parseTraceFile(text: string): ParsedTraceFile {
	try {
		const { value, lines } = parseJSONOrLines(text);
		const stats: ZipkinReadStats = { records: 0, uniqueIDs: 0 };
		const { traces, format } = convert(value, stats);
		const spanRecords = format === 'zipkin-v2' ? stats.records : traces.reduce((n, t) => n + t.spans.length, 0);
		for (const t of traces) {
			repairTrace(t);
			warnClockSkew(t, treeOf(t)); // repaired: from here on the trace does not change
		}
		const warnings = digestWarnings(traces);
		if (lines) warnings.unshift('read as JSON Lines (one JSON value per line)');
		if (format === 'jaeger-model-json') warnings.unshift("converted from Jaeger's internal model JSON (base64 ids, RFC 3339 times), which Jaeger UI itself cannot load");
		return { traces, format, warnings, spanRecords };
	} catch (e) {
		if (e instanceof TraceImportError) throw e;
		// Anything else is our bug or an engine limit (e.g. out of memory); still name it for the user.
		throw new TraceImportError(`the file could not be read: ${e instanceof Error ? e.message : String(e)}`, '', '', e);
	}
}
