// Mutated fixtures (deleted fields, swapped types, truncated text, dropped characters) either import
// or fail with TraceImportError — and whatever imports survives every analysis without throwing.
import { describe, it, expect } from 'vitest';
import { buildTree, criticalPath, compareTraces, dependencyLinks, parseTraceFile, toJaegerJSON, toOTLP, traceStatistics, traceSummary, TraceImportError } from '../../../src/lib/model';
import { readFixture } from './fixtures';

const FILES = [
	'jaeger-tutorial-multiple-services.json', 'jaeger-ui-trace-graph-test.json', 'jaeger-query-ui_01-edge-cases.json',
	'jaeger-model-json-fixture-nulls.json', 'jaeger-edge-parent-cycle.json', 'jaeger-model-domain_01.json',
	'zipkin2-skew.json', 'zipkin2-messaging2-missing-parents.json', 'otlp-proto-example-trace.json',
	'otlp-apiv3-any-value-types.json', 'otlp-tempo-istio-bookinfo-batches.json', 'otlp-transform-in-multi-combined.json'
];
const REPLACEMENTS: unknown[] = [null, 0, -1, 1.5, 1e300, '', '123', 'zz', true, [], {}, [[[]]], { a: 1 }, '9'.repeat(40)];

function rng(seed: number) {
	return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/** Every container in the value with the keys/indexes it holds (iterative: fixtures are shallow anyway). */
function containers(root: unknown): (Record<string, unknown> | unknown[])[] {
	const out: (Record<string, unknown> | unknown[])[] = [];
	const stack = [root];
	while (stack.length) {
		const v = stack.pop();
		if (v && typeof v === 'object') {
			out.push(v as Record<string, unknown>);
			stack.push(...Object.values(v));
		}
	}
	return out;
}

function mutate(text: string, rand: () => number): string {
	const kind = Math.floor(rand() * 5);
	if (kind === 0) return text.slice(0, Math.floor(rand() * text.length)); // truncation
	if (kind === 1) {
		// drop a few random characters
		let t = text;
		for (let k = 0; k < 1 + rand() * 5; k++) {
			const at = Math.floor(rand() * t.length);
			t = t.slice(0, at) + t.slice(at + 1);
		}
		return t;
	}
	const value = JSON.parse(text);
	for (let m = 0; m < 1 + Math.floor(rand() * 3); m++) {
		const all = containers(value);
		const target = all[Math.floor(rand() * all.length)];
		const keys = Object.keys(target);
		if (keys.length === 0) continue;
		const key = keys[Math.floor(rand() * keys.length)];
		if (kind === 2) {
			if (Array.isArray(target)) target.splice(Number(key), 1);
			else delete target[key];
		} else (target as Record<string, unknown>)[key] = REPLACEMENTS[Math.floor(rand() * REPLACEMENTS.length)];
	}
	return JSON.stringify(value);
}

describe('fuzz', () => {
	it('1,200 mutated fixtures import or throw TraceImportError, and analysis never throws', () => {
		const rand = rng(20240611);
		const texts = FILES.map(readFixture);
		const outcome = { parsed: 0, rejected: 0 };
		const escaped: string[] = [];
		for (let n = 0; n < 1200; n++) {
			const input = mutate(texts[n % texts.length], rand);
			try {
				const { traces } = parseTraceFile(input);
				for (const t of traces) {
					const tree = buildTree(t);
					traceSummary(t, tree);
					criticalPath(t, tree);
					traceStatistics(t, 'operation', tree);
					compareTraces(t, t, tree, tree);
				}
				dependencyLinks(traces);
				toOTLP(traces);
				JSON.stringify(toJaegerJSON(traces));
				outcome.parsed++;
			} catch (e) {
				// A wrapped unexpected error is the safety net catching a bug: that counts as escaped.
				if (e instanceof TraceImportError && e.unexpected === undefined) outcome.rejected++;
				else escaped.push(`${FILES[n % FILES.length]} #${n}: ${String((e as TraceImportError).unexpected ?? e)}`);
			}
		}
		expect(escaped.slice(0, 3)).toEqual([]);
		console.log(`fuzz: ${outcome.parsed} imported, ${outcome.rejected} rejected`);
		// Both outcomes must actually happen, or the mutations are not testing anything.
		expect(outcome.parsed).toBeGreaterThan(100);
		expect(outcome.rejected).toBeGreaterThan(100);
	});
});
