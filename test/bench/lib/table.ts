// Shared printing for benchmarks: every bench file prints one or more tables with printTable.

export interface BenchTable {
	title: string;
	columns: string[];
	rows: (string | number)[][];
	notes?: string[];
}

function cell(v: string | number): string {
	if (typeof v !== 'number') return v;
	if (Number.isInteger(v)) return v.toLocaleString('en-US');
	return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

export function formatTable(t: BenchTable): string {
	const text = [t.columns, ...t.rows.map((r) => r.map(cell))];
	const widths = t.columns.map((_, i) => Math.max(...text.map((r) => String(r[i] ?? '').length)));
	const line = (r: string[]) => '| ' + r.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ') + ' |';
	const out = [`\n### ${t.title}\n`, line(text[0] as string[]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|'];
	for (const r of text.slice(1)) out.push(line(r as string[]));
	for (const n of t.notes ?? []) out.push(`\n${n}`);
	return out.join('\n');
}

export function printTable(t: BenchTable): void {
	console.log(formatTable(t));
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[idx];
}
