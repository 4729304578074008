/**
 * `runMain({ plugins })`: the whole life of a runner executable. APISIX starts it with
 * APISIX_LISTEN_ADDRESS and APISIX_CONF_EXPIRE_TIME set, copies its stdout into error.log, and on
 * shutdown sends SIGTERM then SIGKILL one second later.
 */
import type { AnyPlugin } from './plugin.js';
import { version } from './version.js';
import { runnerVersion } from './build-info.js';
import { createLogger, type Logger } from './logger.js';
import { confExpireFromEnv, startRunner, type RunnerOptions } from './server.js';
import { LIMIT_KNOBS, type Limits } from './limits.js';
import { isClusterWorker, runPrimary, runWorker } from './cluster.js';
import { describePlugins, formatPluginList } from './describe.js';
import { ArgvError, helpText, parseRunnerArgv, type Invocation, type RunFlags } from './argv.js';

export interface MainOptions {
  plugins: readonly AnyPlugin[];
  /** Arguments to parse; default process.argv. */
  argv?: readonly string[];
}

/** The command line read, or `error: …` and exit 1 (with where to find the usage). */
function invocation(argv: readonly string[]): Invocation {
  try {
    return parseRunnerArgv(argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof ArgvError)) throw err;
    process.stderr.write(`error: ${err.message}\n(a6-runner --help lists the commands and options)\n`);
    process.exit(1);
  }
}

export async function runMain(opts: MainOptions): Promise<void> {
  const inv = invocation(opts.argv ?? process.argv);
  if (inv.command === 'help') {
    process.stdout.write(helpText({ version, plugins: opts.plugins.map((p) => p.name) }));
    return;
  }
  if (inv.command === 'version') {
    process.stdout.write(`${runnerVersion(version)}\n`);
    return;
  }
  if (inv.command === 'plugins') {
    const { plugins } = opts;
    process.stdout.write(
      inv.json ? `${JSON.stringify(describePlugins(plugins), null, 2)}\n` : formatPluginList(plugins),
    );
    return;
  }
  await start(opts, inv.flags);
}

async function start(opts: MainOptions, f: RunFlags): Promise<void> {
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
}

function limitsOf(f: RunFlags): Limits {
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
