/**
 * Conf tokens: what PrepareConf hands out and every call refers to. Shared by all connections of
 * the process (APISIX prepares on one pooled connection and calls on another).
 *
 * Tokens are random 32-bit numbers drawn from the OS CSPRNG: hard to guess, and a restarted runner
 * does not hand out its predecessor's sequence (a sequential counter would make a stale token
 * cached by APISIX silently select another route's plugins). Entries live for
 * APISIX_CONF_EXPIRE_TIME x 1.2 so they outlive APISIX's own cache, and every use renews them.
 */
import { randomFillSync } from 'node:crypto';
import { confFingerprint, releaseChain, type Chain, type ConfEntry } from './chain.js';

interface Entry {
  readonly token: number;
  readonly key: string;
  readonly fingerprint: string;
  readonly entries: readonly ConfEntry[];
  chain: Chain;
  expires: number;
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

export interface StoredConf {
  readonly token: number;
  readonly key: string;
  readonly entries: readonly ConfEntry[];
}

export class ConfStore {
  private readonly byToken = new Map<number, Entry>();
  private readonly byKey = new Map<string, Entry>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    /** Lifetime of an unused entry, in ms. */
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    const every = Math.min(Math.max(ttlMs / 4, 100), 60_000);
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
  }

  get size(): number {
    return this.byToken.size;
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
    if (e === undefined || e.fingerprint !== confFingerprint(entries)) return undefined;
    if (e.expires <= this.now()) {
      this.remove(e);
      return undefined;
    }
    e.expires = this.now() + this.ttlMs;
    return e.token;
  }

  /** Stores a chain under `token` (a fresh one when omitted). */
  put(key: string, entries: readonly ConfEntry[], chain: Chain, token = this.newToken()): number {
    const old = this.byToken.get(token);
    if (old !== undefined) this.remove(old);
    const e: Entry = {
      token,
      key,
      fingerprint: confFingerprint(entries),
      entries,
      chain,
      expires: this.now() + this.ttlMs,
    };
    this.byToken.set(token, e);
    this.byKey.set(key, e);
    return token;
  }

  /** The chain of a live token, renewing it; undefined when unknown or expired. */
  get(token: number): Chain | undefined {
    const e = this.byToken.get(token);
    if (e === undefined) return undefined;
    const now = this.now();
    if (e.expires <= now) {
      this.remove(e);
      return undefined;
    }
    e.expires = now + this.ttlMs;
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

  /** Every chain leaves the store here, so its plugins release what its configs hold. */
  private remove(e: Entry): void {
    this.byToken.delete(e.token);
    if (this.byKey.get(e.key) === e) this.byKey.delete(e.key);
    releaseChain(e.chain);
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const e of this.byToken.values()) this.remove(e);
  }
}
