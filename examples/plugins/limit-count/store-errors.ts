/**
 * Counter store failures (Redis down or slower than redis_timeout), logged through the plugin
 * logger of the call that met them. An outage fails every request of the route, so a config logs
 * at most one line per interval, with how many failures it left out meanwhile.
 */
import type { Logger } from 'a6kit';

export class StoreErrors {
  private last = -Infinity;
  private suppressed = 0;

  constructor(
    private readonly everyMs = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  report(log: Logger, err: unknown, degraded: boolean): void {
    const t = this.now();
    if (t - this.last < this.everyMs) {
      this.suppressed++;
      return;
    }
    this.last = t;
    log.error(
      { err: err instanceof Error ? err : String(err), suppressedSinceLastLog: this.suppressed },
      degraded
        ? 'counter store failed: request let through (allow_degradation)'
        : 'counter store failed: request answered 500',
    );
    this.suppressed = 0;
  }
}
