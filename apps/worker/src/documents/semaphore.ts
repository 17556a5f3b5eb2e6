/**
 * Bounds how many documents one process analyses at once. Extraction and analysis are CPU- and
 * memory-heavy, while the rest of the worker's jobs mostly wait on the network, so the worker can
 * run many jobs concurrently yet only a few documents (each holding its bytes and text in memory).
 */
export class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async acquire(): Promise<() => void> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    };
  }
}
