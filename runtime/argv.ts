/**
 * `a6-runner`'s own command line: `run` (the default) and `plugins [--json]`, each `run` flag with
 * an A6KIT_* env var and a default. Built on node:util parseArgs rather than a CLI library: the
 * runner bundles everything it imports, and these few flags are not worth a library's weight in
 * every shipped runner (commander was a quarter of the bundle).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parseMode } from './address.js';
import { LOG_LEVELS } from './logger.js';
import { DEFAULTS } from './server.js';
import { DEFAULT_LIMITS, LIMIT_KNOBS, type Limits } from './limits.js';
import { parseMetricsAddress } from './metrics-server.js';

/** Default process count: one. Multi-process did not pay off on the machines measured (docs/runner.md). */
const DEFAULT_WORKERS = 1;

export interface RunFlags extends Limits {
  logLevel: string;
  socketMode: number;
  workers: number;
  callTimeout: number;
  skipInvalidConf: boolean;
  metrics?: string;
}

export type Invocation =
  | { command: 'run'; flags: RunFlags }
  | { command: 'plugins'; json: boolean }
  | { command: 'help' }
  | { command: 'version' };

/** A command line the runner refuses; main.ts prints `error: <message>` and exits 1. */
export class ArgvError extends Error {}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  k: 1 << 10,
  kib: 1 << 10,
  m: 1 << 20,
  mib: 1 << 20,
  g: 1 << 30,
  gib: 1 << 30,
};

/** One `run` flag: how it reads, where it comes from, what it defaults to. */
interface RunFlag {
  flag: string;
  arg?: string;
  key: keyof RunFlags;
  env: string;
  help: string;
  /** As shown in --help; undefined: off. */
  shownDefault?: string;
  initial?: RunFlags[keyof RunFlags];
  /** Text → value; throws an Error whose message says what is expected. */
  parse: (v: string) => RunFlags[keyof RunFlags];
}

function positiveInt(what: string) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isInteger(n) || n <= 0) throw new Error(`${what} must be a positive integer`);
    return n;
  };
}

/** A byte count: an integer, optionally with a binary unit (64MiB, 512k, 1g). */
function bytes(what: string) {
  return (v: string): number => {
    const m = /^(\d+)\s*([a-z]*)$/i.exec(v.trim());
    const unit = m ? BYTE_UNITS[m[2]!.toLowerCase()] : undefined;
    const n = m && unit !== undefined ? Number(m[1]) * unit : NaN;
    if (!Number.isSafeInteger(n) || n <= 0)
      throw new Error(`${what} must be a positive number of bytes (e.g. 67108864, 64MiB, 512k)`);
    return n;
  };
}

function formatDefault(unit: 'count' | 'bytes' | 'ms', n: number): string {
  if (unit === 'bytes' && n % (1 << 20) === 0) return `${n / (1 << 20)}MiB`;
  return String(n);
}

const RUN_FLAGS: readonly RunFlag[] = [
  {
    flag: '--log-level',
    arg: '<level>',
    key: 'logLevel',
    env: 'A6KIT_LOG_LEVEL',
    help: `log level (${LOG_LEVELS.join(', ')})`,
    shownDefault: 'info',
    initial: 'info',
    parse: (v) => {
      if (!(LOG_LEVELS as readonly string[]).includes(v)) throw new Error(`allowed: ${LOG_LEVELS.join(', ')}`);
      return v;
    },
  },
  {
    flag: '--socket-mode',
    arg: '<octal>',
    key: 'socketMode',
    env: 'A6KIT_SOCKET_MODE',
    help: 'file mode of the unix socket',
    shownDefault: '0766',
    initial: DEFAULTS.socketMode,
    parse: parseMode,
  },
  {
    flag: '--workers',
    arg: '<n|auto>',
    key: 'workers',
    env: 'A6KIT_WORKERS',
    help: 'processes serving the socket (auto = one per core)',
    shownDefault: String(DEFAULT_WORKERS),
    initial: DEFAULT_WORKERS,
    parse: (v) => (v === 'auto' ? availableParallelism() : positiveInt('--workers')(v)),
  },
  {
    flag: '--call-timeout',
    arg: '<ms>',
    key: 'callTimeout',
    env: 'A6KIT_CALL_TIMEOUT_MS',
    help: 'deadline of one call through the plugins',
    shownDefault: String(DEFAULTS.callTimeoutMs),
    initial: DEFAULTS.callTimeoutMs,
    parse: positiveInt('--call-timeout'),
  },
  {
    flag: '--skip-invalid-conf',
    key: 'skipInvalidConf',
    env: 'A6KIT_SKIP_INVALID_CONF',
    help: 'skip conf entries with an unknown plugin or an invalid config instead of failing the route',
    initial: false,
    parse: envBoolean,
  },
  {
    flag: '--metrics',
    arg: '<address>',
    key: 'metrics',
    env: 'A6KIT_METRICS',
    help: 'serve Prometheus metrics at /metrics on host:port or unix:/path',
    parse: (v) => {
      parseMetricsAddress(v);
      return v;
    },
  },
  // Limits (docs/runner.md, "Limits and threat model"), stored under the limit's own name.
  ...LIMIT_KNOBS.map((k): RunFlag => ({
    flag: k.flag,
    arg: k.unit === 'bytes' ? '<bytes>' : k.unit === 'ms' ? '<ms>' : '<n>',
    key: k.key,
    env: k.env,
    help: k.help,
    shownDefault: formatDefault(k.unit, DEFAULT_LIMITS[k.key]),
    initial: DEFAULT_LIMITS[k.key],
    parse: k.unit === 'bytes' ? bytes(k.flag) : positiveInt(k.flag),
  })),
];

