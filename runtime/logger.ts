/**
 * Structured logs: one JSON object per line on stdout, which APISIX copies into its error.log.
 * Written synchronously (no worker-thread transport) so nothing is lost when the runner exits
 * right after SIGTERM. Request bodies are never logged.
 */
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };
export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function createLogger(level = 'info', destination: NodeJS.WritableStream | number = 1): Logger {
  if (!LOG_LEVELS.includes(level as LevelWithSilent)) {
    throw new Error(`unknown log level "${level}" (use one of ${LOG_LEVELS.join(', ')})`);
  }
  const dest = typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination;
  return pino(
    {
      name: 'a6kit',
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    dest,
  );
}

/**
 * A log line that a peer can trigger at will (a refused connection, a frame over budget) is
 * written at most once per interval, with how many were left out meanwhile: a flood of hostile
 * connections must not turn into a flood of synchronous writes to stdout.
 */
export class ThrottledLog {
  private last = 0;
  private suppressed = 0;
  constructor(
    private readonly log: Logger,
    private readonly level: 'error' | 'warn' | 'info',
    private readonly msg: string,
    private readonly everyMs = 1000,
  ) {}

  write(fields: Record<string, unknown>): void {
    const now = Date.now();
    if (now - this.last < this.everyMs) {
      this.suppressed++;
      return;
    }
    this.last = now;
    this.log[this.level]({ ...fields, suppressedSinceLastLog: this.suppressed }, this.msg);
    this.suppressed = 0;
  }
}
