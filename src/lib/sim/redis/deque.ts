/**
 * A double-ended queue on a ring buffer: O(1) pushes and pops at both ends and O(1) indexing, so a
 * 10,000-element list drains without shifting arrays (LPUSH + BRPOP is a queue's two ends).
 */
export class Deque<T> {
	#buf: (T | undefined)[] = new Array(8);
	#head = 0;
	#size = 0;

	get length(): number {
		return this.#size;
	}

	#grow(): void {
		if (this.#size < this.#buf.length) return;
		const next: (T | undefined)[] = new Array(this.#buf.length * 2);
		for (let i = 0; i < this.#size; i++) next[i] = this.#buf[(this.#head + i) % this.#buf.length];
		this.#buf = next;
		this.#head = 0;
	}

	pushBack(v: T): void {
		this.#grow();
		this.#buf[(this.#head + this.#size) % this.#buf.length] = v;
		this.#size++;
	}

	pushFront(v: T): void {
		this.#grow();
		this.#head = (this.#head - 1 + this.#buf.length) % this.#buf.length;
		this.#buf[this.#head] = v;
		this.#size++;
	}

	popFront(): T | undefined {
		if (this.#size === 0) return undefined;
		const v = this.#buf[this.#head];
		this.#buf[this.#head] = undefined;
		this.#head = (this.#head + 1) % this.#buf.length;
		this.#size--;
		return v;
	}

	popBack(): T | undefined {
		if (this.#size === 0) return undefined;
		const i = (this.#head + this.#size - 1) % this.#buf.length;
		const v = this.#buf[i];
		this.#buf[i] = undefined;
		this.#size--;
		return v;
	}

	peekFront(): T | undefined {
		return this.#size === 0 ? undefined : this.#buf[this.#head];
	}

	/** the i-th element from the front, 0 ≤ i < length */
	at(i: number): T | undefined {
		return i < 0 || i >= this.#size ? undefined : this.#buf[(this.#head + i) % this.#buf.length];
	}
}
