// A pool of workers: at most `size` tasks run at once, the rest wait in line, first come first served.
export class WorkerPool {
  #free: number;
  #line: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((go) => this.#line.push(go));
    try {
      return await task();
    } finally {
      const next = this.#line.shift();
      if (next) next();
      else this.#free++;
    }
  }
}
