/**
 * Multi-process mode (node:cluster). Workers share the listening socket and accept directly
 * (SCHED_NONE: the kernel spreads connections, the primary is not on the data path).
 *
 * The primary is the source of truth for conf tokens. A worker validates a conf itself, registers
 * it with the primary and answers PrepareConf only once the primary has acknowledged, so the
 * token is valid everywhere before APISIX can use it. A worker meeting an unknown token asks the
 * primary before answering CONF_TOKEN_NOT_FOUND (APISIX prepares on one pooled connection and
 * calls on another, which may well belong to another worker). Uses are reported in batches so
 * the primary renews entries too.
 */
import cluster, { type Worker } from 'node:cluster';
import { existsSync } from 'node:fs';
import type { AnyPlugin } from './plugin.js';
import { ConfRejected, releaseChain, type Chain, type ConfEntry } from './chain.js';
import { ConfStore, tokenTtlMs, type Confs, type StoredConf } from './conf-store.js';
import { createLogger, type Logger } from './logger.js';
import { withDefaults, type ConfLimits } from './limits.js';
import { reserveSocketPath, type SocketFile } from './socket-file.js';
import {
  DEFAULTS,
  loadMetrics,
  resolveAddress,
  startRunner,
  type RunnerOptions,
  type RunningRunner,
} from './server.js';
import { parseMetricsAddress, serveMetrics, type MetricsServer } from './metrics-server.js';
import type { Registry } from 'prom-client';

type ToPrimary =
  | { a6: 'register'; id: number; key: string; entries: ConfEntry[] }
  | { a6: 'fetch'; id: number; token: number }
  | { a6: 'used'; tokens: number[] }
  | { a6: 'scraped'; scrape: number; metrics: unknown[] };
type ToWorker =
  | { a6: 'registered'; id: number; token: number }
  | { a6: 'fetched'; id: number; conf: StoredConf | null }
  | { a6: 'shutdown' }
  | { a6: 'scrape'; scrape: number };

/** A worker that does not send its metrics in this time is left out of that scrape. */
const SCRAPE_TIMEOUT_MS = 2000;

const PRIMARY_TIMEOUT_MS = 5000;

const NO_CHAIN = { key: '', links: [] };

export const isClusterWorker = (): boolean => cluster.isWorker && process.env.A6KIT_CLUSTER_WORKER === '1';

