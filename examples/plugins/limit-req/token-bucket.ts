/**
 * Token bucket with reservations, the semantics the Go runner's `limit-req` gets from
 * golang.org/x/time/rate: a request takes a token now or *reserves* one that will exist later and
 * waits for it, so a steady overload slows clients down instead of failing them. Unlike a bare
 * Reserve() + Sleep, a reservation never reaches further than the caller can wait (`maxDelayMs`,
 * at most what a Node timer can hold), and a reservation given back frees its token for later
 * requests, as rate.Limiter.Wait does for a context that ends.
 */

/** Longest delay a Node timer honours; a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Reservation {
  /** Milliseconds to wait before going on (0: at once). */
  readonly delayMs: number;
  /** Gives the token back if its time has not come yet (the call was refused or abandoned). */
  cancel(): void;
}

export class TokenBucket {
  /** Tokens available; negative while reservations are pending. */
  private tokens: number;
  private last: number;
  /** When the latest reservation's token exists. */
  private lastSlot: number;
  private burstLeft: number;

  constructor(
    /** Tokens added per second (0: none ever again). */
    readonly rate: number,
    /** Bucket size; the bucket starts full. */
    readonly burst: number,
    /** Clock in milliseconds (monotonic). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
    this.lastSlot = this.last;
    this.burstLeft = burst;
  }

  private refill(): number {
    const now = Math.max(this.now(), this.last);
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    return now;
  }

  /**
   * Takes one token, now or at most `maxDelayMs` from now, or refuses (undefined) and leaves the
   * bucket as it was: a request the bucket could never serve (burst 0, or rate 0 once the initial
   * burst is spent) or one that would have to wait longer.
   */
  reserve(maxDelayMs: number = MAX_TIMER_MS): Reservation | undefined {
    if (this.rate === 0) {
      if (this.burstLeft < 1) return undefined;
      this.burstLeft -= 1;
      return { delayMs: 0, cancel: () => {} };
    }
    if (this.burst < 1) return undefined;
    const now = this.refill();
    const after = this.tokens - 1;
    const delayMs = after >= 0 ? 0 : (-after / this.rate) * 1000;
    if (delayMs > Math.min(maxDelayMs, MAX_TIMER_MS)) return undefined;
    this.tokens = after;
    const slot = now + delayMs;
    this.lastSlot = Math.max(this.lastSlot, slot);
    let cancelled = false;
    return {
      delayMs,
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        this.giveBack(slot);
      },
    };
  }

  /**
   * Returns the token of a reservation for `slot`, less what later reservations already count on
   * (their delays were worked out with this token gone); nothing once the slot has passed.
   */
  private giveBack(slot: number): void {
    const now = this.refill();
    if (slot <= now) return;
    const reservedAfter = ((this.lastSlot - slot) / 1000) * this.rate;
    const restore = 1 - reservedAfter;
    if (restore <= 0) return;
    this.tokens = Math.min(this.burst, this.tokens + restore);
    if (this.lastSlot === slot) this.lastSlot = slot - (restore / this.rate) * 1000;
  }
}
