// Time ticks over a view window [from, to] (µs relative to the trace start): 1/2/5 × 10^k steps.
import { formatDuration } from './format';

export interface Tick {
	/** µs from the trace start */
	at: number;
	/** 0..1 across the view window */
	frac: number;
	label: string;
}

export function niceStep(span: number, maxTicks: number): number {
	if (!(span > 0) || maxTicks < 1) return 1;
	const raw = span / maxTicks;
	const pow = Math.pow(10, Math.floor(Math.log10(raw)));
	for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
	return 10 * pow;
}

export function timeTicks(from: number, to: number, maxTicks = 5): Tick[] {
	if (!(to > from)) return [{ at: from, frac: 0, label: formatDuration(from) }];
	const step = niceStep(to - from, maxTicks);
	const out: Tick[] = [];
	const first = Math.ceil(from / step - 1e-9) * step;
	for (let k = 0; k <= maxTicks * 2 + 1; k++) {
		const at = first + k * step;
		if (at > to + step * 1e-9) break;
		out.push({ at, frac: (at - from) / (to - from), label: formatDuration(Math.round(at * 1000) / 1000) });
	}
	return out;
}
