/**
 * `limit-count`: at most `count` requests per `time_window` seconds for each key, with APISIX's
 * own limit-count config and results. `policy: local` counts in this process (each runner process
 * and gateway node has its own counters); `policy: redis` / `redis-cluster` counts in Redis, so
 * every node shares one counter per route and key — the pattern for state across gateway nodes
 * (docs/plugins.md).
 *
 * Counters are namespaced by APISIX's conf key (route or service id, conf version, phase) and the
 * config text: two routes never share a counter, the same route on every node does, and a changed
 * config starts new counters as in APISIX.
 */
import { createHash } from 'node:crypto';
import { definePlugin, type ConfContext, type PluginRequest, type PluginResponseWriter } from 'a6kit';
import { parseConf as parseGenerated, schema, type Config } from './config.gen.js';
import type { Counter, Tally } from './counter.js';
import { keyReader, type KeyReader } from './key.js';
import { LocalCounter } from './local-counter.js';
import { leaseClient, type RedisLease, type RedisTarget } from './redis-clients.js';
import { StoreErrors } from './store-errors.js';

interface LimitCountConf extends Config {
  readonly counter: Counter;
  readonly keyOf: KeyReader;
  /** `count` as header text, made once. */
  readonly limitText: string;
  /** Body of a rejected request: `{"error_msg": rejected_msg}`, or none. */
  readonly rejectedBody: string | undefined;
  /** Logs counter store failures, a line per interval at most. */
  readonly storeErrors: StoreErrors;
}

/** APISIX's answer when the counter store fails and allow_degradation is off. */
const FAILED_STATUS = 500;
const FAILED_BODY = JSON.stringify({ error_msg: 'failed to limit count' });

class RedisCounter implements Counter {
  constructor(
    private readonly lease: RedisLease,
    private readonly prefix: string,
    private readonly windowMs: number,
  ) {}

  incr(key: string): Promise<Tally> {
    return this.lease.count(this.prefix + key, this.windowMs).then(([count, ttlMs]) => ({ count, ttlMs }));
  }

  release(): void {
    this.lease.release();
  }
}

function targetOf(conf: Config): RedisTarget {
  const cluster = conf.policy === 'redis-cluster';
  return {
    cluster,
    host: cluster ? undefined : conf.redis_host,
    port: cluster ? undefined : conf.redis_port,
    database: cluster ? undefined : conf.redis_database,
    nodes: cluster ? conf.redis_cluster_nodes : undefined,
    username: conf.redis_username,
    password: conf.redis_password,
    ssl: cluster ? conf.redis_cluster_ssl : conf.redis_ssl,
    sslVerify: cluster ? conf.redis_cluster_ssl_verify : conf.redis_ssl_verify,
    timeoutMs: conf.redis_timeout,
  };
}

/** Same on every node for the same route and config; different for another route or config. */
function namespace(raw: string, ctx: ConfContext | undefined): string {
  return createHash('sha256')
    .update(ctx?.key ?? '')
    .update('\0')
    .update(raw)
    .digest('base64url')
    .slice(0, 22);
}

function counterOf(conf: Config, raw: string, ctx: ConfContext | undefined): Counter {
  const windowMs = conf.time_window * 1000;
  if (conf.policy === 'local') return new LocalCounter(windowMs);
  return new RedisCounter(leaseClient(targetOf(conf)), `a6kit:limit-count:${namespace(raw, ctx)}:`, windowMs);
}

function count(conf: LimitCountConf, key: string, req: PluginRequest, res: PluginResponseWriter): void | Promise<void> {
  const tally = conf.counter.incr(key);
  if (!(tally instanceof Promise)) return answer(conf, tally, req, res);
  return tally.then(
    (t) => answer(conf, t, req, res),
    (err: unknown) => {
      // Redis down or slower than redis_timeout.
      conf.storeErrors.report(req.log, err, conf.allow_degradation);
      if (!conf.allow_degradation) res.respond(FAILED_STATUS, FAILED_BODY);
    },
  );
}

function answer(conf: LimitCountConf, tally: Tally, req: PluginRequest, res: PluginResponseWriter): void {
  const remaining = conf.count - tally.count;
  const reset = String(Math.ceil(tally.ttlMs / 1000));
  if (remaining < 0) {
    if (conf.show_limit_quota_header) {
      res.headers.set('X-RateLimit-Limit', conf.limitText);
      res.headers.set('X-RateLimit-Remaining', '0');
      res.headers.set('X-RateLimit-Reset', reset);
    }
    res.respond(conf.rejected_code, conf.rejectedBody);
    return;
  }
  if (conf.show_limit_quota_header) {
    req.respHeaders.set('X-RateLimit-Limit', conf.limitText);
    req.respHeaders.set('X-RateLimit-Remaining', String(remaining));
    req.respHeaders.set('X-RateLimit-Reset', reset);
  }
}

export default definePlugin({
  name: 'limit-count',
  schema,
  parseConf(raw, ctx): LimitCountConf {
    const conf = parseGenerated(raw);
    const keyOf = keyReader(conf.key_type, conf.key); // may refuse the config: before any connection
    return {
      ...conf,
      keyOf,
      limitText: String(conf.count),
      rejectedBody: conf.rejected_msg === undefined ? undefined : JSON.stringify({ error_msg: conf.rejected_msg }),
      counter: counterOf(conf, raw, ctx),
      storeErrors: new StoreErrors(),
    };
  },
  releaseConf(conf) {
    conf.counter.release();
  },
  requestFilter(conf, req, res) {
    // Synchronous all the way when it can be (policy local, key remote_addr or constant): no
    // promise, no microtask on the hot path.
    const key = conf.keyOf(req);
    if (typeof key === 'string') return count(conf, key, req, res);
    return key.then((k) => count(conf, k, req, res));
  },
});
