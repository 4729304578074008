/**
 * What every connection shares: the plugin registry, the conf-token store and the settings.
 * In multi-process mode a `RemoteConf` makes the primary process the source of truth for tokens.
 */
import { buildChain, ConfRejected, releaseChain, type Chain, type ConfEntry, type PluginRegistry } from './chain.js';
import { ConfStore, type StoredConf } from './conf-store.js';
import type { Logger } from './logger.js';

/** How a worker process reaches the primary's token table (see cluster.ts). */
export interface RemoteConf {
  /** Registers a validated conf with the primary; resolves to the token every worker will accept. */
  register(key: string, entries: readonly ConfEntry[]): Promise<number>;
  /** Fetches a token this worker has not seen (it may have been prepared on another worker). */
  fetch(token: number): Promise<StoredConf | undefined>;
  /** Notes a use, so the primary renews the entry too. */
  used(token: number): void;
}

export interface EngineSettings {
  readonly callTimeoutMs: number;
  readonly skipInvalidConf: boolean;
}

export class Engine {
  remote: RemoteConf | undefined;

  constructor(
    readonly registry: PluginRegistry,
    readonly store: ConfStore,
    readonly log: Logger,
    readonly settings: EngineSettings,
  ) {}

  private build(key: string, entries: readonly ConfEntry[]): Chain {
    return buildChain(this.registry, key, entries, this.settings.skipInvalidConf, (err) => this.logRefusal(err, 'conf entry skipped'));
  }

  /**
   * APISIX prepares again on every request of a route whose conf was refused, so the same refusal
   * arrives many times a second: log it once a minute, with how often it recurred meanwhile.
   */
  private readonly refusals = new Map<string, { at: number; repeated: number }>();
  logRefusal(err: ConfRejected, msg = 'conf refused'): void {
    const id = `${msg}\n${err.key}\n${err.plugin}\n${err.reason}`;
    const now = Date.now();
    const seen = this.refusals.get(id);
    if (seen !== undefined && now - seen.at < 60_000) {
      seen.repeated++;
      return;
    }
    if (this.refusals.size > 1000) this.refusals.clear();
    this.refusals.set(id, { at: now, repeated: 0 });
    const level = msg === 'conf refused' ? 'error' : 'warn';
    this.log[level]({ key: err.key, plugin: err.plugin, pointer: err.pointer, reason: err.reason, repeatedSinceLastLog: seen?.repeated ?? 0 }, msg);
  }

  /** Validates the conf list and returns its token. Throws ConfRejected for a refused conf. */
  prepare(key: string, entries: readonly ConfEntry[]): number | Promise<number> {
    const remote = this.remote;
    if (remote === undefined) {
      // Reuse first: an identical conf was accepted already, and a chain built only to be thrown
      // away would make plugins acquire (and have to release) resources for nothing.
      return this.store.reuse(key, entries) ?? this.store.put(key, entries, this.build(key, entries));
    }
    const chain = this.build(key, entries);
    return remote.register(key, entries).then(
      (token) => this.store.put(key, entries, chain, token),
      (err: unknown) => {
        releaseChain(chain);
        throw err;
      },
    );
  }

  /** The chain of a token: sync when known here, a promise when the primary must be asked. */
  lookup(token: number): Chain | undefined | Promise<Chain | undefined> {
    const chain = this.store.get(token);
    const remote = this.remote;
    if (remote === undefined) return chain;
    if (chain !== undefined) {
      remote.used(token);
      return chain;
    }
    return remote.fetch(token).then((stored) => {
      if (stored === undefined) return undefined;
      const known = this.store.get(token); // another call for the same token got here first
      if (known !== undefined) return known;
      try {
        const c = this.build(stored.key, stored.entries);
        this.store.put(stored.key, stored.entries, c, token);
        return c;
      } catch (err) {
        // Another worker accepted this conf, so this only happens with non-deterministic parsers.
        this.log.error({ key: stored.key, err: err instanceof ConfRejected ? err.message : String(err) }, 'conf refused on this worker');
        return undefined;
      }
    });
  }
}
