/** What both policies offer: count one request of a key and say where its window stands. */

/** The state of a key's window right after counting one request. */
export interface Tally {
  /** Requests counted in the window, this one included. */
  readonly count: number;
  /** Milliseconds until the window ends and the count starts again from zero. */
  readonly ttlMs: number;
}

export interface Counter {
  /** Counts one request. Rejects (policy redis) when the store cannot answer in time. */
  incr(key: string): Tally | Promise<Tally>;
  /** The conf using this counter is gone. */
  release(): void;
}
