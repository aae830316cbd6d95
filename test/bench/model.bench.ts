// Trace model: how long importing and analysing big traces takes. `npx tsx test/bench/model.bench.ts`
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTree, criticalPath, parseTraceFile, toJaegerJSON, traceStatistics, type Trace } from '../../src/lib/model';
import { chainTrace, wideTrace } from '../unit/model/generate';
import { percentile, printTable } from './lib/table';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.resolve(repoRoot, 'test/fixtures/traces');

function time(runs: number, fn: () => void): number[] {
	fn(); // warm-up: the first call pays for JIT compilation, which a long-lived page pays once
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		(globalThis as { gc?: () => void }).gc?.();
		const t = performance.now();
		fn();
		ms.push(performance.now() - t);
	}
	return ms;
}

const row = (what: string, size: string, ms: number[]) => [what, size, ms.length, percentile(ms, 50), percentile(ms, 95), Math.min(...ms)];

const zipkinText = readFileSync(path.join(fixtures, 'zipkin2-smartthings-mobile-web-install.json'), 'utf8');
const wide = wideTrace(100_000);
const wideText = JSON.stringify(toJaegerJSON([wide]));
const chain = chainTrace(10_000);
const imported: Trace = parseTraceFile(wideText).traces[0];

printTable({
	title: 'Trace model: import (parseTraceFile: JSON.parse + convert + repair + skew check)',
	columns: ['input', 'size', 'runs', 'median ms', 'p95 ms', 'min ms'],
	rows: [
		row('Zipkin smartthings (1,041 records)', `${(zipkinText.length / 1e3).toFixed(0)} KB`, time(20, () => parseTraceFile(zipkinText))),
		row('generated Jaeger JSON, 100k spans', `${(wideText.length / 1e6).toFixed(1)} MB`, time(5, () => parseTraceFile(wideText)))
	]
});

printTable({
	title: 'Trace model: analysis',
	columns: ['operation', 'trace', 'runs', 'median ms', 'p95 ms', 'min ms'],
	rows: [
		row('buildTree', '100k spans, random', time(10, () => buildTree(imported))),
		row('buildTree + criticalPath', '100k spans, random', time(10, () => criticalPath(imported, buildTree(imported)))),
		row('traceStatistics (incl. buildTree)', '100k spans, random', time(5, () => traceStatistics(imported))),
		row('buildTree', '10,000-deep chain', time(20, () => buildTree(chain))),
		row('buildTree + criticalPath', '10,000-deep chain', time(20, () => criticalPath(chain, buildTree(chain))))
	],
	notes: ['Times after one warm-up call; gc() between runs when run with --expose-gc (npm run bench does).']
});
