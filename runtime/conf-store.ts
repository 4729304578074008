/**
 * Conf tokens: what PrepareConf hands out and every call refers to. Shared by all connections of
 * the process (APISIX prepares on one pooled connection and calls on another).
 *
 * Tokens are random 32-bit numbers drawn from the OS CSPRNG: hard to guess, and a restarted runner
 * does not hand out its predecessor's sequence (a sequential counter would make a stale token
 * cached by APISIX silently select another route's plugins). Entries live for
 * APISIX_CONF_EXPIRE_TIME x 1.2 (tokenTtlMs) so they outlive APISIX's own cache, and every use
 * renews them.
 *
 * The table is bounded by entries and by estimated bytes, least recently used first. Eviction is
 * safe: a call with an evicted token is answered CONF_TOKEN_NOT_FOUND, and APISIX prepares the
 * conf again and retries (its rpc_call loop).
 */
import { randomFillSync } from 'node:crypto';
import { releaseChain, type Chain, type ConfEntry } from './chain.js';
import { DEFAULT_LIMITS, type ConfLimits } from './limits.js';

/** How long a token outlives its last use: APISIX_CONF_EXPIRE_TIME (seconds) x 1.2, in ms. */
export function tokenTtlMs(confExpireSeconds: number): number {
  return confExpireSeconds * 1200;
}

interface Entry {
  readonly token: number;
  readonly key: string;
  readonly entries: readonly ConfEntry[];
  chain: Chain;
  expires: number;
  /** Estimated memory held by this entry (see estimateBytes). */
  readonly bytes: number;
  /** Used since the eviction hand last passed: gets a second chance (CLOCK, an LRU approximation). */
  used: boolean;
  /** Eviction order: a doubly linked ring through every entry, oldest first after the sentinel. */
  older: Entry | Ring;
  newer: Entry | Ring;
}

/** The ring's sentinel: `newer` is the oldest entry, `older` the newest. */
interface Ring {
  older: Entry | Ring;
  newer: Entry | Ring;
}

/**
 * Memory an entry holds, estimated: the raw strings (UTF-16 worst case), the parsed conf (assumed
 * about as big again) and a fixed share for the maps, the entry and the chain objects.
 */
function estimateBytes(key: string, entries: readonly ConfEntry[]): number {
  let chars = key.length;
  for (const e of entries) chars += e.name.length + e.value.length;
  return 4 * chars + 160 * entries.length + 400;
}

function sameEntries(a: readonly ConfEntry[], b: readonly ConfEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.name !== b[i]!.name || a[i]!.value !== b[i]!.value) return false;
  return true;
}

const randomPool = new Uint32Array(64);
let randomLeft = 0;

function randomToken(): number {
  if (randomLeft === 0) {
    randomFillSync(randomPool);
    randomLeft = randomPool.length;
  }
  return randomPool[--randomLeft]!;
}

function unlink(e: Entry): void {
  e.older.newer = e.newer;
  e.newer.older = e.older;
}

export interface StoredConf {
  readonly token: number;
  readonly key: string;
  readonly entries: readonly ConfEntry[];
}

/** The bounded token table (used as the local store, the cluster primary's table and a worker's cache). */
export class ConfStore {
  private readonly byToken = new Map<number, Entry>();
  /**
   * Eviction order, kept in a linked ring rather than read off the Map's insertion order: walking a
   * Map from its front after many deletions skips every deleted slot, which made eviction quadratic.
   */
  private readonly ring: Ring = (() => {
    const r = {} as Ring;
    r.older = r;
    r.newer = r;
    return r;
  })();
  private readonly byKey = new Map<string, Entry>();
  private sweeper: NodeJS.Timeout | undefined;
  private totalBytes = 0;
  /** Entries dropped to stay within the limits (for logs and tests). */
  evicted = 0;
  readonly limits: ConfLimits;

  constructor(
    /** Lifetime of an unused entry, in ms. */
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    limits: Partial<ConfLimits> = {},
  ) {
    this.limits = {
      maxConfs: limits.maxConfs ?? DEFAULT_LIMITS.maxConfs,
      maxConfBytes: limits.maxConfBytes ?? DEFAULT_LIMITS.maxConfBytes,
    };
    const every = Math.min(Math.max(ttlMs / 4, 100), 60_000);
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
  }

  get size(): number {
    return this.byToken.size;
  }

  /** Estimated bytes held by the stored confs. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** A token that is neither 0 (the protocol's "absent") nor in use. */
  newToken(): number {
    for (;;) {
      const t = randomToken();
      if (t !== 0 && !this.byToken.has(t)) return t;
    }
  }

  /** Token already issued for this key with this exact conf, renewed; else undefined. */
  reuse(key: string, entries: readonly ConfEntry[]): number | undefined {
    const e = this.byKey.get(key);
    if (e === undefined || !sameEntries(e.entries, entries)) return undefined;
    const now = this.now();
    if (e.expires <= now) {
      this.remove(e);
      return undefined;
    }
    e.expires = now + this.ttlMs;
    e.used = true;
    return e.token;
  }

