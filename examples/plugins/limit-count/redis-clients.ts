/**
 * Redis connections shared by route confs: one client per distinct Redis config, opened when the
 * first conf naming it is parsed (PrepareConf), closed when the last such conf is released. Requests
 * never connect; they send one script call over the shared client.
 */
import { Cluster, Redis, type ClusterNode, type RedisOptions } from 'ioredis';

export interface RedisTarget {
  readonly cluster: boolean;
  /** policy redis */
  readonly host?: string;
  readonly port?: number;
  readonly database?: number;
  /** policy redis-cluster: `host:port` seeds */
  readonly nodes?: readonly string[];
  readonly username?: string;
  readonly password?: string;
  readonly ssl: boolean;
  readonly sslVerify: boolean;
  /** Connect and command timeout, ms. */
  readonly timeoutMs: number;
}

/** The name every connection gives itself (CLIENT SETNAME), so operators and tests can find them. */
export const CONNECTION_NAME = 'a6kit-limit-count';

/**
 * Counts one request atomically on the server and starts the window on the first one. Returns
 * [requests in the window, ms left in it]. A key left without expiry (written by something else)
 * gets one, so a counter can never stay forever.
 */
const COUNT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

interface Scripted {
  /** COUNT_SCRIPT through defineCommand: EVALSHA, falling back to EVAL after a NOSCRIPT (a restarted server). */
  a6kitLimitCount(key: string, windowMs: number): Promise<[number, number]>;
}

type Client = (Redis | Cluster) & Scripted;

interface Shared {
  readonly id: string;
  readonly client: Client;
  readonly timeoutMs: number;
  users: number;
}

const shared = new Map<string, Shared>();

/** Reconnect soon after a failure, then every second at most: recovery is quick, a dead server is not hammered. */
const reconnectDelay = (times: number): number => Math.min(50 * 2 ** Math.min(times, 5), 1000);

function tlsOf(t: RedisTarget): RedisOptions['tls'] {
  return t.ssl ? { rejectUnauthorized: t.sslVerify } : undefined;
}

function clientOptions(t: RedisTarget): RedisOptions {
  return {
    username: t.username,
    // APISIX sends AUTH only for a non-empty password.
    password: t.password === '' ? undefined : t.password,
    tls: tlsOf(t),
    connectionName: CONNECTION_NAME,
    connectTimeout: t.timeoutMs,
    commandTimeout: t.timeoutMs,
    // Fail a request at once when a reconnect attempt fails instead of queueing it for later:
    // a rate-limit answer that comes seconds late is worth nothing.
    maxRetriesPerRequest: 0,
    // Commands of concurrent requests issued in one tick leave in one write (bench/limit-count.bench.ts).
    enableAutoPipelining: true,
  };
}

function parseNode(node: string): ClusterNode {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(node);
  if (m === null) return { host: node, port: 6379 };
  return { host: m[1]!, port: Number(m[2]) };
}

function open(t: RedisTarget): Client {
  const client = t.cluster
    ? new Cluster((t.nodes ?? []).map(parseNode), {
        redisOptions: clientOptions(t),
        clusterRetryStrategy: reconnectDelay,
        slotsRefreshTimeout: t.timeoutMs,
        enableOfflineQueue: true,
      })
    : new Redis({
        ...clientOptions(t),
        host: t.host,
        port: t.port,
        db: t.database ?? 0,
        retryStrategy: reconnectDelay,
        enableOfflineQueue: true,
      });
  client.defineCommand('a6kitLimitCount', { numberOfKeys: 1, lua: COUNT_SCRIPT });
  // Failures reach each request as a rejected command (-> 500 or allow_degradation); an unhandled
  // 'error' event would only print ioredis's own warning on stderr for every reconnect attempt.
  client.on('error', () => {});
  return client as Client;
}

/** A conf's use of a shared client. */
export class RedisLease {
  private released = false;

  constructor(private readonly s: Shared) {}

  /** [requests in the window, ms left], or a rejection within the target's timeout. */
  count(key: string, windowMs: number): Promise<[number, number]> {
    const p = this.s.client.a6kitLimitCount(key, windowMs);
    // A standalone client enforces commandTimeout itself; a cluster client queues commands while
    // its slots are unknown with no timeout of its own, so the deadline is kept here.
    return this.s.client instanceof Cluster ? within(p, this.s.timeoutMs) : p;
  }

  /** Idempotent: the last release of a client closes it. */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (--this.s.users > 0) return;
    shared.delete(this.s.id);
    const client = this.s.client;
    // QUIT lets commands already sent get their answer; disconnect covers a server that is gone.
    client.quit().then(
      () => client.disconnect(),
      () => client.disconnect(),
    );
  }
}

/** A lease on the client for `t`, opening it if no conf uses that Redis config yet. */
export function leaseClient(t: RedisTarget): RedisLease {
  const id = JSON.stringify([
    t.cluster,
    t.host,
    t.port,
    t.database,
    t.nodes,
    t.username,
    t.password,
    t.ssl,
    t.sslVerify,
    t.timeoutMs,
  ]);
  let s = shared.get(id);
  if (s === undefined) {
    s = { id, client: open(t), timeoutMs: t.timeoutMs, users: 0 };
    shared.set(id, s);
  }
  s.users++;
  return new RedisLease(s);
}

/** Clients open in this process (for tests and diagnostics). */
export function openClients(): number {
  return shared.size;
}

class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = 'RedisTimeoutError';
  }
}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(ms)), ms);
  });
  // Whichever settles first, as it settled: p's own rejection passes through unchanged.
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
