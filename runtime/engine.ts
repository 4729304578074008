/**
 * What every connection of a process shares: the plugin registry, the conf tokens (behind the
 * `Confs` interface: local, or the cluster primary's), the settings and the logger.
 */
import { buildChain, type Chain, type ConfEntry, type ConfRejected, type PluginRegistry } from './chain.js';
import type { Confs } from './conf-store.js';
import type { Logger } from './logger.js';
import type { RunnerMetrics } from './metrics.js';

export interface EngineSettings {
  readonly callTimeoutMs: number;
  readonly skipInvalidConf: boolean;
}

export class Engine {
  constructor(
    readonly registry: PluginRegistry,
    readonly confs: Confs,
    readonly log: Logger,
    readonly settings: EngineSettings,
    /** Undefined unless `--metrics`: every hook is one test of this field (metrics.ts). */
    readonly metrics?: RunnerMetrics,
  ) {}

  /** Resolves and parses a conf list into a chain; throws ConfRejected for a refused conf. */
  build(key: string, entries: readonly ConfEntry[]): Chain {
    return buildChain(this.registry, key, entries, this.settings.skipInvalidConf, (err) =>
      this.logRefusal(err, 'conf entry skipped'),
    );
  }

  private readonly builder = (key: string, entries: readonly ConfEntry[]): Chain => this.build(key, entries);

  /** The slow path for a token this process does not hold (see Confs.find). */
  find(token: number): Promise<Chain | undefined> {
    return this.confs.find(token, this.builder);
  }

  /** Validates the conf list and returns its token (see Confs.prepare); throws ConfRejected for a refused conf. */
  prepare(key: string, entries: readonly ConfEntry[]): number | Promise<number> {
    return this.confs.prepare(key, entries, () => this.build(key, entries));
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
    this.log[level](
      {
        key: err.key,
        plugin: err.plugin,
        pointer: err.pointer,
        reason: err.reason,
        repeatedSinceLastLog: seen?.repeated ?? 0,
      },
      msg,
    );
  }
}
