/**
 * The runner in one process: listens on the unix socket, hands each connection to a Connection
 * (transport.ts) within the connection limits, sweeps deadlines, and closes gracefully (stop
 * accepting, answer what arrives during the grace period, remove the socket).
 */
import { createServer, type Server } from 'node:net';
import { shareReads } from './shared-reads.js';
import type { Duplex } from 'node:stream';
import type { AnyPlugin } from './plugin.js';
import { makeRegistry } from './chain.js';
import { ConfStore, LocalConfs, tokenTtlMs, type Confs } from './conf-store.js';
import { Connection, FrameSpares, InputBudget, OutputBudget, SPARES_MAX, type ConnectionEnv } from './transport.js';
import { Engine } from './engine.js';
import { ReadPressure } from './read-pressure.js';
import { createLogger, ThrottledLog, type Logger } from './logger.js';
import { withDefaults, type Limits } from './limits.js';
import { socketPath } from './address.js';
import { listenOn, listenUnix, type SocketFile } from './socket-file.js';
import type { Registry } from 'prom-client';
import type { RunnerMetrics } from './metrics.js';
import { parseMetricsAddress, serveMetrics, type MetricsServer } from './metrics-server.js';

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
  /** What a connection and the conf store may cost (limits.ts); unset ones keep their defaults. */
  limits?: Partial<Limits>;
  /** Log level when no logger is given. Default `info`. */
  logLevel?: string;
  logger?: Logger;
  /** Serve Prometheus metrics at `/metrics` on `host:port` or `unix:/path` (docs/runner.md, "Metrics"). Default: off. */
  metrics?: string;
}

export interface RunningRunner {
  /** `unix:/abs/path.sock` */
  readonly address: string;
  /** Open gateway connections (for leak checks and monitoring). */
  readonly connections: number;
  /** Where `/metrics` is served (`host:port` with the port bound, or `unix:/path`); undefined when off. */
  readonly metricsAddress?: string;
  close(): Promise<void>;
}

/** Internal extras used by cluster workers. */
export interface RunnerInternals {
  /** Conf tokens from elsewhere (the cluster primary); default: a local store. */
  confs?: (ttlMs: number, limits: Limits) => Confs;
  /** The primary owns the socket file: workers neither prepare nor remove it. */
  workerOfCluster?: boolean;
  /** A cluster worker's metrics registry (the primary serves the sum over workers). */
  metricsRegistry?: Registry;
}

type MetricsLib = typeof import('./metrics.js');

/** metrics.ts and prom-client are loaded only when metrics are on. */
export function loadMetrics(): Promise<MetricsLib> {
  return import('./metrics.js');
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
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`invalid APISIX_CONF_EXPIRE_TIME "${raw}": expected a positive number of seconds`);
  return n;
}

export function resolveAddress(address: string | undefined): string {
  const a = address ?? process.env.APISIX_LISTEN_ADDRESS;
  if (a === undefined || a === '')
    throw new Error('no listen address: set APISIX_LISTEN_ADDRESS=unix:/path/to/runner.sock');
  return socketPath(a);
}

/** Everything a runner needs except a listening socket. */
export interface RunnerCore {
  readonly engine: Engine;
  readonly limits: Limits;
  /** Logs a connection refused for the connection cap (throttled). */
  refused(open: number): void;
  /** Serves one gateway connection (a socket, or one end of a memory pipe). */
  serve(conn: Duplex): void;
  readonly connections: number;
  /** Undefined when metrics are off. */
  readonly metrics: RunnerMetrics | undefined;
  /** Closes every connection, answering what arrives for up to `graceMs`. */
  drain(graceMs: number): Promise<void>;
}

