/**
 * A double-ended queue on a growable ring: O(1) push/shift at both ends, so a 100,000-message queue
 * drains without the O(n) cost of Array.prototype.shift, and a requeued message goes back in front.
 */
export class Deque<T> {
	private buf: (T | undefined)[] = new Array(16);
	private head = 0;
	private count = 0;

	get length(): number {
		return this.count;
	}

	push(item: T): void {
		if (this.count === this.buf.length) this.grow();
		this.buf[(this.head + this.count) % this.buf.length] = item;
		this.count++;
	}

	unshift(item: T): void {
		if (this.count === this.buf.length) this.grow();
		this.head = (this.head - 1 + this.buf.length) % this.buf.length;
		this.buf[this.head] = item;
		this.count++;
	}

	shift(): T | undefined {
		if (this.count === 0) return undefined;
		const item = this.buf[this.head];
		this.buf[this.head] = undefined;
		this.head = (this.head + 1) % this.buf.length;
		this.count--;
		return item;
	}

	clear(): void {
		this.buf = new Array(16);
		this.head = 0;
		this.count = 0;
	}

	*[Symbol.iterator](): IterableIterator<T> {
		for (let i = 0; i < this.count; i++) yield this.buf[(this.head + i) % this.buf.length] as T;
	}

	private grow(): void {
		const next: (T | undefined)[] = new Array(this.buf.length * 2);
		for (let i = 0; i < this.count; i++) next[i] = this.buf[(this.head + i) % this.buf.length];
		this.buf = next;
		this.head = 0;
	}
}
