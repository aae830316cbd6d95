// Connection pools as the server sees them: each (client, pool id) may run `limit` queries at once;
// the rest wait in arrival order. This is where "waited 12 ms for a connection" comes from.

interface Waiter {
	grant: () => void;
}

class Pool {
	busy = 0;
	private queue: (Waiter | undefined)[] = [];
	private head = 0;

	constructor(readonly limit: number) {}

	get waiting(): number {
		return this.queue.length - this.head;
	}

	acquire(): Promise<void> {
		if (this.busy < this.limit) {
			this.busy++;
			return Promise.resolve();
		}
		return new Promise((grant) => this.queue.push({ grant }));
	}

	release(): void {
		if (this.head < this.queue.length) {
			// the connection passes straight to the next in line: busy stays the same
			const w = this.queue[this.head]!;
			this.queue[this.head++] = undefined;
			if (this.head > 1024 && this.head * 2 > this.queue.length) {
				this.queue = this.queue.slice(this.head);
				this.head = 0;
			}
			w.grant();
		} else this.busy--;
	}
}

export class Pools {
	private pools = new Map<string, Pool>();

	constructor(private readonly maxPools: number) {}

	/** the pool `id`, made with `limit` connections the first time it is seen; null when there are too many pools */
	get(id: string, limit: number): Pool | null {
		let p = this.pools.get(id);
		if (!p) {
			if (this.pools.size >= this.maxPools) return null;
			p = new Pool(limit);
			this.pools.set(id, p);
		}
		return p;
	}
}

export type { Pool };
