// Jaeger's pkg/queue BoundedQueue and the agent's UDP channel behave alike: when the queue is
// full the INCOMING item is dropped (never an old one) and a counter goes up. So a burst loses
// its tail, and the spans already waiting still arrive.
export class BoundedQueue<T> {
	private items: T[] = [];
	private head = 0;
	dropped = 0;

	constructor(public capacity: number) {}

	get length(): number {
		return this.items.length - this.head;
	}

	/** false (and counted) when there is no room */
	offer(item: T): boolean {
		if (this.length >= this.capacity) {
			this.dropped++;
			return false;
		}
		this.items.push(item);
		return true;
	}

	/** up to `n` items, oldest first */
	take(n: number): T[] {
		const out = this.items.slice(this.head, this.head + n);
		this.head += out.length;
		// compact now and then so a long run does not keep every item ever queued
		if (this.head > 1024 && this.head * 2 > this.items.length) {
			this.items = this.items.slice(this.head);
			this.head = 0;
		}
		return out;
	}

	clear(): number {
		const n = this.length;
		this.items = [];
		this.head = 0;
		return n;
	}
}
