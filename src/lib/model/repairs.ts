// The repairs Jaeger UI makes when it loads a trace, made once on import so every later consumer
// (tree, timeline, stats, checks) sees a well-formed trace. Each repair leaves a warning on the span
// it touched, so the learner sees what was changed instead of a silently different trace.
// Null lists (`tags: null`) are normalised to [] without a warning: Go's jaeger-query writes them
// for empty lists, so they are not damage.
import type { Span, Trace } from './types';
import { buildTree, indexSpanIDs } from './analysis/tree';

/** Adds a warning once: re-importing an exported trace must not double its warnings. */
export function warnSpan(span: Span, message: string): void {
	const list = (span.warnings ??= []);
	if (!list.includes(message)) list.push(message);
}

function normaliseLists(trace: Trace): void {
	trace.spans ??= [];
	trace.processes ??= {};
	for (const span of trace.spans) {
		span.references ??= [];
		span.tags ??= [];
		span.logs ??= [];
		for (const log of span.logs) log.fields ??= [];
		if (typeof span.flags !== 'number') span.flags = 1;
	}
	for (const id of Object.keys(trace.processes)) trace.processes[id].tags ??= [];
}

function repairProcesses(trace: Trace): void {
	for (const span of trace.spans) {
		if (trace.processes[span.processID]) continue;
		const id = span.processID || 'unknown';
		if (!trace.processes[id]) trace.processes[id] = { serviceName: 'unknown-service', tags: [] };
		warnSpan(span, `process "${span.processID}" is not in the trace's processes; service shown as unknown-service`);
		span.processID = id;
	}
}

/** Duplicate span ids are renamed `<id>_<n>` as Jaeger UI does; references keep pointing at the first. */
function renameDuplicateIDs(trace: Trace): void {
	const seen = new Set<string>();
	for (const span of trace.spans) seen.add(span.spanID);
	const first = new Set<string>();
	for (const span of trace.spans) {
		if (!first.has(span.spanID)) {
			first.add(span.spanID);
			continue;
		}
		let n = 1;
		while (seen.has(`${span.spanID}_${n}`)) n++;
		const renamed = `${span.spanID}_${n}`;
		seen.add(renamed);
		warnSpan(span, `duplicate span id ${span.spanID}: renamed to ${renamed}`);
		span.spanID = renamed;
	}
}

/**
 * Orphans and cycles (found by buildTree) get warnings; missing, zero or broken start times take their
 * parent's start (visited parent-first, so a chain of missing starts repairs transitively), or for a
 * root the trace's earliest start; negative durations become 0.
 */
function repairTimesAndLinks(trace: Trace): void {
	const spans = trace.spans;
	const tree = buildTree(trace);
	const byID = indexSpanIDs(spans);
	for (const i of tree.orphans) {
		const missing = spans[i].references.filter((r) => r.traceID === spans[i].traceID && !byID.has(r.spanID)).map((r) => r.spanID);
		if (missing.length) warnSpan(spans[i], `parent span ${missing.join(', ')} is not in this trace; shown as a root`);
	}
	for (const i of tree.cycleBreaks) {
		const dropped = spans[i].references.find((r) => byID.has(r.spanID))?.spanID;
		warnSpan(spans[i], `references form a cycle: the link to parent ${dropped} is ignored and the span shown as a root`);
	}
	let earliest = Infinity;
	for (const s of spans) if (s.startTime > 0 && Number.isFinite(s.startTime) && s.startTime < earliest) earliest = s.startTime;
	if (earliest === Infinity) earliest = 0;
	for (const i of tree.order) {
		const s = spans[i];
		if (!(Number.isFinite(s.startTime) && s.startTime > 0)) {
			const was = s.startTime === undefined || Number.isNaN(s.startTime) ? 'missing' : String(s.startTime);
			const p = tree.parent[i];
			s.startTime = p >= 0 ? spans[p].startTime : earliest;
			warnSpan(s, `start time was ${was}; set to ${p >= 0 ? "its parent's start" : "the trace's earliest start"}`);
		}
		if (!(Number.isFinite(s.duration) && s.duration >= 0)) {
			warnSpan(s, `duration was ${s.duration}; set to 0`);
			s.duration = 0;
		}
	}
}

/** Repairs the trace in place and returns it. */
export function repairTrace(trace: Trace): Trace {
	normaliseLists(trace);
	repairProcesses(trace);
	renameDuplicateIDs(trace);
	repairTimesAndLinks(trace);
	return trace;
}
