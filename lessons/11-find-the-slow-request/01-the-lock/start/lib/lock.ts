// A lock that says in the span what it did: how many transactions were ahead when a caller began to
// wait, and how many were left behind it when it got in. HotROD's customer service has the same
// one (pkg/tracing/mutex.go); there it "simulates a misconfigured connection pool of size 1".
import type { Span } from 'opentracing';

export class Lock {
  #held = false;
  #waiting: (() => void)[] = [];

  async acquire(span: Span): Promise<void> {
    if (this.#held) {
      span.log({ event: `Waiting for lock behind ${this.#waiting.length + 1} transactions` });
      await new Promise<void>((wake) => this.#waiting.push(wake));
    }
    this.#held = true;
    span.log({ event: `Acquired lock; ${this.#waiting.length} transactions waiting behind` });
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}
