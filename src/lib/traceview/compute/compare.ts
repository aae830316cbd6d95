// Labels for the compare table (the comparison itself is the model's compareTraces).
import type { ComparisonRow } from '$lib/model';

export function comparisonStatus(r: ComparisonRow): string {
	if (r.onlyIn === 'a') return 'only in A';
	if (r.onlyIn === 'b') return 'only in B';
	if (r.slower === 'a') return 'A took longer';
	if (r.slower === 'b') return 'B took longer';
	return 'same';
}

export const comparisonClass = (r: ComparisonRow): string => (r.onlyIn ? `only-${r.onlyIn}` : r.slower ? `slower-${r.slower}` : '');