/** Runs the primary: owns the socket file and the token table, keeps `workers` workers alive. */
export async function runPrimary(
  opts: RunnerOptions & { workers: number; log: Logger },
): Promise<{ close(): Promise<void> }> {
  const { log } = opts;
  const path = resolveAddress(opts.address);
  const confExpireSeconds = opts.confExpireSeconds ?? DEFAULTS.confExpireSeconds;
  const ttlMs = tokenTtlMs(confExpireSeconds);
  // The source of truth is bounded like a single runner's store: a token it evicts is answered
  // CONF_TOKEN_NOT_FOUND by every worker, and APISIX prepares it again.
  const store = new ConfStore(ttlMs, Date.now, withDefaults(opts.limits));
  // Workers bind in a private directory; the socket is published at `path` once all listen.
  const pending = await reserveSocketPath(path, { reusable: true });
  const mode = opts.socketMode ?? DEFAULTS.socketMode;

  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ silent: false });
  let stopping = false;
  let file: SocketFile | undefined;

  const onMessage = (w: Worker, m: ToPrimary): void => {
    if (!m || typeof m !== 'object' || !('a6' in m)) return;
    const send = (msg: ToWorker) => {
      if (w.isConnected()) w.send(msg);
    };
    switch (m.a6) {
      case 'register': {
        const token = store.reuse(m.key, m.entries) ?? store.put(m.key, m.entries, NO_CHAIN);
        send({ a6: 'registered', id: m.id, token });
        break;
      }
      case 'fetch':
        send({ a6: 'fetched', id: m.id, conf: store.getStored(m.token) ?? null });
        break;
      case 'used':
        for (const t of m.tokens) store.touch(t);
        break;
      case 'scraped':
        scrapes.get(m.scrape)?.(m.metrics);
        break;
    }
  };

  // Metrics: the primary's own (process, token table) plus every worker's, summed by prom-client's
  // cluster aggregation over this IPC channel (a worker's cache of tokens is not reported).
  const scrapes = new Map<number, (metrics: unknown[]) => void>();
  let nextScrape = 1;
  const scrapeWorker = (w: Worker): Promise<unknown[]> =>
    new Promise((resolve) => {
      const id = nextScrape++;
      const timer = setTimeout(() => {
        scrapes.delete(id);
        resolve([]);
      }, SCRAPE_TIMEOUT_MS);
      scrapes.set(id, (metrics) => {
        clearTimeout(timer);
        scrapes.delete(id);
        resolve(metrics);
      });
      if (w.isConnected()) w.send({ a6: 'scrape', scrape: id } satisfies ToWorker);
    });
  let metricsServer: MetricsServer | undefined;
  if (opts.metrics !== undefined) {
    const where = parseMetricsAddress(opts.metrics);
    const lib = await loadMetrics();
    const own = lib.processRegistry();
    lib.watchConfStore(own, store);
    const { AggregatorRegistry } = await import('prom-client');
    metricsServer = await serveMetrics(
      where,
      async () => {
        const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w?.isConnected() === true);
        const all = await Promise.all([own.getMetricsAsJSON(), ...workers.map(scrapeWorker)]);
        const sum = AggregatorRegistry.aggregate(all);
        return { contentType: sum.contentType, body: await sum.metrics() };
      },
      (err) => log.error({ err }, 'metrics endpoint failed'),
    );
  }

  // Ready once every initial worker accepts: before that, the kernel would hand all connections
  // to the first one.
  let waitingFor = opts.workers;
  let listening!: () => void;
  const allListening = new Promise<void>((r) => (listening = r));
  const fork = () => {
    const w = cluster.fork({
      A6KIT_CLUSTER_WORKER: '1',
      APISIX_LISTEN_ADDRESS: `unix:${pending.bindPath}`,
      APISIX_CONF_EXPIRE_TIME: String(confExpireSeconds),
    });
    w.on('message', (m: ToPrimary) => onMessage(w, m));
    w.once('listening', () => {
      if (--waitingFor === 0) listening();
      // When every worker had died, the shared socket was closed and this one bound anew.
      else if (waitingFor < 0 && !stopping && existsSync(pending.bindPath))
        void pending.publish(mode).then(
          (f) => (file = f),
          (err: unknown) => log.error({ err }, 'could not publish the socket again'),
        );
    });
    w.once('exit', (code, signal) => {
      if (stopping) return;
      log.error({ worker: w.process.pid, code, signal }, 'worker exited; starting another');
      // Not unref'd: with every worker dead, this timer is all that keeps the primary alive.
      setTimeout(() => stopping || fork(), 200);
    });
  };
  for (let i = 0; i < opts.workers; i++) fork();
  await allListening;
  file = await pending.publish(mode);
  log.info(
    {
      address: `unix:${path}`,
      workers: opts.workers,
      tokenTtlS: ttlMs / 1000,
      ...(metricsServer && { metrics: metricsServer.address }),
    },
    'runner listening (multi-process)',
  );

  let closing: Promise<void> | undefined;
  return {
    close: () =>
      (closing ??= (async () => {
        stopping = true;
        const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
        const exited = Promise.all(
          workers.map((w) => new Promise<void>((r) => (w.isDead() ? r() : w.once('exit', () => r())))),
        );
        for (const w of workers) if (w.isConnected()) w.send({ a6: 'shutdown' } satisfies ToWorker);
        let t: NodeJS.Timeout | undefined;
        await Promise.race([
          exited,
          new Promise<void>((r) => (t = setTimeout(r, (opts.shutdownGraceMs ?? DEFAULTS.shutdownGraceMs) + 150))),
        ]);
        clearTimeout(t);
        for (const w of workers) if (!w.isDead()) w.process.kill('SIGKILL');
        await file?.release();
        await pending.abandon();
        await metricsServer?.close();
        store.close();
      })()),
  };
}

/** Worker side of the token protocol: messages to and from the primary. */
class PrimaryLink {
  private nextId = 1;
  private readonly pending = new Map<number, (m: ToWorker) => void>();
  private readonly usedTokens = new Set<number>();

  constructor(flushEveryMs: number) {
    process.on('message', (m: ToWorker) => {
      if (!m || typeof m !== 'object' || !('id' in m)) return;
      const done = this.pending.get(m.id);
      if (done) {
        this.pending.delete(m.id);
        done(m);
      }
    });
    setInterval(() => this.flush(), flushEveryMs).unref();
  }

