// At most one call per interval: counters change on every packet, the page needs ~10 pictures a
// second. The first change schedules one emit `intervalMs` later; changes until then ride along.
import type { Timers } from '../timers';

export function createThrottle(timers: Timers, intervalMs: number, emit: () => void) {
	let timer: unknown = null;
	return {
		poke(): void {
			if (timer !== null) return;
			timer = timers.setTimeout(() => {
				timer = null;
				emit();
			}, intervalMs);
		},
		/** emit now (the end of a run) and cancel the pending one */
		now(): void {
			if (timer !== null) timers.clearTimeout(timer);
			timer = null;
			emit();
		},
		dispose(): void {
			if (timer !== null) timers.clearTimeout(timer);
			timer = null;
		}
	};
}
