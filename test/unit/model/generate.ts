// Synthetic traces for tests and the bench: shapes no fixture has (100k spans, 10,000-deep chains).
import type { Span, Trace } from '../../../src/lib/model';

export function makeSpan(id: string, parentID: string | null, startTime: number, duration: number, processID = 'p1', operationName = `op-${id}`): Span {
	return {
		traceID: 't1', spanID: id, flags: 1, operationName,
		references: parentID ? [{ refType: 'CHILD_OF', traceID: 't1', spanID: parentID }] : [],
		startTime, duration, tags: [], logs: [], processID, warnings: null
	};
}

export function makeTrace(spans: Span[], services = ['svc']): Trace {
	const processes: Trace['processes'] = {};
	services.forEach((s, i) => (processes[`p${i + 1}`] = { serviceName: s, tags: [] }));
	return { traceID: 't1', spans, processes, warnings: null };
}

/** A chain root → … → leaf, each span nested 1 µs inside its parent. */
export function chainTrace(length: number): Trace {
	const spans: Span[] = [];
	for (let i = 0; i < length; i++) spans.push(makeSpan(i.toString(16), i ? (i - 1).toString(16) : null, 1_000_000 + i, 2 * (length - i)));
	return makeTrace(spans);
}

/** A bushy trace of n spans over 8 services: span i's parent is a random earlier span; deterministic. */
export function wideTrace(n: number, seed = 1): Trace {
	let x = seed;
	const rand = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
	const spans: Span[] = [];
	const start: number[] = [];
	for (let i = 0; i < n; i++) {
		const p = i === 0 ? -1 : Math.floor(rand() * i);
		const s = p < 0 ? 1_000_000 : start[p] + 1 + Math.floor(rand() * 100);
		start.push(s);
		spans.push(makeSpan(i.toString(16).padStart(16, '0'), p < 0 ? null : p.toString(16).padStart(16, '0'), s, 1 + Math.floor(rand() * 1000), `p${1 + (i % 8)}`, `op${i % 50}`));
	}
	return makeTrace(spans, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
}
