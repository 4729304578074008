/**
 * `runMain({ plugins })`: the whole life of a runner executable. APISIX starts it with
 * APISIX_LISTEN_ADDRESS and APISIX_CONF_EXPIRE_TIME set, copies its stdout into error.log, and on
 * shutdown sends SIGTERM then SIGKILL one second later.
 */
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { AnyPlugin } from './plugin.js';
import { version } from './version.js';
import { runnerVersion } from './build-info.js';
import { createLogger, LOG_LEVELS, type Logger } from './logger.js';
import { parseMode } from './address.js';
import { confExpireFromEnv, DEFAULTS, startRunner, type RunnerOptions } from './server.js';
import { DEFAULT_LIMITS, LIMIT_KNOBS, type Limits } from './limits.js';
import { isClusterWorker, runPrimary, runWorker } from './cluster.js';
import { describePlugins, formatPluginList } from './describe.js';
import { parseMetricsAddress } from './metrics-server.js';

export interface MainOptions {
  plugins: readonly AnyPlugin[];
  /** Arguments to parse; default process.argv. */
  argv?: readonly string[];
}

/** Default process count: one. Multi-process did not pay off on the machines measured (docs/runner.md). */
const DEFAULT_WORKERS = 1;

interface Flags extends Limits {
  logLevel: string;
  socketMode: number;
  workers: number;
  callTimeout: number;
  skipInvalidConf: boolean;
  metrics?: string;
}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  k: 1 << 10,
  kib: 1 << 10,
  m: 1 << 20,
  mib: 1 << 20,
  g: 1 << 30,
  gib: 1 << 30,
};

/** A byte count: an integer, optionally with a binary unit (64MiB, 512k, 1g). */
function bytesArg(what: string) {
  return (v: string): number => {
    const m = /^(\d+)\s*([a-z]*)$/i.exec(v.trim());
    const unit = m ? BYTE_UNITS[m[2]!.toLowerCase()] : undefined;
    const n = m && unit !== undefined ? Number(m[1]) * unit : NaN;
    if (!Number.isSafeInteger(n) || n <= 0)
      throw new InvalidArgumentError(`${what} must be a positive number of bytes (e.g. 67108864, 64MiB, 512k)`);
    return n;
  };
}

function formatDefault(unit: 'count' | 'bytes' | 'ms', n: number): string {
  if (unit === 'bytes' && n % (1 << 20) === 0) return `${n / (1 << 20)}MiB`;
  return String(n);
}

