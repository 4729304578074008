/**
 * Fixed windows kept in this process (policy `local`): what APISIX's own `local` policy does per
 * nginx worker. Another runner process or gateway node has counters of its own.
 */
import type { Counter, Tally } from './counter.js';

interface Window {
  count: number;
  endsAt: number;
}

export class LocalCounter implements Counter {
  private readonly windows = new Map<string, Window>();
  private nextSweep: number;

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.nextSweep = now() + windowMs;
  }

  /** Keys held (for tests: expired windows are dropped). */
  get size(): number {
    return this.windows.size;
  }

  incr(key: string): Tally {
    const now = this.now();
    // Expired windows go once per window length: memory follows the keys seen in one window,
    // with no timer to stop when the conf goes away.
    if (now >= this.nextSweep) this.sweep(now);
    let w = this.windows.get(key);
    if (w === undefined || w.endsAt <= now) {
      w = { count: 0, endsAt: now + this.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return { count: w.count, ttlMs: w.endsAt - now };
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
    this.nextSweep = now + this.windowMs;
  }

  release(): void {
    this.windows.clear();
  }
}