  /** A primary that does not answer in time fails the call (SERVICE_UNAVAILABLE), not the connection. */
  private ask(msg: ToPrimary & { id: number }): Promise<ToWorker> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(msg.id);
        reject(new Error('the primary process did not answer in time'));
      }, PRIMARY_TIMEOUT_MS);
      this.pending.set(msg.id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      process.send!(msg, undefined, undefined, (err) => {
        if (err) {
          clearTimeout(timer);
          this.pending.delete(msg.id);
          reject(err);
        }
      });
    });
  }

  async register(key: string, entries: readonly ConfEntry[]): Promise<number> {
    const m = await this.ask({ a6: 'register', id: this.nextId++, key, entries: [...entries] });
    if (m.a6 !== 'registered') throw new Error('unexpected answer from the primary');
    return m.token;
  }

  /** One question per unknown token, however many calls carry it at once. */
  private readonly fetching = new Map<number, Promise<StoredConf | undefined>>();

  fetch(token: number): Promise<StoredConf | undefined> {
    let p = this.fetching.get(token);
    if (p === undefined) {
      p = this.ask({ a6: 'fetch', id: this.nextId++, token }).then(
        (m) => {
          this.fetching.delete(token);
          if (m.a6 !== 'fetched') throw new Error('unexpected answer from the primary');
          return m.conf ?? undefined;
        },
        (err: unknown) => {
          this.fetching.delete(token);
          throw err;
        },
      );
      this.fetching.set(token, p);
    }
    return p;
  }

  used(token: number): void {
    this.usedTokens.add(token);
  }

  private flush(): void {
    if (this.usedTokens.size === 0 || !process.connected) return;
    process.send!({ a6: 'used', tokens: [...this.usedTokens] } satisfies ToPrimary);
    this.usedTokens.clear();
  }
}

/**
 * A worker's conf tokens: a bounded local cache in front of the primary. Tokens in the cache are
 * served synchronously (the hot path); a token it lacks is fetched from the primary (the slow path),
 * which is how a call finds a conf prepared on another worker or evicted from this cache.
 */
class ClusterConfs implements Confs {
  readonly hasSlowPath = true;

  constructor(
    private readonly link: PrimaryLink,
    private readonly cache: ConfStore,
    private readonly log: Logger,
  ) {}

  get(token: number): Chain | undefined {
    const chain = this.cache.get(token);
    if (chain !== undefined) this.link.used(token);
    return chain;
  }

  async find(token: number, build: (key: string, entries: readonly ConfEntry[]) => Chain): Promise<Chain | undefined> {
    const stored = await this.link.fetch(token);
    if (stored === undefined) return undefined;
    const known = this.cache.get(token); // another call for the same token got here first
    if (known !== undefined) return known;
    try {
      const chain = build(stored.key, stored.entries);
      this.cache.put(stored.key, stored.entries, chain, token);
      return chain;
    } catch (err) {
      // Another worker accepted this conf, so this only happens with non-deterministic parsers.
      this.log.error(
        { key: stored.key, err: err instanceof ConfRejected ? err.message : String(err) },
        'conf refused on this worker',
      );
      return undefined;
    }
  }

  /** Validates here first (a refused conf never reaches the primary), then registers with the primary. */
  async prepare(key: string, entries: readonly ConfEntry[], build: () => Chain): Promise<number> {
    const chain = build();
    let token: number;
    try {
      token = await this.link.register(key, entries);
    } catch (err) {
      releaseChain(chain); // never stored, so never released by the cache
      throw err;
    }
    this.cache.put(key, entries, chain, token);
    return token;
  }

  close(): void {
    this.cache.close();
  }
}

/** Runs one worker: a normal runner whose tokens come from the primary. */
export async function runWorker(opts: RunnerOptions & { plugins: readonly AnyPlugin[] }): Promise<RunningRunner> {
  const ttlMs = tokenTtlMs(opts.confExpireSeconds ?? DEFAULTS.confExpireSeconds);
  const link = new PrimaryLink(Math.min(Math.max(ttlMs / 4, 50), 5000));
  const log = opts.logger ?? createLogger(opts.logLevel ?? 'info');
  // With metrics on, the primary serves them: this worker only answers its scrapes.
  let metricsRegistry: Registry | undefined;
  if (opts.metrics !== undefined) {
    const registry = (metricsRegistry = (await loadMetrics()).processRegistry());
    process.on('message', (m: ToWorker) => {
      if (m && typeof m === 'object' && m.a6 === 'scrape') {
        registry.getMetricsAsJSON().then(
          (metrics) =>
            process.connected && process.send!({ a6: 'scraped', scrape: m.scrape, metrics } satisfies ToPrimary),
          (err: unknown) => log.error({ err }, 'metrics collection failed'),
        );
      }
    });
  }
  const runner = await startRunner(
    { ...opts, logger: log },
    {
      confs: (ttl, limits: ConfLimits) => new ClusterConfs(link, new ConfStore(ttl, Date.now, limits), log),
      workerOfCluster: true,
      metricsRegistry,
    },
  );
  const stop = () => {
    void runner.close().then(() => process.exit(0));
  };
  process.on('message', (m: ToWorker) => {
    if (m && typeof m === 'object' && m.a6 === 'shutdown') stop();
  });
  // A Ctrl-C reaches the whole process group: the primary coordinates that shutdown, so a
  // worker must not die mid-call on its own. A SIGTERM aimed at a worker drains it like the
  // primary's request does.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  return runner;
}
