/**
 * Token bucket with reservations, the semantics the Go runner's `limit-req` gets from
 * golang.org/x/time/rate: a request takes a token now or *reserves* one that will exist later and
 * waits for it; only a request the bucket could never serve (burst 0, or rate 0 once the initial
 * burst is spent) is refused. So a steady overload slows clients down instead of failing them.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
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
    this.burstLeft = burst;
  }

  /**
   * Takes one token: the delay in ms after which the caller may go on (0: at once), or undefined
   * when the request must be refused. A refused request leaves the bucket unchanged.
   */
  reserve(): number | undefined {
    if (this.rate === 0) {
      if (this.burstLeft < 1) return undefined;
      this.burstLeft -= 1;
      return 0;
    }
    if (this.burst < 1) return undefined;
    const now = Math.max(this.now(), this.last);
    const refilled = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    this.tokens = refilled - 1;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.rate) * 1000;
  }
}