  /** Stores a chain under `token` (a fresh one when omitted), evicting what no longer fits. */
  put(key: string, entries: readonly ConfEntry[], chain: Chain, token = this.newToken()): number {
    const old = this.byToken.get(token);
    if (old !== undefined) this.remove(old);
    const ring = this.ring;
    const e: Entry = {
      token,
      key,
      entries,
      chain,
      expires: this.now() + this.ttlMs,
      bytes: estimateBytes(key, entries),
      used: false,
      older: ring.older,
      newer: ring,
    };
    e.older.newer = e;
    ring.older = e;
    this.byToken.set(token, e);
    this.byKey.set(key, e);
    this.totalBytes += e.bytes;
    this.evictOverflow(e);
    return token;
  }

  /** The chain of a live token, renewing it; undefined when unknown, expired or evicted. */
  get(token: number): Chain | undefined {
    const e = this.byToken.get(token);
    if (e === undefined) return undefined;
    const now = this.now();
    if (e.expires <= now) {
      this.remove(e);
      return undefined;
    }
    e.expires = now + this.ttlMs;
    e.used = true;
    return e.chain;
  }

  /** Raw conf of a live token (what the primary hands to workers), renewing it. */
  getStored(token: number): StoredConf | undefined {
    if (this.get(token) === undefined) return undefined;
    const e = this.byToken.get(token)!;
    return { token, key: e.key, entries: e.entries };
  }

  /** Renews a token without reading it (usage reported by another process). */
  touch(token: number): void {
    this.get(token);
  }

  sweep(): void {
    const now = this.now();
    for (const e of this.byToken.values()) if (e.expires <= now) this.remove(e);
  }

  /**
   * Drops the least recently used entries until both limits hold again. The hand walks from the
   * oldest insertion; an entry used since it was last passed moves to the back instead (CLOCK). The
   * entry just stored is never dropped: the token being handed out must be valid.
   */
  private evictOverflow(keep: Entry): void {
    const { maxConfs, maxConfBytes } = this.limits;
    const ring = this.ring;
    let passes = 0;
    while ((this.byToken.size > maxConfs || this.totalBytes > maxConfBytes) && this.byToken.size > 1) {
      const oldest = ring.newer as Entry;
      if (oldest === keep || (oldest.used && passes++ < this.byToken.size)) {
        oldest.used = false;
        unlink(oldest);
        oldest.older = ring.older;
        oldest.newer = ring;
        ring.older.newer = oldest;
        ring.older = oldest;
        continue;
      }
      this.remove(oldest);
      this.evicted++;
    }
  }

  /** Every chain leaves the store here (expiry, replacement, eviction, close), so its plugins release what its configs hold. */
  private remove(e: Entry): void {
    if (this.byToken.get(e.token) !== e) return;
    this.byToken.delete(e.token);
    if (this.byKey.get(e.key) === e) this.byKey.delete(e.key);
    unlink(e);
    this.totalBytes -= e.bytes;
    releaseChain(e.chain);
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const e of this.byToken.values()) this.remove(e);
  }
}

/**
 * The one interface the call path uses to reach conf tokens. `get` is the hot path: synchronous,
 * for tokens this process holds. Only a token `get` does not know takes the slow path `find`,
 * which may ask another process (cluster mode); a process that is its own source of truth answers
 * it with `undefined` at once.
 */
export interface Confs {
  /** The chain of a token this process holds, renewing it. */
  get(token: number): Chain | undefined;
  /** Whether `find` can know more than `get` (otherwise an unknown token is simply unknown). */
  readonly hasSlowPath: boolean;
  /** Slow path for a token `get` did not know; `build` turns a conf fetched from elsewhere into a chain. */
  find(token: number, build: (key: string, entries: readonly ConfEntry[]) => Chain): Promise<Chain | undefined>;
  /**
   * Registers a validated chain and returns its token (ConfRejected is thrown by `build`). A
   * process that is its own source of truth answers at once, so PrepareConf frames sent back to
   * back are answered in order; only cluster mode waits on the primary (a promise).
   */
  prepare(key: string, entries: readonly ConfEntry[], build: () => Chain): number | Promise<number>;
  close(): void;
}

/** One process, its own source of truth. */
export class LocalConfs implements Confs {
  readonly hasSlowPath = false;
  constructor(readonly store: ConfStore) {}

  get(token: number): Chain | undefined {
    return this.store.get(token);
  }

  find(): Promise<Chain | undefined> {
    return Promise.resolve(undefined);
  }

  prepare(key: string, entries: readonly ConfEntry[], build: () => Chain): number {
    // Reuse first: an identical conf was accepted already, and a chain built only to be thrown
    // away would make plugins acquire (and have to release) resources for nothing.
    return this.store.reuse(key, entries) ?? this.store.put(key, entries, build());
  }

  close(): void {
    this.store.close();
  }
}
