/**
 * Start a built runner the way APISIX does (apisix/plugins/ext-plugin/init.lua): its own process,
 * the command from `ext-plugin.cmd`, `APISIX_LISTEN_ADDRESS=unix:<abs path>` and
 * `APISIX_CONF_EXPIRE_TIME` in the environment, stdout and stderr read as one stream of log
 * lines; and stop it the same way: SIGTERM, then SIGKILL if it is still there after 1 s.
 *
 * Used by `npm run demo` and the end-to-end tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What APISIX gives a runner between SIGTERM and SIGKILL (init.lua's exit_worker). */
const APISIX_TERM_GRACE_MS = 1000;
/** APISIX's conf token cache time, which it passes as APISIX_CONF_EXPIRE_TIME (seconds). */
const APISIX_CONF_EXPIRE_TIME = 3600;

export interface StartOptions {
  /** Absolute socket path; APISIX uses `<prefix>/conf/apisix-<master pid>.sock`. */
  socketPath: string;
  confExpireTime?: number;
  /** Extra environment (log level etc.); APISIX passes its own environment through. */
  env?: Record<string, string>;
  /** Give up waiting for the socket after this long (default 15 s: a cold start on a slow machine). */
  readyTimeoutMs?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface StopResult extends Exit {
  /** Milliseconds from SIGTERM to exit. */
  ms: number;
  /** True when the runner outlived APISIX's grace period and had to be killed. */
  killed: boolean;
}

export interface RunnerProcess {
  readonly pid: number;
  /** `unix:/abs/path.sock`, as in APISIX_LISTEN_ADDRESS. */
  readonly address: string;
  readonly socketPath: string;
  /** Milliseconds from spawn to the first accepted connection. */
  readonly startupMs: number;
  /** Output lines so far (stdout and stderr merged, as APISIX reads them). */
  readonly output: readonly string[];
  readonly exited: Promise<Exit>;
  /** SIGTERM, wait up to APISIX's grace period, then SIGKILL. */
  stop(): Promise<StopResult>;
}

export async function startRunnerProcess(cmd: readonly string[], o: StartOptions): Promise<RunnerProcess> {
  const [file, ...args] = cmd;
  if (file === undefined) throw new Error('empty command');
  const address = `unix:${o.socketPath}`;
  const started = performance.now();
  const child = spawn(file, args, {
    env: {
      ...process.env,
      ...o.env,
      APISIX_LISTEN_ADDRESS: address,
      APISIX_CONF_EXPIRE_TIME: String(o.confExpireTime ?? APISIX_CONF_EXPIRE_TIME),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  collectLines(child, output);
  const exited = new Promise<Exit>((done) => {
    child.once('exit', (code, signal) => done({ code, signal }));
  });
  const spawnFailed = new Promise<never>((_, fail) => child.once('error', fail));
  spawnFailed.catch(() => undefined);

  let exitedEarly: Exit | undefined;
  void exited.then((e) => (exitedEarly = e));
  const deadline = started + (o.readyTimeoutMs ?? 15_000);
  for (;;) {
    if (exitedEarly) {
      throw new Error(
        `runner exited (${describeExit(exitedEarly)}) before accepting connections:\n${output.join('\n')}`,
      );
    }
    if (await accepts(o.socketPath)) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`runner did not accept connections on ${o.socketPath}:\n${output.join('\n')}`);
    }
    await Promise.race([sleep(5), spawnFailed]);
  }
  const startupMs = performance.now() - started;

  return {
    pid: child.pid!,
    address,
    socketPath: o.socketPath,
    startupMs,
    output,
    exited,
    async stop(): Promise<StopResult> {
      if (exitedEarly) return { ...exitedEarly, ms: 0, killed: false };
      const t0 = performance.now();
      child.kill('SIGTERM');
      const inTime = await Promise.race([exited, sleep(APISIX_TERM_GRACE_MS).then(() => undefined)]);
      if (inTime) return { ...inTime, ms: performance.now() - t0, killed: false };
      child.kill('SIGKILL');
      const e = await exited;
      return { ...e, ms: performance.now() - t0, killed: true };
    },
  };
}

export function describeExit(e: Exit): string {
  return e.signal ? `signal ${e.signal}` : `exit code ${e.code}`;
}

/** True once something accepts a connection on the socket. */
function accepts(path: string): Promise<boolean> {
  if (!existsSync(path)) return Promise.resolve(false);
  return new Promise((done) => {
    const s = connect(path);
    s.once('connect', () => {
      s.destroy();
      done(true);
    });
    s.once('error', () => done(false));
  });
}

function collectLines(child: ChildProcess, into: string[]): void {
  let partial = '';
  const onData = (d: Buffer): void => {
    const lines = (partial + d.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    into.push(...lines);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  child.once('close', () => {
    if (partial) into.push(partial);
    partial = '';
  });
}
