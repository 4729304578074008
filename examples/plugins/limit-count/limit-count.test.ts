/**
 * limit-count through the gateway simulator, against a real redis-server (policy redis) and
 * in-process counters (policy local): the same behaviour for both, except where state lives.
 * Two gateway nodes sharing one Redis: nodes.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfError } from 'a6kit';
import { startTestRunner, type SimResult, type TestRunner } from 'a6kit/testing';
import { RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF } from '../../../runtime/frame.js';
import {
  HTTPReqCall,
  RawClient,
  decodeReqCallResp,
  prepareConf,
  reqCall,
  tokenOf,
} from '../../../test/runtime/helpers.js';
import plugin from './index.js';
import { LocalCounter } from './local-counter.js';
import { CONNECTION_NAME, openClients } from './redis-clients.js';
import { RedisServer } from './test/redis-server.js';
import { StoreErrors } from './store-errors.js';
import { createLogger } from '../../../runtime/logger.js';
import { Writable } from 'node:stream';

let redis: RedisServer;
beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(async () => {
  await redis?.dispose();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Policy = 'local' | 'redis';
function route(policy: Policy, conf: Record<string, unknown>) {
  const redisFields = policy === 'redis' ? { redis_host: '127.0.0.1', redis_port: redis.port } : {};
  return [{ name: 'limit-count', conf: { policy, ...redisFields, ...conf } }];
}

function quota(r: SimResult): Record<string, string | string[] | undefined> {
  const h = r.kind === 'upstream' ? r.respHeaders : r.kind === 'response' ? r.headers : {};
  return { limit: h['x-ratelimit-limit'], remaining: h['x-ratelimit-remaining'], reset: h['x-ratelimit-reset'] };
}

describe.each(['local', 'redis'] as const)('policy %s', (policy) => {
  let t: TestRunner;
  beforeAll(async () => {
    t = await startTestRunner([plugin]);
  });
  afterAll(() => t.close());

  it('counts the quota headers down, then answers rejected_code with rejected_msg', async () => {
    const r = route(policy, { count: 3, time_window: 60, rejected_code: 429, rejected_msg: 'slow down' });
    const results: SimResult[] = [];
    for (let i = 0; i < 4; i++) results.push(await t.simulator.request(r, { srcIp: '198.51.100.1' }));
    expect(results.map((x) => x.kind)).toEqual(['upstream', 'upstream', 'upstream', 'response']);
    expect(results.map(quota)).toEqual([
      { limit: '3', remaining: '2', reset: '60' },
      { limit: '3', remaining: '1', reset: '60' },
      { limit: '3', remaining: '0', reset: '60' },
      { limit: '3', remaining: '0', reset: '60' },
    ]);
    expect(results[3]).toMatchObject({ status: 429, body: '{"error_msg":"slow down"}' });
  });

  it('uses APISIX defaults: key remote_addr, 503 without body, headers shown', async () => {
    const r = route(policy, { count: 1, time_window: 60 });
    expect(await t.simulator.request(r, { srcIp: '198.51.100.2' })).toMatchObject({ kind: 'upstream' });
    expect(await t.simulator.request(r, { srcIp: '198.51.100.3' })).toMatchObject({ kind: 'upstream' });
    const refused = await t.simulator.request(r, { srcIp: '198.51.100.2' });
    expect(refused).toMatchObject({ kind: 'response', status: 503, body: '' });
    expect(quota(refused)).toEqual({ limit: '1', remaining: '0', reset: '60' });
  });

  it('sends no quota headers when show_limit_quota_header is false', async () => {
    const r = route(policy, { count: 1, time_window: 60, show_limit_quota_header: false });
    const results = [await t.simulator.request(r), await t.simulator.request(r)];
    expect(results.map(quota)).toEqual(
      [{}, {}].map(() => ({ limit: undefined, remaining: undefined, reset: undefined })),
    );
    expect(results.map((x) => x.kind)).toEqual(['upstream', 'response']);
  });

  it('starts the window at the first request of a key and resets the count when it ends', async () => {
    const r = route(policy, { count: 2, time_window: 1, key_type: 'constant', key: `window-${policy}` });
    const start = Date.now();
    expect(quota(await t.simulator.request(r))).toMatchObject({ remaining: '1', reset: '1' });
    await sleep(600);
    const second = await t.simulator.request(r);
    expect(second.kind).toBe('upstream');
    expect(quota(second)).toMatchObject({ remaining: '0', reset: '1' });
    expect((await t.simulator.request(r)).kind).toBe('response');
    // 1 s after the first request, not after the last: the window is fixed, not sliding.
    await sleep(Math.max(0, start + 1050 - Date.now()));
    const after = await t.simulator.request(r);
    expect(after.kind).toBe('upstream');
    expect(quota(after)).toMatchObject({ remaining: '1' });
  });

  it('counts by one variable (var) or a template of variables (var_combination), falling back to the client address', async () => {
    const byUser = route(policy, { count: 1, time_window: 60, key: 'http_x_user' });
    expect((await t.simulator.request(byUser, { headers: { 'x-user': 'ann' } })).kind).toBe('upstream');
    expect((await t.simulator.request(byUser, { headers: { 'x-user': 'bob' } })).kind).toBe('upstream');
    expect((await t.simulator.request(byUser, { headers: { 'x-user': 'ann' } })).kind).toBe('response');
    // No x-user: counted by the client address instead.
    expect((await t.simulator.request(byUser, { srcIp: '203.0.113.7' })).kind).toBe('upstream');
    expect((await t.simulator.request(byUser, { srcIp: '203.0.113.7' })).kind).toBe('response');

    const combo = route(policy, {
      count: 1,
      time_window: 60,
      key_type: 'var_combination',
      key: '$remote_addr:${http_x_user}',
    });
    expect((await t.simulator.request(combo, { srcIp: '203.0.113.8', headers: { 'x-user': 'ann' } })).kind).toBe(
      'upstream',
    );
    expect((await t.simulator.request(combo, { srcIp: '203.0.113.9', headers: { 'x-user': 'ann' } })).kind).toBe(
      'upstream',
    );
    expect((await t.simulator.request(combo, { srcIp: '203.0.113.8', headers: { 'x-user': 'ann' } })).kind).toBe(
      'response',
    );
  });

  it('never lets two routes with the same config and key share a counter', async () => {
    // Identical conf lists under two APISIX conf keys (two routes): what the simulator cannot
    // express, since it keys a conf list by its content.
    const value = JSON.stringify(
      route(policy, { count: 1, time_window: 60, key_type: 'constant', key: 'shared' })[0]!.conf,
    );
    const c = await RawClient.open(t.address);
    try {
      const outcome = async (routeKey: string): Promise<number> => {
        const [, prep] = await c.exchange(RPC_PREPARE_CONF, prepareConf(routeKey, [{ name: 'limit-count', value }]));
        const [type, payload] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(prep) }));
        expect(type).toBe(RPC_HTTP_REQ_CALL);
        return decodeReqCallResp(payload).actionType();
      };
      const { Rewrite, Stop } = HTTPReqCall.Action;
      expect(await outcome(`route#1#${policy}#ext-plugin-pre-req`)).toBe(Rewrite);
      expect(await outcome(`route#2#${policy}#ext-plugin-pre-req`)).toBe(Rewrite);
      expect(await outcome(`route#1#${policy}#ext-plugin-pre-req`)).toBe(Stop);
      expect(await outcome(`route#2#${policy}#ext-plugin-pre-req`)).toBe(Stop);
    } finally {
      await c.close();
    }
  });
});

describe('local counter', () => {
  it('keeps only the keys of windows that have not ended (memory follows one window of traffic)', () => {
    let now = 0;
    const c = new LocalCounter(1000, () => now);
    for (let i = 0; i < 500; i++) c.incr(`ip-${i}`);
    expect(c.incr('ip-1')).toEqual({ count: 2, ttlMs: 1000 });
    now = 999;
    expect(c.incr('late')).toEqual({ count: 1, ttlMs: 1000 });
    now = 1000; // the first 500 windows end; the next count sweeps them
    expect(c.incr('ip-1')).toEqual({ count: 1, ttlMs: 1000 });
    expect(c.size).toBe(2); // 'late' (ends at 1999) and the new 'ip-1'
  });
});

describe('config', () => {
  it('takes APISIX limit-count configs and refuses what APISIX refuses', () => {
    const ok = plugin.parseConf('{"count":5,"time_window":60,"policy":"redis","redis_host":"127.0.0.1"}');
    expect(ok).toMatchObject({
      count: 5,
      key: 'remote_addr',
      key_type: 'var',
      rejected_code: 503,
      redis_port: 6379,
      redis_timeout: 1000,
      redis_database: 0,
      allow_degradation: false,
      show_limit_quota_header: true,
    });
    plugin.releaseConf!(ok);
    const refused = (raw: string) => {
      try {
        plugin.parseConf(raw);
      } catch (err) {
        return err instanceof ConfError ? (err.pointer ?? '') : String(err);
      }
      return 'accepted';
    };
    expect(refused('{"time_window":60}')).toBe('/count');
    expect(refused('{"count":0,"time_window":60}')).toBe('/count');
    expect(refused('{"count":1,"time_window":60,"policy":"redis"}')).toBe('/redis_host');
    expect(refused('{"count":1,"time_window":60,"policy":"redis-cluster"}')).toBe('/redis_cluster_nodes');
    expect(refused('{"count":1,"time_window":60,"rejected_code":199}')).toBe('/rejected_code');
    expect(refused('{"count":1,"time_window":60,"key_type":"var_combination","key":"no variable"}')).toBe('/key');
    // APISIX fields this plugin does not implement are refused, not silently ignored.
    expect(refused('{"count":1,"time_window":60,"group":"g"}')).toBe('/group');
    expect(openClients()).toBe(0); // nothing leased by a refused config
  });
});

describe('Redis failures', () => {
  let t: TestRunner;
  beforeAll(async () => {
    t = await startTestRunner([plugin]);
  });
  afterAll(() => t.close());

  const strict = () => route('redis', { count: 100, time_window: 60, redis_timeout: 300 });
  const degrading = () => route('redis', { count: 100, time_window: 60, redis_timeout: 300, allow_degradation: true });

  async function timed(r: ReturnType<typeof strict>): Promise<[SimResult, number]> {
    const start = performance.now();
    const result = await t.simulator.request(r);
    return [result, performance.now() - start];
  }

  it('answers 500 within redis_timeout while Redis hangs (or passes with allow_degradation), and recovers', async () => {
    expect((await t.simulator.request(strict())).kind).toBe('upstream');
    expect((await t.simulator.request(degrading())).kind).toBe('upstream');
    redis.pause();
    try {
      const [failed, ms] = await timed(strict());
      expect(failed).toMatchObject({ kind: 'response', status: 500, body: '{"error_msg":"failed to limit count"}' });
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(800);
      const [passed, ms2] = await timed(degrading());
      expect(passed.kind).toBe('upstream');
      expect(ms2).toBeLessThan(800);
    } finally {
      redis.unpause();
    }
    expect((await t.simulator.request(strict())).kind).toBe('upstream');
  });

  it('answers 500 at once while Redis is down (or passes with allow_degradation), and counts again once it is back', async () => {
    expect((await t.simulator.request(strict())).kind).toBe('upstream');
    await redis.stop();
    try {
      for (let i = 0; i < 3; i++) {
        const [failed, ms] = await timed(strict());
        expect(failed).toMatchObject({ kind: 'response', status: 500 });
        expect(ms).toBeLessThan(800);
        expect((await t.simulator.request(degrading())).kind).toBe('upstream');
      }
    } finally {
      await redis.resume();
    }
    // The restarted server is empty (no script loaded, no counter): the client reconnects by itself.
    const deadline = Date.now() + 5000;
    let r = await t.simulator.request(strict());
    while (r.kind !== 'upstream' && Date.now() < deadline) {
      await sleep(100);
      r = await t.simulator.request(strict());
    }
    expect(r.kind).toBe('upstream');
    // A fresh counter. Not exactly 99: a request answered 500 in the last reconnect interval
    // leaves its command queued, and the server counts it once the connection is back.
    expect(Number(quota(r).remaining)).toBeGreaterThanOrEqual(95);
  });
});

describe('Redis with a password (AUTH)', () => {
  let secured: RedisServer;
  let t: TestRunner;
  beforeAll(async () => {
    secured = await RedisServer.start({ password: 's3cret pass' });
    t = await startTestRunner([plugin]);
  });
  afterAll(async () => {
    await t?.close();
    await secured?.dispose();
  });

  const on = (conf: Record<string, unknown>) => [
    {
      name: 'limit-count',
      conf: {
        policy: 'redis',
        redis_host: '127.0.0.1',
        redis_port: secured.port,
        count: 2,
        time_window: 60,
        redis_timeout: 500,
        ...conf,
      },
    },
  ];

  it('counts in a Redis that requires AUTH, with the right password', async () => {
    const rt = on({ redis_password: 's3cret pass', key: 'http_x_user', key_type: 'var' });
    const req = { headers: { 'x-user': 'auth-1' } };
    expect((await t.simulator.request(rt, req)).kind).toBe('upstream');
    expect((await t.simulator.request(rt, req)).kind).toBe('upstream');
    expect(await t.simulator.request(rt, req)).toMatchObject({ kind: 'response', status: 503 });
    // The counter is in that Redis, under the plugin's key.
    const admin = secured.admin();
    try {
      await admin.connect();
      expect((await admin.keys('*auth-1*')).length).toBe(1);
    } finally {
      admin.disconnect();
    }
  });

  it('answers 500 (fails closed) with a wrong password or none, as APISIX does when AUTH fails', async () => {
    for (const conf of [{ redis_password: 'wrong' }, {}]) {
      expect(await t.simulator.request(on(conf), { headers: { 'x-user': 'auth-2' } })).toMatchObject({
        kind: 'response',
        status: 500,
      });
    }
  });
});

describe('Redis failures in the runner log', () => {
  it('logs the store error through the plugin logger, one line per interval with the count left out', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    });
    const t = await startTestRunner([plugin], { logger: createLogger('info', stream) });
    const r = route('redis', { count: 100, time_window: 60, redis_timeout: 300 });
    try {
      expect((await t.simulator.request(r)).kind).toBe('upstream');
      await redis.stop();
      try {
        for (let i = 0; i < 4; i++)
          expect(await t.simulator.request(r)).toMatchObject({ kind: 'response', status: 500 });
      } finally {
        await redis.resume();
      }
    } finally {
      await t.close();
    }
    const failures = lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('counter store failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      level: 'error',
      plugin: 'limit-count',
      key: expect.stringContaining('#ext-plugin-pre-req#') as unknown,
      suppressedSinceLastLog: 0,
      msg: 'counter store failed: request answered 500',
    });
    expect(typeof failures[0]!.requestId).toBe('number');
    expect(failures[0]!.err).toMatchObject({ message: expect.any(String) as unknown });
  });

  it('counts the failures it leaves out, and logs again after the interval', () => {
    let now = 0;
    const seen: Record<string, unknown>[] = [];
    const log = { error: (fields: Record<string, unknown>) => seen.push(fields) } as unknown as Parameters<
      StoreErrors['report']
    >[0];
    const errors = new StoreErrors(1000, () => now);
    for (let i = 0; i < 5; i++) errors.report(log, new Error('down'), false);
    now = 1000;
    errors.report(log, new Error('down'), true);
    expect(seen.map((f) => f.suppressedSinceLastLog)).toEqual([0, 4]);
  });
});

describe('policy redis-cluster', () => {
  let cluster: RedisServer;
  let t: TestRunner;
  beforeAll(async () => {
    cluster = await RedisServer.startCluster();
    t = await startTestRunner([plugin]);
  });
  afterAll(async () => {
    await t?.close();
    await cluster?.dispose();
  });

  const conf = (extra: Record<string, unknown> = {}) => [
    {
      name: 'limit-count',
      conf: {
        count: 2,
        time_window: 60,
        policy: 'redis-cluster',
        redis_cluster_nodes: [`127.0.0.1:${cluster.port}`],
        redis_cluster_name: 'c',
        redis_timeout: 300,
        ...extra,
      },
    },
  ];

  it('counts in the cluster', async () => {
    const results: SimResult[] = [];
    for (let i = 0; i < 3; i++) results.push(await t.simulator.request(conf()));
    expect(results.map((r) => r.kind)).toEqual(['upstream', 'upstream', 'response']);
    expect(results.map(quota).map((q) => q.remaining)).toEqual(['1', '0', '0']);
  });

  it('answers 500 within redis_timeout while the cluster hangs', async () => {
    const r = conf({ count: 100 });
    expect((await t.simulator.request(r)).kind).toBe('upstream');
    cluster.pause();
    try {
      const start = performance.now();
      expect(await t.simulator.request(r)).toMatchObject({ kind: 'response', status: 500 });
      expect(performance.now() - start).toBeLessThan(800);
    } finally {
      cluster.unpause();
    }
    expect((await t.simulator.request(r)).kind).toBe('upstream');
  });
});

describe('connections', () => {
  async function namedConnections(): Promise<number> {
    const admin = redis.admin();
    try {
      const list = (await admin.call('CLIENT', 'LIST')) as string;
      return list.split('\n').filter((l) => l.includes(` name=${CONNECTION_NAME} `)).length;
    } finally {
      admin.disconnect();
    }
  }

  it('opens one connection per Redis config at PrepareConf, keeps it across conf changes, closes it with the last conf', async () => {
    // Conf tokens live 1.2 x 0.5 s unused.
    const t = await startTestRunner([plugin], { confExpireSeconds: 0.5 });
    try {
      expect(await namedConnections()).toBe(0);
      const a = route('redis', { count: 10, time_window: 60 });
      const b = route('redis', { count: 20, time_window: 60 }); // the route's conf changed
      const other = route('redis', { count: 10, time_window: 60, redis_database: 1 });
      for (let i = 0; i < 5; i++) expect((await t.simulator.request(a)).kind).toBe('upstream');
      expect(openClients()).toBe(1);
      expect(await namedConnections()).toBe(1);
      expect((await t.simulator.request(b)).kind).toBe('upstream');
      expect((await t.simulator.request(other)).kind).toBe('upstream');
      expect(openClients()).toBe(2);
      // Keep b in use while a and other expire: their connection (database 1) closes, b's stays.
      const until = Date.now() + 1200;
      while (Date.now() < until) {
        expect((await t.simulator.request(b)).kind).toBe('upstream');
        await sleep(100);
      }
      expect(openClients()).toBe(1);
      await expect.poll(namedConnections).toBe(1);
      // b unused: its entry expires and the last connection closes.
      await expect.poll(() => openClients(), { timeout: 3000 }).toBe(0);
      await expect.poll(namedConnections, { timeout: 3000 }).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('closes every connection when the runner closes', async () => {
    const t = await startTestRunner([plugin]);
    expect((await t.simulator.request(route('redis', { count: 1, time_window: 60 }))).kind).toBe('upstream');
    expect(openClients()).toBe(1);
    await t.close();
    expect(openClients()).toBe(0);
    await expect.poll(namedConnections).toBe(0);
  });
});
