// Timers driven by hand: tests decide when "flushIntervalMs later" is.
import type { Timers } from '../../../src/lib/backend/index';

export function manualTimers() {
	let pending: { id: number; fn: () => void; ms: number }[] = [];
	let next = 1;
	const timers: Timers = {
		setTimeout(fn, ms) {
			pending.push({ id: next, fn, ms });
			return next++;
		},
		clearTimeout(h) {
			pending = pending.filter((p) => p.id !== h);
		}
	};
	return {
		timers,
		get pending() {
			return pending.length;
		},
		/** Runs every timer scheduled so far (not those they schedule). */
		fire() {
			const due = pending;
			pending = [];
			for (const p of due) p.fn();
		}
	};
}
