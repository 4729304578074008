/**
 * The ExtraInfo exchange of one call: the plugins' questions to the gateway (a var, a body) and
 * its answers. The gateway answers strictly in turn, so one question is on the wire at a time and
 * the others wait here. Made only when a call first asks something.
 */
// Imported, not the global: `globalThis.performance` is a lazy getter that a hot loop pays for on
// every read (measured: ~1 % of a stop call's CPU with metrics on).
import { performance } from 'node:perf_hooks';
import { decodeExtraInfoResp } from './codec.js';
import type { RunnerMetrics } from './metrics.js';

/** The gateway ended the call's connection, or the call ended before an ExtraInfo answer came. */
export class CallAborted extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CallAborted';
  }
}

interface Waiter {
  resolve: (v: Uint8Array | undefined) => void;
  reject: (e: Error) => void;
}

export class InfoExchange {
  /** The question on the wire, held as its promise's two functions (no object per question). */
  private resolveAsked: ((v: Uint8Array | undefined) => void) | undefined;
  private rejectAsked: ((e: Error) => void) | undefined;
  /** Questions asked while one is on the wire (rare: a plugin asking several at once). */
  private queue: { frame: Buffer; w: Waiter; kind: number }[] | undefined;
  /** The question on the wire: its kind and when it was sent (metrics only). */
  private kind = 0;
  private sentAt = 0;

  constructor(
    private readonly wire: { send(frame: Buffer): void },
    private readonly metrics?: RunnerMetrics,
  ) {}

  /** Sends `frame` (an ExtraInfo request of `kind`, metrics-ids.ts) now, or after the answers due before it. */
  ask(frame: Buffer, kind: number): Promise<Uint8Array | undefined> {
    return new Promise((resolve, reject) => {
      if (this.resolveAsked === undefined) {
        this.resolveAsked = resolve;
        this.rejectAsked = reject;
        this.sent(frame, kind);
      } else {
        (this.queue ??= []).push({ frame, w: { resolve, reject }, kind });
      }
    });
  }

  private sent(frame: Buffer, kind: number): void {
    if (this.metrics !== undefined) {
      this.kind = kind;
      this.sentAt = performance.now();
    }
    this.wire.send(frame);
  }

  /** A question is on the wire: the gateway's next ExtraInfo frame answers it (also after the call ended). */
  get outstanding(): boolean {
    return this.resolveAsked !== undefined;
  }

  /** The answer to the question on the wire arrived. */
  answer(payload: Buffer): void {
    const resolve = this.resolveAsked!;
    const reject = this.rejectAsked!;
    this.resolveAsked = undefined;
    this.rejectAsked = undefined;
    if (this.metrics !== undefined) this.metrics.infoTook(this.kind, performance.now() - this.sentAt);
    const next = this.queue?.shift();
    if (next !== undefined) {
      this.resolveAsked = next.w.resolve;
      this.rejectAsked = next.w.reject;
      this.sent(next.frame, next.kind);
    }
    let result: Uint8Array | undefined;
    try {
      result = decodeExtraInfoResp(payload);
    } catch (err) {
      reject(err as Error);
      return;
    }
    resolve(result);
  }

  /**
   * The call ended: every question still open fails with CallAborted. `outstanding` stays true
   * when a question was on the wire, so the dispatcher can swallow the answer still due.
   */
  abort(reason: string): void {
    // Most calls end with nothing open: only then build the (stack-capturing) error.
    if (this.resolveAsked === undefined && this.queue === undefined) return;
    const err = new CallAborted(reason);
    this.rejectAsked?.(err);
    if (this.queue) for (const q of this.queue) q.w.reject(err);
    this.queue = undefined;
  }
}
