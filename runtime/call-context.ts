/**
 * The plugin context of one call (`req.log`, `req.signal`): made only when a plugin first touches
 * it, or when a call that may have handed it out is cancelled, so the hot path of a call whose
 * plugins never use it allocates nothing for it.
 */
import type { Logger } from './logger.js';
import { CallCancelled } from './plugin.js';

export class CallContextState {
  private controller: AbortController | undefined;
  /** The reason, once the call was cancelled (the signal may be asked for only later). */
  private cancelled: CallCancelled | undefined;
  /** One child logger per chain link, made on first use. */
  private loggers: (Logger | undefined)[] | undefined;

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.cancelled !== undefined) this.controller.abort(this.cancelled);
    }
    return this.controller.signal;
  }

  /** The logger of the plugin at `index` in the chain, bound to this call. */
  logger(index: number, make: () => Logger): Logger {
    const loggers = (this.loggers ??= []);
    return (loggers[index] ??= make());
  }

  /** The call can no longer be answered: abort the signal (once) with the reason. */
  cancel(reason: CallCancelled): void {
    if (this.cancelled !== undefined) return;
    this.cancelled = reason;
    // Listeners run now, synchronously; one that throws is reported by the process guard (main.ts).
    this.controller?.abort(reason);
  }
}