function positiveInt(what: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${what} must be a positive integer`);
    return n;
  };
}

function workersArg(v: string): number {
  if (v === 'auto') return availableParallelism();
  return positiveInt('--workers')(v);
}

function metricsArg(v: string): string {
  try {
    parseMetricsAddress(v);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
  return v;
}

function modeArg(v: string): number {
  try {
    return parseMode(v);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function program(plugins: readonly AnyPlugin[], start: (f: Flags) => Promise<void>): Command {
  const p = new Command('a6-runner')
    .description(
      `APISIX external plugin runner (a6kit ${version}); plugins: ${plugins.map((x) => x.name).join(', ') || '(none)'}`,
    )
    .version(runnerVersion(version))
    .showHelpAfterError();
  const run = (cmd: Command): Command => {
    cmd
      .addOption(
        new Option('--log-level <level>', 'log level').choices(LOG_LEVELS).env('A6KIT_LOG_LEVEL').default('info'),
      )
      .addOption(
        new Option('--socket-mode <octal>', 'file mode of the unix socket')
          .env('A6KIT_SOCKET_MODE')
          .argParser(modeArg)
          .default(DEFAULTS.socketMode, '0766'),
      )
      .addOption(
        new Option('--workers <n|auto>', 'processes serving the socket (auto = one per core)')
          .env('A6KIT_WORKERS')
          .argParser(workersArg)
          .default(DEFAULT_WORKERS),
      )
      .addOption(
        new Option('--call-timeout <ms>', 'deadline of one call through the plugins')
          .env('A6KIT_CALL_TIMEOUT_MS')
          .argParser(positiveInt('--call-timeout'))
          .default(DEFAULTS.callTimeoutMs),
      )
      .addOption(
        new Option(
          '--skip-invalid-conf',
          'skip conf entries with an unknown plugin or an invalid config instead of failing the route',
        )
          .env('A6KIT_SKIP_INVALID_CONF')
          .default(false),
      )
      .addOption(
        new Option(
          '--metrics <address>',
          'serve Prometheus metrics at /metrics on host:port or unix:/path (default: off)',
        )
          .env('A6KIT_METRICS')
          .argParser(metricsArg),
      );
    // Limits (docs/runner.md, "Limits and threat model").
    for (const k of LIMIT_KNOBS) {
      const arg = k.unit === 'bytes' ? `<bytes>` : k.unit === 'ms' ? '<ms>' : '<n>';
      // Stored under the limit's own name (`--frame-timeout` sets `frameTimeoutMs`).
      const o = new Option(`${k.flag} ${arg}`, k.help)
        .env(k.env)
        .argParser(k.unit === 'bytes' ? bytesArg(k.flag) : positiveInt(k.flag))
        .default(DEFAULT_LIMITS[k.key], formatDefault(k.unit, DEFAULT_LIMITS[k.key]));
      o.attributeName = () => k.key;
      cmd.addOption(o);
    }
    return cmd.action(async (flags: Flags) => start(flags));
  };
  run(p.command('run', { isDefault: true }).description('serve APISIX on APISIX_LISTEN_ADDRESS until SIGTERM'));
  p.command('plugins')
    .description('list the plugins with the phases they act in (--json: also their JSON Schemas) and exit')
    .option('--json', 'print [{ name, phases, schema }] as JSON')
    .action((f: { json?: boolean }) => {
      process.stdout.write(
        f.json ? `${JSON.stringify(describePlugins(plugins), null, 2)}\n` : formatPluginList(plugins),
      );
    });
  return p;
}

export async function runMain(opts: MainOptions): Promise<void> {
  const argv = opts.argv ?? process.argv;
  const start = async (f: Flags): Promise<void> => {
    let log: Logger;
    try {
      log = createLogger(f.logLevel);
    } catch (err) {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(2);
    }
    guardProcess(log);
    try {
      // Inside the try: a bad APISIX_CONF_EXPIRE_TIME must end the process with a fatal line and
      // exit 1, not become an unhandled rejection after which the process quietly exits 0.
      const ro: RunnerOptions = {
        confExpireSeconds: confExpireFromEnv(),
        socketMode: f.socketMode,
        callTimeoutMs: f.callTimeout,
        skipInvalidConf: Boolean(f.skipInvalidConf),
        limits: limitsOf(f),
        logger: log,
        metrics: f.metrics,
      };
      if (isClusterWorker()) {
        await runWorker({ ...ro, plugins: opts.plugins });
        return;
      }
      // Handlers go in before listening: APISIX may send SIGTERM at any moment, also while the
      // runner is still starting, and the default action would leave the socket file behind.
      let running: Promise<{ close(): Promise<void> }> | undefined;
      onSignals(log, async () => {
        await (await running)?.close();
      });
      running =
        f.workers > 1 ? runPrimary({ ...ro, workers: f.workers, log }) : startRunner({ ...ro, plugins: opts.plugins });
      await running;
    } catch (err) {
      log.fatal({ err: (err as Error).message }, 'runner failed to start');
      process.exit(1);
    }
  };
  await program(opts.plugins, start).parseAsync([...argv]);
}

function limitsOf(f: Flags): Limits {
  const out: Partial<Record<keyof Limits, number>> = {};
  for (const k of LIMIT_KNOBS) out[k.key] = f[k.key];
  return out as Limits;
}

/** SIGTERM/SIGINT: stop accepting, finish calls in flight, remove the socket, exit 0 within 1 s. */
function onSignals(log: Logger, close: () => Promise<void>): void {
  let done = false;
  const stop = (sig: string) => {
    if (done) return;
    done = true;
    log.info({ signal: sig }, 'shutting down');
    // APISIX sends SIGKILL after 1 s: never get close to it, whatever close() waits for.
    setTimeout(() => process.exit(0), 950).unref();
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'error while shutting down');
        process.exit(0);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** A plugin's stray promise or callback must not take the whole runner down. */
function guardProcess(log: Logger): void {
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason instanceof Error ? reason : String(reason) }, 'unhandled rejection (ignored)');
  });
  process.on('uncaughtException', (err) => {
    log.error({ err }, 'uncaught exception (ignored)');
  });
}
