/**
 * The work a connection has started and not finished (interaction replies, digest posts), so a graceful
 * shutdown can wait for it before disconnecting.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** How many pieces of work are unfinished. */
  get size(): number {
    return this.pending.size;
  }

  /** Remembers `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = (): void => {
      this.pending.delete(work);
    };
    work.then(forget, forget);
    return work;
  }

  /**
   * Resolves `true` once nothing is in flight, counting work tracked while waiting, or `false` when `timeoutMs`
   * passes first. Never rejects: failures of the tracked work are their owners' to report.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.pending.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      while (this.pending.size > 0) {
        const settled = Promise.allSettled([...this.pending]).then(() => 'settled' as const);
        if ((await Promise.race([settled, timedOut])) === 'timeout') return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
