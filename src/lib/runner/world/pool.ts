import type { ServiceLink } from './service-handle';

/**
 * Fresh service workers, spawned ahead of time: loading a worker takes longer than a small run
 * itself, so the next run's workers load while the learner reads. Workers are never reused — a
 * run leaves patches, globals and timers behind.
 */
export class WorkerPool<L extends ServiceLink = ServiceLink> {
	#idle: L[] = [];
	#target: number;

	constructor(
		private readonly spawn: () => L,
		warmSize = 3
	) {
		this.#target = warmSize;
	}

	/**
	 * Fills the pool up to the size of the largest run so far. Called when the page opens and after
	 * each run, not during one: spawning competes with a running world for the CPU.
	 */
	warm(): void {
		while (this.#idle.length < this.#target) this.#idle.push(this.spawn());
	}

	take(n: number): L[] {
		this.#target = Math.max(this.#target, n);
		const out = this.#idle.splice(0, n);
		while (out.length < n) out.push(this.spawn());
		return out;
	}

	dispose(): void {
		for (const h of this.#idle) h.stop();
		this.#idle = [];
	}
}
