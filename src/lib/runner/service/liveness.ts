/**
 * What keeps a program alive, as Node counts it: timers not yet fired or cleared and requests in
 * flight. A client is done when its `main` has settled and nothing is pending — the moment Node
 * would exit. Only the learner's own timers count (they get these through esbuild `inject`), so the
 * tracer's flush interval does not keep a run open.
 */
export interface Liveness {
	timers: {
		setTimeout: typeof setTimeout;
		clearTimeout: typeof clearTimeout;
		setInterval: typeof setInterval;
		clearInterval: typeof clearInterval;
	};
	/** counts a request as pending until it settles */
	track<T>(p: Promise<T>): Promise<T>;
	pendingTimers(): number;
	pendingRequests(): number;
	/** resolves when nothing is pending, checked again after a macrotask so fresh work is seen */
	idle(): Promise<void>;
}

export function createLiveness(real: {
	setTimeout: typeof setTimeout;
	clearTimeout: typeof clearTimeout;
	setInterval: typeof setInterval;
	clearInterval: typeof clearInterval;
}): Liveness {
	const timeouts = new Set<unknown>();
	const intervals = new Set<unknown>();
	let requests = 0;
	let waiters: (() => void)[] = [];

	const check = () => {
		if (timeouts.size + intervals.size + requests > 0 || waiters.length === 0) return;
		// a macrotask later: promise reactions that were queued may start new timers or requests
		real.setTimeout(() => {
			if (timeouts.size + intervals.size + requests > 0) return;
			const w = waiters;
			waiters = [];
			for (const f of w) f();
		}, 0);
	};

	const timers = {
		setTimeout: ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
			const id = real.setTimeout(() => {
				timeouts.delete(id);
				try {
					if (typeof fn === 'function') fn(...rest);
				} finally {
					check();
				}
			}, ms);
			timeouts.add(id);
			return id;
		}) as typeof setTimeout,
		clearTimeout: ((id: Parameters<typeof clearTimeout>[0]) => {
			real.clearTimeout(id);
			if (timeouts.delete(id)) check();
		}) as typeof clearTimeout,
		setInterval: ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
			const id = real.setInterval(() => typeof fn === 'function' && fn(...rest), ms);
			intervals.add(id);
			return id;
		}) as typeof setInterval,
		clearInterval: ((id: Parameters<typeof clearInterval>[0]) => {
			real.clearInterval(id);
			if (intervals.delete(id)) check();
		}) as typeof clearInterval
	};

	return {
		timers,
		track(p) {
			requests++;
			const done = () => {
				requests--;
				check();
			};
			p.then(done, done);
			return p;
		},
		pendingTimers: () => timeouts.size + intervals.size,
		pendingRequests: () => requests,
		idle() {
			const p = new Promise<void>((r) => waiters.push(r));
			check();
			return p;
		}
	};
}
