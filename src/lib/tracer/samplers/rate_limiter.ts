// Leaky-bucket credit counter: `creditsPerSecond` credits drip in, up to `maxBalance`.
// Starts full (like jaeger-client-go/java; jaeger-client-node starts at a random level), so
// `ratelimiting` with param 2 lets the first two traces through — predictable in a lesson.
export class RateLimiter {
	private balance: number;
	private lastTick: number;

	constructor(
		private creditsPerSecond: number,
		private maxBalance: number,
		/** ms clock, injectable for tests */
		private readonly now: () => number = Date.now
	) {
		this.balance = maxBalance;
		this.lastTick = now();
	}

	update(creditsPerSecond: number, maxBalance: number): void {
		this.refill();
		this.creditsPerSecond = creditsPerSecond;
		// keep the same fill ratio so a change does not grant a burst
		this.balance = this.maxBalance > 0 ? (maxBalance * this.balance) / this.maxBalance : maxBalance;
		this.maxBalance = maxBalance;
	}

	checkCredit(cost: number): boolean {
		this.refill();
		if (this.balance < cost) return false;
		this.balance -= cost;
		return true;
	}

	private refill(): void {
		const t = this.now();
		const elapsed = Math.max(0, t - this.lastTick) / 1000;
		this.lastTick = t;
		this.balance = Math.min(this.maxBalance, this.balance + elapsed * this.creditsPerSecond);
	}
}