export function createRunnerCore(
  opts: RunnerOptions & { plugins: readonly AnyPlugin[] },
  log: Logger,
  internals: RunnerInternals = {},
  /** Given (loaded) only when metrics are on. */
  metricsLib?: MetricsLib,
): RunnerCore {
  const limits = withDefaults(opts.limits);
  const ttlMs = tokenTtlMs(opts.confExpireSeconds ?? confExpireFromEnv());
  const confs = internals.confs?.(ttlMs, limits) ?? new LocalConfs(new ConfStore(ttlMs, Date.now, limits));
  const registry = makeRegistry(opts.plugins);
  const conns = new Set<Connection>();
  const metrics =
    metricsLib && new metricsLib.RunnerMetrics(registry, { connections: () => conns.size }, internals.metricsRegistry);
  // A cluster worker's store is only a cache: the primary reports the token table.
  if (metrics && confs instanceof LocalConfs) metricsLib.watchConfStore(metrics.registry, confs.store);
  const engine = new Engine(
    registry,
    confs,
    log,
    { callTimeoutMs: opts.callTimeoutMs ?? DEFAULTS.callTimeoutMs, skipInvalidConf: opts.skipInvalidConf ?? false },
    metrics,
  );
  let whenEmpty: (() => void) | undefined;
  const clock = { now: Date.now() };
  const env: ConnectionEnv = {
    engine,
    limits,
    input: new InputBudget(limits.maxBufferedBytes),
    output: new OutputBudget(limits.maxOutputBytes),
    spares: new FrameSpares(SPARES_MAX),
    clock,
    reads: new ReadPressure(),
    logs: {
      refused: new ThrottledLog(log, 'warn', 'over a memory limit: refused'),
      closed: new ThrottledLog(log, 'info', 'connection closed by the runner'),
    },
    onClose(c) {
      conns.delete(c);
      if (conns.size === 0) whenEmpty?.();
    },
  };
  const tooMany = new ThrottledLog(log, 'warn', 'too many connections: closing the new one');
  // Deadlines are checked by one sweep rather than a timer per frame: the hot path only stores
  // the coarse time, and precision of a quarter of the shortest limit is plenty.
  const sweepMs = Math.min(Math.max(Math.min(limits.frameTimeoutMs, limits.idleTimeoutMs) / 4, 20), 1000);
  const sweeper = setInterval(() => {
    const now = (clock.now = Date.now());
    for (const c of conns) c.check(now);
  }, sweepMs);
  sweeper.unref();
  return {
    engine,
    limits,
    metrics,
    refused(open) {
      metrics?.connectionRefused();
      tooMany.write({ open, limit: limits.maxConnections });
    },
    serve(sock) {
      if (conns.size >= limits.maxConnections) {
        metrics?.connectionRefused();
        tooMany.write({ open: conns.size, limit: limits.maxConnections });
        sock.on('error', () => {});
        sock.destroy();
        return;
      }
      conns.add(new Connection(sock, env));
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
      clearInterval(sweeper);
      confs.close();
    },
  };
}

export async function startRunner(
  opts: RunnerOptions & { plugins: readonly AnyPlugin[] },
  internals: RunnerInternals = {},
): Promise<RunningRunner> {
  const log = opts.logger ?? createLogger(opts.logLevel ?? 'info');
  const path = resolveAddress(opts.address);
  const metricsAt = opts.metrics === undefined ? undefined : parseMetricsAddress(opts.metrics);
  const core = createRunnerCore(
    opts,
    log,
    internals,
    metricsAt || internals.metricsRegistry ? await loadMetrics() : undefined,
  );
  // Before the gateway socket: a metrics address that cannot be bound fails the start cleanly.
  const registry = core.metrics?.registry;
  let metricsServer: MetricsServer | undefined;
  if (metricsAt && registry && !internals.workerOfCluster) {
    metricsServer = await serveMetrics(
      metricsAt,
      async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
      (err) => log.error({ err }, 'metrics endpoint failed'),
    );
  }
  const server: Server = createServer((sock) => core.serve(sock));
  server.on('error', (err) => log.error({ err }, 'server error'));
  // Over the cap, net.Server closes the new connection before any JS object is made for it.
  server.maxConnections = core.limits.maxConnections;
  server.on('drop', () => core.refused(core.connections));

  // A deep backlog: a gateway with many workers may open hundreds of connections at once, and
  // a full unix-socket backlog fails the connect (EAGAIN) instead of retrying like TCP.
  const backlog = 4096;
  const mode = opts.socketMode ?? DEFAULTS.socketMode;
  // The primary owns the file of a cluster; a standalone runner creates it with its mode and
  // takes the path over from a runner still draining there (APISIX reload): socket-file.ts.
  let file: SocketFile | undefined;
  try {
    if (internals.workerOfCluster) await listenOn(server, path, backlog);
    else file = await listenUnix(server, path, { mode, backlog });
  } catch (err) {
    await metricsServer?.close();
    throw err;
  }
  // In a cluster worker too: node:cluster hands the worker each accepted connection through the
  // same listening handle's onconnection.
  const sharedReads = shareReads(server);
  if (file) {
    const tokenTtlS = tokenTtlMs(opts.confExpireSeconds ?? confExpireFromEnv()) / 1000;
    log.info(
      {
        address: `unix:${path}`,
        mode: mode.toString(8),
        plugins: opts.plugins.map((p) => p.name),
        tokenTtlS,
        sharedReads,
        ...(file.replaced && { replacedSocket: true }),
        ...(metricsServer && { metrics: metricsServer.address }),
      },
      'runner listening',
    );
  } else log.info({ sharedReads }, 'worker listening');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      server.close();
      await file?.release();
      await core.drain(opts.shutdownGraceMs ?? DEFAULTS.shutdownGraceMs);
      await metricsServer?.close();
    })());

  return {
    address: `unix:${path}`,
    metricsAddress: metricsServer?.address,
    get connections() {
      return core.connections;
    },
    close,
  };
}
