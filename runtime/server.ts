/**
 * The runner in one process: listens on the unix socket, hands each connection to a Connection,
 * and closes gracefully (stop accepting, finish calls in flight, remove the socket).
 */
import { createServer, type Server } from 'node:net';
import type { Duplex } from 'node:stream';
import type { AnyPlugin } from './plugin.js';
import { makeRegistry } from './chain.js';
import { ConfStore } from './conf-store.js';
import { Connection } from './connection.js';
import { Engine, type RemoteConf } from './engine.js';
import { createLogger, type Logger } from './logger.js';
import { socketPath } from './address.js';
import { listenOn, listenUnix, type SocketFile } from './socket-file.js';

export interface RunnerOptions {
  /** `unix:/abs/path.sock`; default `APISIX_LISTEN_ADDRESS`. */
  address?: string;
  /** APISIX's token cache time in seconds; entries live 1.2 times that. Default `APISIX_CONF_EXPIRE_TIME` or 3600. */
  confExpireSeconds?: number;
  /** File mode of the socket. Default 0o766. */
  socketMode?: number;
  /** How long a call's plugins may take before SERVICE_UNAVAILABLE is sent. Default 50 000 ms (APISIX waits 60 s). */
  callTimeoutMs?: number;
  /** Leave out conf entries naming an unknown plugin or an invalid config instead of refusing the route. */
  skipInvalidConf?: boolean;
  /** How long close() lets calls in flight finish. Default 700 ms (APISIX kills the runner 1 s after SIGTERM). */
  shutdownGraceMs?: number;
  /** Log level when no logger is given. Default `info`. */
  logLevel?: string;
  logger?: Logger;
}

export interface RunningRunner {
  /** `unix:/abs/path.sock` */
  readonly address: string;
  /** Open gateway connections (for leak checks and monitoring). */
  readonly connections: number;
  close(): Promise<void>;
}

/** Internal extras used by cluster workers. */
export interface RunnerInternals {
  remote?: RemoteConf;
  /** The primary owns the socket file: workers neither prepare nor remove it. */
  workerOfCluster?: boolean;
}

export const DEFAULTS = {
  confExpireSeconds: 3600,
  socketMode: 0o766,
  callTimeoutMs: 50_000,
  shutdownGraceMs: 700,
} as const;

export function confExpireFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.APISIX_CONF_EXPIRE_TIME;
  if (raw === undefined || raw === '') return DEFAULTS.confExpireSeconds;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`invalid APISIX_CONF_EXPIRE_TIME "${raw}": expected a positive number of seconds`);
  return n;
}

export function resolveAddress(address: string | undefined): string {
  const a = address ?? process.env.APISIX_LISTEN_ADDRESS;
  if (a === undefined || a === '') throw new Error('no listen address: set APISIX_LISTEN_ADDRESS=unix:/path/to/runner.sock');
  return socketPath(a);
}

/** Everything a runner needs except a listening socket. */
export interface RunnerCore {
  readonly engine: Engine;
  /** Serves one gateway connection (a socket, or one end of a memory pipe). */
  serve(conn: Duplex): void;
  readonly connections: number;
  /** Closes every connection, letting calls in flight finish for up to `graceMs`. */
  drain(graceMs: number): Promise<void>;
}

export function createRunnerCore(
  opts: RunnerOptions & { plugins: readonly AnyPlugin[] },
  log: Logger,
  internals: RunnerInternals = {},
): RunnerCore {
  const expire = opts.confExpireSeconds ?? confExpireFromEnv();
  const store = new ConfStore(expire * 1200);
  const engine = new Engine(makeRegistry(opts.plugins), store, log, {
    callTimeoutMs: opts.callTimeoutMs ?? DEFAULTS.callTimeoutMs,
    skipInvalidConf: opts.skipInvalidConf ?? false,
  });
  engine.remote = internals.remote;
  const conns = new Set<Connection>();
  let whenEmpty: (() => void) | undefined;
  return {
    engine,
    serve(sock) {
      conns.add(
        new Connection(sock, engine, (c) => {
          conns.delete(c);
          if (conns.size === 0) whenEmpty?.();
        }),
      );
    },
    get connections() {
      return conns.size;
    },
    async drain(graceMs) {
      if (conns.size > 0) {
        const emptied = new Promise<void>((r) => (whenEmpty = r));
        for (const c of conns) c.drain();
        let t: NodeJS.Timeout | undefined;
        await Promise.race([emptied, new Promise<void>((r) => (t = setTimeout(r, graceMs)))]);
        clearTimeout(t);
        for (const c of conns) c.destroy();
      }
      store.close();
    },
  };
}

export async function startRunner(
  opts: RunnerOptions & { plugins: readonly AnyPlugin[] },
  internals: RunnerInternals = {},
): Promise<RunningRunner> {
  const log = opts.logger ?? createLogger(opts.logLevel ?? 'info');
  const path = resolveAddress(opts.address);
  const core = createRunnerCore(opts, log, internals);
  const server: Server = createServer((sock) => core.serve(sock));
  server.on('error', (err) => log.error({ err }, 'server error'));

  // A deep backlog: a gateway with many workers may open hundreds of connections at once, and
  // a full unix-socket backlog fails the connect (EAGAIN) instead of retrying like TCP.
  const backlog = 4096;
  const mode = opts.socketMode ?? DEFAULTS.socketMode;
  // The primary owns the file of a cluster; a standalone runner creates it with its mode and
  // takes the path over from a runner still draining there (APISIX reload): socket-file.ts.
  let file: SocketFile | undefined;
  if (internals.workerOfCluster) await listenOn(server, path, backlog);
  else file = await listenUnix(server, path, { mode, backlog });
  if (file) {
    const tokenTtlS = (opts.confExpireSeconds ?? confExpireFromEnv()) * 1.2;
    log.info(
      { address: `unix:${path}`, mode: mode.toString(8), plugins: opts.plugins.map((p) => p.name), tokenTtlS, ...(file.replaced && { replacedSocket: true }) },
      'runner listening',
    );
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      server.close();
      await file?.release();
      await core.drain(opts.shutdownGraceMs ?? DEFAULTS.shutdownGraceMs);
    })());

  return {
    address: `unix:${path}`,
    get connections() {
      return core.connections;
    },
    close,
  };
}
