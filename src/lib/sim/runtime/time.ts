/** The `tour/time` module. `setTimeout` is passed in so the sleep counts as pending work of the service. */
export interface TourTime {
	sleep(ms: number): Promise<void>;
	now(): number;
}

export function createTimeModule(setTimer: (fn: () => void, ms: number) => unknown): TourTime {
	return {
		sleep: (ms) => new Promise<void>((resolve) => setTimer(resolve, Math.max(0, Number(ms) || 0))),
		now: () => Date.now()
	};
}
