import { ServiceHandle } from './service-handle';

/**
 * Fresh service workers, spawned ahead of time: loading a worker's module takes longer than a small
 * run itself, so the next run's workers load while the learner reads. Workers are never reused —
 * a run leaves patches, globals and timers behind.
 */
export class WorkerPool {
	#idle: ServiceHandle[] = [];
	#refill: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly warmSize = 3,
		private readonly spawn: () => ServiceHandle = ServiceHandle.spawn
	) {}

	/** Fills the pool in the background. */
	warm(): void {
		while (this.#idle.length < this.warmSize) this.#idle.push(this.spawn());
	}

	take(n: number): ServiceHandle[] {
		const out = this.#idle.splice(0, n);
		while (out.length < n) out.push(this.spawn());
		this.#scheduleRefill();
		return out;
	}

	#scheduleRefill() {
		if (this.#refill) return;
		// after the run got going: spawning competes with it for the CPU
		this.#refill = setTimeout(() => {
			this.#refill = null;
			this.warm();
		}, 50);
	}

	dispose(): void {
		if (this.#refill) clearTimeout(this.#refill);
		for (const h of this.#idle) h.stop();
		this.#idle = [];
	}
}
