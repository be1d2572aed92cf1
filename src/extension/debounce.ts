// One pending run per key (a document): a burst of changes within `delayMs` runs once, after the
// last change. The caller never waits, so a keystroke never waits for analysis. Timers are
// injected so tests drive time by hand.
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class KeyedDebouncer<K> {
  private readonly pending = new Map<K, unknown>();

  constructor(private readonly delayMs: number, private readonly run: (key: K) => void, private readonly timers: Timers = realTimers) {}

  /** Schedules `run(key)` after `delayMs`, replacing a pending run for the same key. */
  schedule(key: K, delayMs = this.delayMs): void {
    this.cancel(key);
    this.pending.set(key, this.timers.set(() => {
      this.pending.delete(key);
      this.run(key);
    }, delayMs));
  }

  cancel(key: K): void {
    const h = this.pending.get(key);
    if (h !== undefined) {
      this.timers.clear(h);
      this.pending.delete(key);
    }
  }

  isPending(key: K): boolean {
    return this.pending.has(key);
  }

  dispose(): void {
    for (const h of this.pending.values()) this.timers.clear(h);
    this.pending.clear();
  }
}
