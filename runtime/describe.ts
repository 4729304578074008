/**
 * What a runner knows about its plugins, said once: the APISIX phases each can act in, its JSON
 * Schema, and whether one `ext-plugin-*` conf entry would be accepted at PrepareConf. Used by
 * `a6-runner plugins` (a deployed executable describes itself) and by `a6kit check` / `a6kit conf`
 * (a config is checked where it is written, by the runner's own parseConf).
 */
import type { AnyPlugin, Phase } from './plugin.js';
import { ConfError } from './plugin.js';

/** The three APISIX plugins that call an external runner, in the order a request meets them. */
export const PHASES: readonly Phase[] = ['ext-plugin-pre-req', 'ext-plugin-post-req', 'ext-plugin-post-resp'];
export type { Phase };

/**
 * APISIX's schema for one conf entry (apisix/plugins/ext-plugin/init.lua): `name` is a string of 1
 * to 128 characters, `value` a string, the list has at least one entry.
 */
const CONF_NAME_MAX_LENGTH = 128;

/**
 * The phases in which a plugin may be configured: those it declares (`phases`), else those its
 * filters act in: the request phases call `requestFilter` (HTTPReqCall), ext-plugin-post-resp calls
 * `responseFilter` (HTTPRespCall). The one place that decides it, for the runner at PrepareConf,
 * `a6-runner plugins`, `a6kit check` and `a6kit conf`.
 */
export function phasesOf(plugin: AnyPlugin): Phase[] {
  if (plugin.phases !== undefined) return PHASES.filter((p) => plugin.phases!.includes(p));
  const phases: Phase[] = [];
  if (typeof plugin.requestFilter === 'function') phases.push('ext-plugin-pre-req', 'ext-plugin-post-req');
  if (typeof plugin.responseFilter === 'function') phases.push('ext-plugin-post-resp');
  return phases;
}

/**
 * Why `plugin` may not be configured in `phase`, or undefined when it may. A plugin listed where it
 * has no filter would be accepted and never run: an auth plugin in post-resp lets everything through.
 */
export function phaseProblem(plugin: AnyPlugin, phase: Phase): string | undefined {
  const can = phasesOf(plugin);
  if (can.includes(phase)) return undefined;
  return `plugin "${plugin.name}" cannot act in ${phase}: it ${can.length ? `acts in ${can.join(', ')}` : 'has no filter'}`;
}

/**
 * The phase named in APISIX's conf key: the key is `<conf type>#<conf id>#<ext-plugin name>#<conf
 * version>` (core.lrucache.plugin_ctx_id with the ext-plugin's name as extra key), e.g.
 * `route#1#ext-plugin-post-resp#3`. Read by position, as a route id may itself read like a phase.
 * Undefined for a key in another form (other tools, tests).
 */
export function phaseOfKey(key: string): Phase | undefined {
  const end = key.lastIndexOf('#');
  const start = end > 0 ? key.lastIndexOf('#', end - 1) : -1;
  if (start <= 0) return undefined;
  const name = key.slice(start + 1, end);
  return (PHASES as readonly string[]).includes(name) ? (name as Phase) : undefined;
}

/** The plugin's JSON Schema when it carries one (a generated parseConf does), else undefined. */
export function schemaOf(plugin: AnyPlugin): Record<string, unknown> | undefined {
  const own: unknown = plugin.schema ?? (plugin.parseConf as { schema?: unknown }).schema;
  return typeof own === 'object' && own !== null ? (own as Record<string, unknown>) : undefined;
}

export interface PluginDescription {
  name: string;
  phases: Phase[];
  /** JSON Schema of the config; null when the plugin does not carry one. */
  schema: Record<string, unknown> | null;
}

export function describePlugins(plugins: readonly AnyPlugin[]): PluginDescription[] {
  return plugins.map((p) => ({ name: p.name, phases: phasesOf(p), schema: schemaOf(p) ?? null }));
}

/** Text form of `describePlugins`, one line per plugin (for `a6-runner plugins`). */
export function formatPluginList(plugins: readonly AnyPlugin[]): string {
  const rows = describePlugins(plugins);
  const width = Math.max(4, ...rows.map((r) => r.name.length));
  const lines = rows.map((r) => `${r.name.padEnd(width)}  ${r.phases.join(', ') || '(no filter: acts in no phase)'}`);
  return [`${'NAME'.padEnd(width)}  PHASES`, ...lines].join('\n') + '\n';
}

/** One problem with a conf entry; `pointer` is inside the parsed value when the config is refused. */
export interface EntryProblem {
  /** Which part of the entry is wrong. */
  field: 'name' | 'value';
  message: string;
  pointer?: string;
}

/**
 * Checks one conf entry the way the runner will see it at PrepareConf, plus the phase rule.
 * Returns no problems for an entry the runner accepts and will run. Never throws for bad input.
 */
export function checkConfEntry(
  plugins: ReadonlyMap<string, AnyPlugin>,
  phase: Phase,
  name: unknown,
  value: unknown,
): EntryProblem[] {
  if (typeof name !== 'string') return [{ field: 'name', message: 'name must be a string' }];
  if (name.length < 1 || name.length > CONF_NAME_MAX_LENGTH) {
    return [
      {
        field: 'name',
        message: `name must be 1 to ${CONF_NAME_MAX_LENGTH} characters (APISIX refuses it); it has ${name.length}`,
      },
    ];
  }
  const plugin = plugins.get(name);
  if (plugin === undefined) {
    const known = [...plugins.keys()].sort().join(', ') || '(none)';
    return [{ field: 'name', message: `unknown plugin "${name}": this runner serves ${known}` }];
  }
  const problems: EntryProblem[] = [];
  const wrongPhase = phaseProblem(plugin, phase);
  if (wrongPhase !== undefined) problems.push({ field: 'name', message: wrongPhase });
  if (typeof value !== 'string') {
    problems.push({
      field: 'value',
      message: 'value must be a string holding the JSON config (APISIX refuses anything else)',
    });
    return problems;
  }
  try {
    // A tool only asks whether the config is accepted: what parseConf acquired for it (a pooled
    // connection, a timer) is given back at once, or it would keep the tool's process alive.
    const conf = plugin.parseConf(value);
    releaseQuietly(plugin, conf);
  } catch (err) {
    // Duck-typed: a project loaded by a tool (tsx) may carry its own copy of the ConfError class.
    const pointer =
      err instanceof ConfError || (err as Error | undefined)?.name === 'ConfError'
        ? (err as ConfError).pointer
        : undefined;
    problems.push({
      field: 'value',
      message: `plugin "${name}" refuses its config: ${(err as Error).message}`,
      ...(pointer !== undefined ? { pointer } : {}),
    });
  }
  return problems;
}

function releaseQuietly(plugin: AnyPlugin, conf: unknown): void {
  try {
    plugin.releaseConf?.(conf);
  } catch {
    // The config was accepted; a plugin failing to release it says nothing about the config.
  }
}

export function pluginMap(plugins: readonly AnyPlugin[]): Map<string, AnyPlugin> {
  return new Map(plugins.map((p) => [p.name, p]));
}
