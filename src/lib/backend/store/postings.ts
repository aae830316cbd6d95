// Postings lists: for each index key (a service, an operation, a tag value …) the sequence numbers
// of the live traces that have it, ascending. Sequence numbers are handed out in arrival order and
// eviction always removes the oldest trace, so an evicted trace is always at the head of every list
// it is in: eviction is an O(1) head bump per key, and a list that empties is deleted, which keeps
// the index as bounded as the store.
//
// Keys are two strings (service + operation, tag key + value) held in nested maps rather than
// joined into one: on the write path that saves a string concatenation and a hash of the joined
// string for every key of every span, which was the largest cost of ingest.

export class Posting {
	/** Ascending trace sequence numbers; entries before `head` are evicted. */
	seqs: number[] = [];
	head = 0;
	constructor(
		readonly owner: PostingsIndex,
		readonly a: string,
		readonly b: string
	) {}

	get size(): number {
		return this.seqs.length - this.head;
	}

	/** Index of seq in seqs (≥ head), or -1. Binary search: the list is ascending. */
	indexOf(seq: number): number {
		let lo = this.head;
		let hi = this.seqs.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >>> 1;
			const v = this.seqs[mid];
			if (v === seq) return mid;
			if (v < seq) lo = mid + 1;
			else hi = mid - 1;
		}
		return -1;
	}

	has(seq: number): boolean {
		const last = this.seqs[this.seqs.length - 1];
		return last === seq || (last > seq && this.indexOf(seq) >= 0);
	}

	/** Adds seq keeping the order; false when it was already there. Usually an append. */
	insert(seq: number): boolean {
		const seqs = this.seqs;
		const n = seqs.length;
		if (n === this.head || seqs[n - 1] < seq) {
			seqs.push(seq);
			return true;
		}
		if (seqs[n - 1] === seq) return false;
		// A span of an older trace (a root reported last, a slow service) after newer traces started:
		// binary search for its place rather than walking back over every newer trace.
		let lo = this.head;
		let hi = n;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (seqs[mid] < seq) lo = mid + 1;
			else hi = mid;
		}
		if (seqs[lo] === seq) return false;
		seqs.splice(lo, 0, seq);
		return true;
	}

	/** Removes seq; it is normally the head (the oldest trace). */
	remove(seq: number): void {
		if (this.seqs[this.head] === seq) {
			this.head++;
			// Compact once the dead prefix dominates, so the array does not grow forever.
			if (this.head > 1024 && this.head * 2 > this.seqs.length) {
				this.seqs = this.seqs.slice(this.head);
				this.head = 0;
			}
			return;
		}
		const i = this.indexOf(seq);
		if (i >= 0) this.seqs.splice(i, 1);
	}
}

/** Postings keyed by a pair of strings (a, b); use b = '' for a one-part key. */
export class PostingsIndex {
	private readonly lists = new Map<string, Map<string, Posting>>();
	private count = 0;

	/** @param kind set for the per-span-kind (service, operation) indexes behind the catalogue */
	constructor(readonly kind: string | null = null) {}

	get(a: string, b: string): Posting | undefined {
		return this.lists.get(a)?.get(b);
	}

	/** Adds trace `seq` under (a, b); returns the posting when the trace was not under it yet. */
	add(a: string, b: string, seq: number): Posting | null {
		let inner = this.lists.get(a);
		if (!inner) this.lists.set(a, (inner = new Map()));
		let p = inner.get(b);
		if (!p) {
			p = new Posting(this, a, b);
			inner.set(b, p);
			this.count++;
		}
		return p.insert(seq) ? p : null;
	}

	/** Removes trace `seq` from `posting`; returns true when the list emptied and was dropped. */
	remove(posting: Posting, seq: number): boolean {
		posting.remove(seq);
		if (posting.size > 0) return false;
		const inner = this.lists.get(posting.a);
		if (inner?.get(posting.b) === posting) {
			inner.delete(posting.b);
			this.count--;
			if (inner.size === 0) this.lists.delete(posting.a);
		}
		return true;
	}

	get keyCount(): number {
		return this.count;
	}

	clear(): void {
		this.lists.clear();
		this.count = 0;
	}
}