/** A switch set from the environment: 1/true/yes/on or 0/false/no/off (empty: off). */
function envBoolean(v: string): boolean {
  const t = v.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['', '0', 'false', 'no', 'off'].includes(t)) return false;
  throw new Error('expected 1, true, yes, on or 0, false, no, off');
}

const COMMANDS = ['run', 'plugins', 'help'] as const;

/**
 * Reads `args` (process.argv without node and the script) and `env`. Throws ArgvError for anything
 * it does not accept: an unknown command or option, a missing or invalid value, from a flag or env.
 */
export function parseRunnerArgv(args: readonly string[], env: NodeJS.ProcessEnv): Invocation {
  const first = args[0];
  const command = first !== undefined && !first.startsWith('-') ? first : 'run';
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new ArgvError(`unknown command '${command}' (commands: run, plugins)`);
  const rest = first === command ? args.slice(1) : [...args];
  if (command === 'help') return { command: 'help' };

  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
  };
  if (command === 'plugins') options.json = { type: 'boolean' };
  else for (const f of RUN_FLAGS) options[f.flag.slice(2)] = { type: f.arg === undefined ? 'boolean' : 'string' };

  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], options, strict: true, allowPositionals: true }));
  } catch (err) {
    throw new ArgvError(parseArgsMessage(err as Error));
  }
  if (values.help === true) return { command: 'help' };
  if (values.version === true) return { command: 'version' };
  if (positionals.length > 0) throw new ArgvError(`unexpected argument '${positionals[0]}' for '${command}'`);
  if (command === 'plugins') return { command: 'plugins', json: values.json === true };

  const flags: Record<string, unknown> = {};
  for (const f of RUN_FLAGS) {
    const given = values[f.flag.slice(2)];
    if (given === true) {
      flags[f.key] = true;
      continue;
    }
    const fromEnv = given === undefined ? env[f.env] : undefined;
    const text = typeof given === 'string' ? given : fromEnv;
    if (text === undefined) {
      flags[f.key] = f.initial;
      continue;
    }
    try {
      flags[f.key] = f.parse(text);
    } catch (err) {
      const source = given === undefined ? `${f.env}='${text}'` : `${f.flag} '${text}'`;
      throw new ArgvError(`${source} is invalid: ${(err as Error).message}`);
    }
  }
  return { command: 'run', flags: flags as unknown as RunFlags };
}

/** parseArgs' messages go on to explain `--`; the first sentence is what the user needs. */
function parseArgsMessage(err: Error): string {
  const first = err.message.split(/\.\s/)[0]!.replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

export function helpText(about: { version: string; plugins: readonly string[] }): string {
  const lines = [
    `APISIX external plugin runner (a6kit ${about.version}); plugins: ${about.plugins.join(', ') || '(none)'}`,
    '',
    'Usage:',
    '  a6-runner [run] [options]    serve APISIX on APISIX_LISTEN_ADDRESS until SIGTERM (the default command)',
    '  a6-runner plugins [--json]   list the plugins with the phases they act in and exit',
    '                               (--json: [{ name, phases, schema }] with their JSON Schemas)',
    '  a6-runner --version | --help',
    '',
    'Options of run (a flag wins over its env var):',
  ];
  const width = Math.max(...RUN_FLAGS.map((f) => `${f.flag} ${f.arg ?? ''}`.length)) + 4;
  for (const f of RUN_FLAGS) {
    lines.push(`  ${`${f.flag} ${f.arg ?? ''}`.padEnd(width)}${f.help}`);
    const env = f.arg === undefined ? `${f.env}=1` : f.env;
    lines.push(`  ${''.padEnd(width)}env ${env}; default ${f.shownDefault ?? 'off'}`);
  }
  lines.push(
    '',
    'Set by APISIX: APISIX_LISTEN_ADDRESS (unix:/path of the socket), APISIX_CONF_EXPIRE_TIME (seconds).',
    'Errors in the command line: exit 1.',
    '',
  );
  return lines.join('\n');
}
