/**
 * `a6kit conf`: prints the `plugins` fragment APISIX expects for one phase, each value written as
 * the JSON *string* APISIX wants and checked by the plugin's own parseConf first, so what is
 * printed is what the runner will accept.
 *
 *   a6kit conf --phase pre-req say='{"body":"hi"}' limit-req='{"rate":10,"burst":5}'
 *   → {"ext-plugin-pre-req":{"conf":[{"name":"say","value":"{\"body\":\"hi\"}"},…]}}
 */
import type { Command } from 'commander';
import { stringify as toYaml } from 'yaml';
import { checkConfEntry, PHASES, pluginMap, type Phase } from '../../runtime/describe.js';
import type { AnyPlugin } from '../../runtime/plugin.js';
import { loadProjectPlugins } from '../../project/load-plugins.js';
import { UserError } from '../../tooling/user-error.js';
import { reporting } from '../report.js';

interface ConfFlags {
  project: string;
  phase: string;
  allowDegradation?: boolean;
  route?: boolean;
  uri: string;
  upstream: string;
  format: string;
}

/** A plugin's config, as given: the name and the JSON text of its config. */
export interface ConfInput {
  name: string;
  json: string;
}

export interface PhaseConf {
  conf: { name: string; value: string }[];
  allow_degradation?: boolean;
}

/** `pre-req` or `ext-plugin-pre-req` → `ext-plugin-pre-req`. */
export function phaseName(text: string): Phase {
  const full = text.startsWith('ext-plugin-') ? text : `ext-plugin-${text}`;
  if (!(PHASES as readonly string[]).includes(full)) {
    throw new UserError(`--phase must be one of pre-req, post-req, post-resp (or ${PHASES.join(', ')}), not "${text}"`);
  }
  return full as Phase;
}

/**
 * The fragment for one phase. Each config is re-serialised compactly (the JSON given may be
 * pretty-printed) and checked as the runner will check it. Throws a UserError (exit 1) naming every
 * refused input.
 */
export function buildPhaseConf(
  plugins: readonly AnyPlugin[],
  phase: Phase,
  inputs: readonly ConfInput[],
  allowDegradation?: boolean,
): Record<string, PhaseConf> {
  const byName = pluginMap(plugins);
  const errors: string[] = [];
  const conf = inputs.map(({ name, json }) => {
    let value: string;
    try {
      value = JSON.stringify(JSON.parse(json));
    } catch (err) {
      errors.push(`plugin "${name}": config is not valid JSON: ${(err as Error).message}`);
      return { name, value: json };
    }
    for (const p of checkConfEntry(byName, phase, name, value)) errors.push(p.message);
    return { name, value };
  });
  if (errors.length > 0) throw new UserError(errors.join('\n'), 1);
  return { [phase]: { conf, ...(allowDegradation ? { allow_degradation: true } : {}) } };
}

/** A whole route body around the fragment, ready for the Admin API or `a6 route create -f -`. */
export function routeBody(plugins: Record<string, PhaseConf>, uri: string, upstream: string): Record<string, unknown> {
  return { uri, plugins, upstream: { type: 'roundrobin', nodes: { [upstream]: 1 } } };
}

export function formatOutput(value: unknown, format: string): string {
  return format === 'yaml' ? toYaml(value) : `${JSON.stringify(value)}\n`;
}

function parseInput(arg: string): ConfInput {
  const i = arg.indexOf('=');
  if (i <= 0) throw new UserError(`"${arg}" must look like name='{json}'`);
  return { name: arg.slice(0, i), json: arg.slice(i + 1) };
}

const CONF_EXIT_HELP = `
Exit codes:
  0  the fragment was printed
  1  a config was refused (plugin, JSON pointer and message on stderr; nothing on stdout)
  2  usage error (bad flag, not a runner project)`;

export function registerConf(program: Command): void {
  program
    .command('conf')
    .description("print the ext-plugin-* fragment APISIX expects, each config checked by its plugin's parseConf")
    .argument('<plugin=json...>', 'plugins in order, each with its JSON config: say=\'{"body":"hi"}\'')
    .option('--project <dir>', 'runner project whose plugins check the configs', '.')
    .option('--phase <phase>', 'pre-req, post-req or post-resp', 'pre-req')
    .option('--allow-degradation', "APISIX's allow_degradation: pass requests on when the runner is unavailable")
    .option('--route', 'print a whole route body (uri, plugins, upstream)')
    .option('--uri <uri>', 'route uri (with --route)', '/*')
    .option('--upstream <host:port>', 'upstream node (with --route)', '127.0.0.1:1980')
    .option('--format <format>', 'json or yaml', 'json')
    .addHelpText('after', CONF_EXIT_HELP)
    .action(
      reporting(async (args: string[], f: ConfFlags) => {
        if (f.format !== 'json' && f.format !== 'yaml')
          throw new UserError(`--format must be json or yaml, not "${f.format}"`);
        const phase = phaseName(f.phase);
        const inputs = args.map(parseInput);
        const plugins = await loadProjectPlugins(f.project);
        const fragment = buildPhaseConf(plugins, phase, inputs, f.allowDegradation);
        process.stdout.write(formatOutput(f.route ? routeBody(fragment, f.uri, f.upstream) : fragment, f.format));
        return 0;
      }),
    );
}
