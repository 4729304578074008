/**
 * A route's plugin chain: the conf list APISIX sends at PrepareConf, resolved against the
 * registered plugins and parsed once. Requests then only walk the resulting array.
 */
import type { AnyPlugin } from './plugin.js';
import { PHASES, phaseOfKey, phaseProblem } from './describe.js';

export interface ConfEntry {
  readonly name: string;
  readonly value: string;
}

export interface ChainLink {
  readonly plugin: AnyPlugin;
  readonly conf: unknown;
  /** The plugin's position in the registry, resolved at PrepareConf (metrics index by it). */
  readonly slot: number;
}

export interface Chain {
  /** APISIX's cache key of the route/plugin conf (for log lines). */
  readonly key: string;
  readonly links: readonly ChainLink[];
}

/** A conf entry the runner refuses: unknown plugin or a config its parser rejected. */
export class ConfRejected extends Error {
  constructor(
    readonly plugin: string,
    readonly key: string,
    readonly reason: string,
    readonly pointer?: string,
  ) {
    super(`plugin "${plugin}" of conf "${key}": ${reason}${pointer ? ` (at ${pointer})` : ''}`);
    this.name = 'ConfRejected';
  }
}

export type PluginRegistry = ReadonlyMap<string, AnyPlugin>;

export function makeRegistry(plugins: readonly AnyPlugin[]): PluginRegistry {
  const map = new Map<string, AnyPlugin>();
  for (const p of plugins) {
    if (!p || typeof p.name !== 'string' || p.name.length === 0 || p.name.length > 128) {
      throw new Error(`invalid plugin name ${JSON.stringify(p?.name)}: must be 1 to 128 characters`);
    }
    if (typeof p.parseConf !== 'function') throw new Error(`plugin "${p.name}" has no parseConf`);
    if (map.has(p.name)) throw new Error(`plugin "${p.name}" is registered twice`);
    if (
      p.phases !== undefined &&
      (!Array.isArray(p.phases) ||
        (p.phases as readonly unknown[]).some((ph) => !(PHASES as readonly unknown[]).includes(ph)))
    ) {
      throw new Error(
        `plugin "${p.name}" declares invalid phases ${JSON.stringify(p.phases)}: use ${PHASES.join(', ')}`,
      );
    }
    map.set(p.name, p);
  }
  return map;
}

/** A plugin's position in the registry's order (the order metrics number their series in). */
function slotOf(registry: PluginRegistry, plugin: AnyPlugin): number {
  let slot = 0;
  for (const p of registry.values()) {
    if (p === plugin) return slot;
    slot++;
  }
  return -1;
}

/**
 * Resolves and parses every entry. Fails closed on the first bad entry unless `skipInvalid`, in
 * which case bad entries are reported through `onSkip` and left out. A plugin that cannot act in
 * the phase the key names (describe.ts) is a bad entry: listed there it would silently do nothing.
 */
export function buildChain(
  registry: PluginRegistry,
  key: string,
  entries: readonly ConfEntry[],
  skipInvalid: boolean,
  onSkip: (err: ConfRejected) => void,
): Chain {
  const links: ChainLink[] = [];
  const phase = phaseOfKey(key);
  for (const e of entries) {
    try {
      const plugin = registry.get(e.name);
      if (plugin === undefined) throw new ConfRejected(e.name, key, 'no such plugin in this runner');
      const wrongPhase = phase === undefined ? undefined : phaseProblem(plugin, phase);
      if (wrongPhase !== undefined) {
        throw new ConfRejected(
          e.name,
          key,
          `${wrongPhase}; configure it in a phase it acts in, or declare phases: ['${phase}'] in the plugin to run it there`,
        );
      }
      let conf: unknown;
      try {
        conf = plugin.parseConf(e.value, { key });
      } catch (err) {
        const pointer =
          err && typeof err === 'object' && 'pointer' in err && typeof err.pointer === 'string'
            ? err.pointer
            : undefined;
        throw new ConfRejected(e.name, key, err instanceof Error ? err.message : String(err), pointer);
      }
      links.push({ plugin, conf, slot: slotOf(registry, plugin) });
    } catch (err) {
      if (!(err instanceof ConfRejected) || !skipInvalid) {
        releaseChain({ key, links }); // the configs parsed before this one are never used
        throw err;
      }
      onSkip(err);
    }
  }
  return { key, links };
}

/**
 * Gives every config of a chain back to its plugin (`releaseConf`): the one place the runner calls
 * it, when the conf store drops a chain or a chain is refused while being built.
 */
export function releaseChain(chain: Chain): void {
  for (const { plugin, conf } of chain.links) {
    if (plugin.releaseConf === undefined) continue;
    try {
      plugin.releaseConf(conf);
    } catch (err) {
      process.emitWarning(
        `plugin "${plugin.name}" failed to release a config of conf "${chain.key}": ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
