/**
 * Hostile peers against what one connection may cost (issue 8, rows on connections and the conf
 * store), at a scale CI affords: small limits through options, real unix sockets. Every test
 * checks that the attack is refused or its connection closed, and that a bystander connection
 * keeps being served meanwhile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { definePlugin, type AnyPlugin } from '../../runtime/plugin.js';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { createRunnerCore, startRunner, type RunnerOptions, type RunningRunner } from '../../runtime/server.js';
import { createLogger } from '../../runtime/logger.js';
import { ConfStore } from '../../runtime/conf-store.js';
import { FrameReader, MAX_PAYLOAD, RPC_ERROR, RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF } from '../../runtime/frame.js';
import type { Limits } from '../../runtime/limits.js';
import { GatewaySimulator } from '../../runtime/testkit/simulator.js';
import {
  Err,
  RawClient,
  errCode,
  frameBytes,
  prepareConf,
  reqCall,
  tempDir,
  tokenOf,
  until,
} from '../runtime/helpers.js';
import * as P from '../runtime/plugins.js';

/** Answers the client with a body of `size` bytes (a reply that grows large). */
const big = definePlugin({
  name: 'big',
  parseConf: (raw) => JSON.parse(raw) as { size: number },
  requestFilter(c, _req, res) {
    res.write(Buffer.alloc(c.size, 97));
  },
});

/** Returns a thenable whose then() throws: must still be answered exactly once. */
const badThenable = definePlugin({
  name: 'bad-thenable',
  parseConf: () => null,
  requestFilter: () =>
    ({
      then() {
        throw new Error('then() throws');
      },
    }) as unknown as Promise<void>,
});

/** Settles twice: the second settlement must not run the chain again. */
const twiceThenable = definePlugin({
  name: 'twice-thenable',
  parseConf: () => null,
  requestFilter: (_c, _req, res) => {
    res.status = 201;
    return {
      then(ok: () => void, fail: (e: Error) => void) {
        ok();
        ok();
        fail(new Error('late'));
      },
    } as unknown as Promise<void>;
  },
});

/** A little asynchronous work, like a plugin that awaits something. */
const tick = definePlugin({
  name: 'tick',
  parseConf: () => null,
  async requestFilter(_c, req) {
    await new Promise((r) => setImmediate(r));
    req.headers.set('x-tick', '1');
  },
});

const plugins: AnyPlugin[] = [...P.all, big, badThenable, twiceThenable, tick];

interface Started {
  runner: RunningRunner;
  address: string;
  close(): Promise<void>;
}

const open: Started[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function start(limits: Partial<Limits>, extra: Partial<RunnerOptions> = {}): Promise<Started> {
  const tmp = tempDir();
  const runner = await startRunner({
    plugins,
    address: `unix:${join(tmp.dir, 'runner.sock')}`,
    logger: createLogger(process.env.A6KIT_TEST_LOG_LEVEL ?? 'silent'),
    limits,
    shutdownGraceMs: 300,
    ...extra,
  });
  const s = {
    runner,
    address: runner.address,
    close: async () => {
      await runner.close();
      tmp.cleanup();
    },
  };
  open.push(s);
  return s;
}

/** An ordinary gateway connection calling a noop route; records its worst latency. */
class Bystander {
  worst = 0;
  calls = 0;
  private constructor(
    private readonly c: RawClient,
    private readonly token: number,
  ) {}

  static async open(address: string): Promise<Bystander> {
    const c = await RawClient.open(address);
    const [t, p] = await c.exchange(RPC_PREPARE_CONF, prepareConf('bystander', [{ name: 'noop', value: '' }]));
    expect(t).toBe(RPC_PREPARE_CONF);
    return new Bystander(c, tokenOf(p));
  }

  async call(): Promise<void> {
    const t0 = performance.now();
    const [t] = await this.c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: this.token }));
    expect(t).toBe(RPC_HTTP_REQ_CALL);
    this.worst = Math.max(this.worst, performance.now() - t0);
    this.calls++;
  }

  /** Calls every `everyMs` until `stop` resolves. */
  async keepCalling(stop: Promise<unknown>, everyMs = 20): Promise<void> {
    let done = false;
    void stop.finally(() => (done = true));
    while (!done) {
      await this.call();
      await sleep(everyMs);
    }
    await this.call();
  }

  close(): Promise<void> {
    return this.c.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Bytes the runner sends on `c` within the next `ms` (unasked replies). */
async function bytesWithin(c: RawClient, ms: number): Promise<number> {
  let n = 0;
  const count = (b: Buffer) => (n += b.length);
  c.sock.on('data', count);
  await sleep(ms);
  c.sock.off('data', count);
  return n;
}

function header(type: number, len: number): Buffer {
  return Buffer.from([type, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff]);
}

describe('incomplete frames', () => {
  it('16 MiB frames announced and sent but for the last byte: over the buffer budget they are refused, the rest time out', async () => {
    // Two whole 16 MiB frames fit the budget; the other connections are closed on announcing theirs.
    const s = await start({ maxBufferedBytes: 2 * MAX_PAYLOAD + 1024, frameTimeoutMs: 1500 });
    const bystander = await Bystander.open(s.address);
    const attackers = await Promise.all(Array.from({ length: 6 }, () => RawClient.open(s.address)));
    const body = Buffer.alloc(MAX_PAYLOAD - 1, 1);
    const t0 = Date.now();
    for (const a of attackers) {
      a.write(header(RPC_HTTP_REQ_CALL, MAX_PAYLOAD));
      a.write(body);
      await bystander.call();
    }
    // At most two frames fit: the four others were refused and their connections closed.
    await until(() => attackers.filter((a) => a.closed).length >= 4, 5000);
    await bystander.call();
    // The accepted ones never complete: the frame deadline closes them too.
    await Promise.all(attackers.map((a) => a.whenClosed()));
    expect(Date.now() - t0).toBeLessThan(5000);
    await bystander.call();
    // Their budget was given back: a whole 16 MiB frame is taken again (and answered).
    const again = await RawClient.open(s.address);
    again.write(frameBytes(RPC_HTTP_REQ_CALL, Buffer.alloc(MAX_PAYLOAD, 0)));
    const [t, p] = await again.next();
    expect([t, errCode(p)]).toEqual([RPC_ERROR, Err.Code.BAD_REQUEST]);
    await again.close();
    await bystander.call();
    expect(bystander.worst).toBeLessThan(1000);
    await bystander.close();
  });

  it('a frame trickled one byte per chunk costs one buffer, not one per chunk', () => {
    const gc = exposeGc();
    const size = 1 << 20;
    const got: number[] = [];
    const r = new FrameReader((_t, p) => got.push(p.length));
    r.push(header(RPC_HTTP_REQ_CALL, size));
    gc();
    const before = process.memoryUsage();
    for (let i = 0; i < size - 1; i++) r.push(Buffer.from([i & 0xff]));
    gc();
    const after = process.memoryUsage();
    // One 1 MiB buffer; a Buffer kept per chunk would be ~100 MiB of objects.
    expect(after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)).toBeLessThan(8 << 20);
    expect(r.buffered).toBe(size - 1);
    r.push(Buffer.from([0]));
    expect(got).toEqual([size]);
    expect(r.buffered).toBe(0);
  });

  it('a peer trickling one byte at a time is cut at the frame deadline, however steadily it sends', async () => {
    const s = await start({ frameTimeoutMs: 400 });
    const bystander = await Bystander.open(s.address);
    const trickler = await RawClient.open(s.address);
    trickler.write(header(RPC_HTTP_REQ_CALL, 4096));
    const t0 = Date.now();
    const trickling = (async () => {
      for (let i = 0; i < 4000 && !trickler.closed; i++) {
        trickler.write(Buffer.from([1]));
        await sleep(5);
      }
    })();
    await bystander.keepCalling(trickler.whenClosed());
    const took = Date.now() - t0;
    await trickling;
    expect(took).toBeGreaterThanOrEqual(350);
    expect(took).toBeLessThan(3000);
    expect(bystander.calls).toBeGreaterThan(3);
    await bystander.close();
  });

  it('idle, half-header and partial-frame connections are closed; a bystander calling now and then is not', async () => {
    const s = await start({ frameTimeoutMs: 300, idleTimeoutMs: 700 });
    const bystander = await Bystander.open(s.address);
    const idle = await RawClient.open(s.address);
    const halfHeader = await RawClient.open(s.address);
    halfHeader.write(Buffer.from([RPC_HTTP_REQ_CALL, 0]));
    const partial = await RawClient.open(s.address);
    partial.write(Buffer.concat([header(RPC_PREPARE_CONF, 100), Buffer.alloc(40)]));
    const t0 = Date.now();
    const closedAt = (c: RawClient) => c.whenClosed().then(() => Date.now() - t0);
    const times = Promise.all([closedAt(idle), closedAt(halfHeader), closedAt(partial)]);
    await bystander.keepCalling(times, 100);
    const [idleMs, halfMs, partialMs] = await times;
    expect(halfMs).toBeLessThan(1200);
    expect(partialMs).toBeLessThan(1200);
    expect(idleMs).toBeGreaterThanOrEqual(600);
    expect(idleMs).toBeLessThan(2500);
    await bystander.call();
    expect(s.runner.connections).toBe(1);
    await bystander.close();
  });

  it('closes connections past the cap as soon as they are accepted', async () => {
    const s = await start({ maxConnections: 10 });
    const bystander = await Bystander.open(s.address);
    const crowd = await Promise.all(Array.from({ length: 20 }, () => RawClient.open(s.address)));
    await until(() => crowd.filter((c) => c.closed).length === 11, 5000);
    await bystander.call();
    expect(s.runner.connections).toBe(10);
    for (const c of crowd) c.sock.destroy();
    await until(() => s.runner.connections === 1);
    // Room again once they left.
    const later = await Bystander.open(s.address);
    await later.call();
    await later.close();
    await bystander.close();
  });
});

describe('output to peers that do not read', () => {
  it('replies past the output budget become SERVICE_UNAVAILABLE instead of piling up', async () => {
    const size = 4 << 20;
    const s = await start({ maxOutputBytes: 8 << 20 });
    const bystander = await Bystander.open(s.address);
    const setup = await RawClient.open(s.address);
    const [, tp] = await setup.exchange(
      RPC_PREPARE_CONF,
      prepareConf('big', [{ name: 'big', value: JSON.stringify({ size }) }]),
    );
    const token = tokenOf(tp);
    await setup.close();
    const readers = await Promise.all(Array.from({ length: 8 }, () => RawClient.open(s.address)));
    for (const r of readers) r.sock.pause(); // never read (for now)
    for (const r of readers) {
      r.send(RPC_HTTP_REQ_CALL, reqCall({ token }));
      await sleep(20);
      await bystander.call();
    }
    await bystander.call();
    // Now read what each got: at most ~8 MiB of replies were held, the others were refused.
    const got = await Promise.all(
      readers.map(async (r) => {
        r.sock.resume();
        const [t, p] = await r.next();
        return t === RPC_ERROR ? `error ${errCode(p)}` : `reply ${p.length > size ? 'big' : 'small'}`;
      }),
    );
    const refused = got.filter((g) => g === `error ${Err.Code.SERVICE_UNAVAILABLE}`).length;
    expect(refused).toBeGreaterThanOrEqual(4);
    expect(got.filter((g) => g === 'reply big').length).toBe(8 - refused);
    await Promise.all(readers.map((r) => r.close()));
    await bystander.call();
    await bystander.close();
  });

  it('stops reading a peer that does not take its replies: one reply is held, not forty', async () => {
    const gc = exposeGc();
    const s = await start({});
    const setup = await RawClient.open(s.address);
    const [, tp] = await setup.exchange(
      RPC_PREPARE_CONF,
      prepareConf('big', [{ name: 'big', value: JSON.stringify({ size: 2 << 20 }) }]),
    );
    const token = tokenOf(tp);
    await setup.close();
    const bystander = await Bystander.open(s.address);
    const greedy = await RawClient.open(s.address);
    greedy.sock.pause();
    gc();
    const before = process.memoryUsage().arrayBuffers;
    // Forty requests back to back, replies not read: the runner stops reading after the first reply.
    const frame = frameBytes(RPC_HTTP_REQ_CALL, reqCall({ token }));
    for (let i = 0; i < 40; i++) greedy.write(frame);
    await sleep(200);
    await bystander.call();
    gc();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(12 << 20);
    // Once it reads, every request is answered in turn.
    greedy.sock.resume();
    for (let i = 0; i < 40; i++) expect((await greedy.next())[0]).toBe(RPC_HTTP_REQ_CALL);
    await greedy.close();
    await bystander.call();
    await bystander.close();
  });
});

describe('plugins returning odd thenables', () => {
  it('a thenable whose then() throws gets exactly one reply, and the connection stays usable', async () => {
    const s = await start({}, { callTimeoutMs: 300 });
    const c = await RawClient.open(s.address);
    const [, tp] = await c.exchange(RPC_PREPARE_CONF, prepareConf('bad', [{ name: 'bad-thenable', value: '' }]));
    const [t, p] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(tp) }));
    expect([t, errCode(p)]).toEqual([RPC_ERROR, Err.Code.SERVICE_UNAVAILABLE]);
    // Past the call deadline: no second, unasked reply.
    expect(await bytesWithin(c, 600)).toBe(0);
    const [, tp2] = await c.exchange(RPC_PREPARE_CONF, prepareConf('ok', [{ name: 'noop', value: '' }]));
    const [t2] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(tp2) }));
    expect(t2).toBe(RPC_HTTP_REQ_CALL);
    expect(c.closed).toBe(false);
    await c.close();
  });

  it('a thenable that settles three times runs the rest of the chain once', async () => {
    const s = await start({}, { callTimeoutMs: 300 });
    const c = await RawClient.open(s.address);
    const [, tp] = await c.exchange(RPC_PREPARE_CONF, prepareConf('twice', [{ name: 'twice-thenable', value: '' }]));
    const [t] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(tp) }));
    expect(t).toBe(RPC_HTTP_REQ_CALL);
    expect(await bytesWithin(c, 500)).toBe(0);
    await c.close();
  });
});

describe('the conf store under many distinct PrepareConf', () => {
  it('keeps at most maxConfs tokens, the latest valid; an evicted token is re-prepared by the gateway and the call succeeds', async () => {
    const s = await start({ maxConfs: 50 });
    const sim = await GatewaySimulator.connect(s.address);
    const route = [{ name: 'rewrite', conf: { path: '/kept' } }];
    expect(await sim.request(route, { path: '/a' })).toMatchObject({ kind: 'upstream', request: { path: '/kept' } });
    const prepares = sim.prepareCount;

    const flood = await RawClient.open(s.address);
    const tokens: number[] = [];
    for (let i = 0; i < 500; i++) {
      const [t, p] = await flood.exchange(
        RPC_PREPARE_CONF,
        prepareConf(`flood-${i}`, [{ name: 'noop', value: String(i) }]),
      );
      expect(t).toBe(RPC_PREPARE_CONF);
      tokens.push(tokenOf(p));
    }
    // The latest are valid, the oldest were evicted.
    for (const token of tokens.slice(-20))
      expect((await flood.exchange(RPC_HTTP_REQ_CALL, reqCall({ token })))[0]).toBe(RPC_HTTP_REQ_CALL);
    const [t0, p0] = await flood.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokens[0]! }));
    expect([t0, errCode(p0)]).toEqual([RPC_ERROR, Err.Code.CONF_TOKEN_NOT_FOUND]);
    await flood.close();

    // The simulator still holds the evicted token: CONF_TOKEN_NOT_FOUND, prepare again, success.
    expect(await sim.request(route, { path: '/b' })).toMatchObject({ kind: 'upstream', request: { path: '/kept' } });
    expect(sim.prepareCount).toBe(prepares + 1);
    await sim.close();
  });
});

describe('the conf store bounds', () => {
  const chain = (key: string) => ({ key, links: [] });

  it('evicts the least recently used entry first: a used entry gets a second chance', () => {
    const s = new ConfStore(60_000, Date.now, { maxConfs: 3 });
    const a = s.put('a', [], chain('a'));
    const b = s.put('b', [], chain('b'));
    const c = s.put('c', [], chain('c'));
    expect(s.get(a)?.key).toBe('a');
    const d = s.put('d', [], chain('d'));
    expect(s.get(b)).toBeUndefined();
    expect([s.get(a)?.key, s.get(c)?.key, s.get(d)?.key]).toEqual(['a', 'c', 'd']);
    expect(s.size).toBe(3);
    expect(s.reuse('b', [])).toBeUndefined();
    s.close();
  });

  it('bounds the estimated bytes too, and never evicts the entry being stored', () => {
    const s = new ConfStore(60_000, Date.now, { maxConfBytes: 64 << 10 });
    const value = 'x'.repeat(4000);
    const tokens: number[] = [];
    for (let i = 0; i < 100; i++) tokens.push(s.put(`k${i}`, [{ name: 'p', value }], chain(`k${i}`)));
    expect(s.bytes).toBeLessThanOrEqual(64 << 10);
    expect(s.size).toBeLessThan(10);
    expect(s.get(tokens[99]!)?.key).toBe('k99');
    // One entry larger than the whole budget is still stored (alone).
    const huge = s.put('huge', [{ name: 'p', value: 'y'.repeat(100_000) }], chain('huge'));
    expect(s.get(huge)?.key).toBe('huge');
    expect(s.size).toBe(1);
    s.close();
  });
});

describe('SIGTERM under load', () => {
  it('answers every request that reaches an open connection, and closes connections only between exchanges', async () => {
    const s = await start({}, { shutdownGraceMs: 600 });
    const setup = await RawClient.open(s.address);
    const [, tp] = await setup.exchange(RPC_PREPARE_CONF, prepareConf('tick', [{ name: 'tick', value: '' }]));
    const token = tokenOf(tp);
    await setup.close();
    const clients = await Promise.all(Array.from({ length: 24 }, () => RawClient.open(s.address)));
    let sent = 0;
    let answered = 0;
    let dropped = 0;
    let stopping = false;
    // Each client behaves like APISIX's pooled cosocket: one exchange at a time, and a
    // connection is only reused (after a turn of the event loop) if the runner did not close it.
    const loops = clients.map(async (c) => {
      let ended = false;
      c.sock.on('end', () => (ended = true));
      while (!ended && !c.closed) {
        sent++;
        c.send(RPC_HTTP_REQ_CALL, reqCall({ token }));
        const got = await Promise.race([
          c.next(2000).then(
            () => true,
            () => false,
          ),
          c.whenClosed().then(() => false),
        ]);
        if (got) answered++;
        else {
          dropped++;
          return;
        }
        await new Promise((r) => setImmediate(r));
        if (stopping) {
          // A pooled connection is reused some time after its last reply, and only once nginx has
          // had a chance to see the runner's close (a timer, then a poll of the sockets).
          await sleep(1 + Math.random() * 5);
          await new Promise((r) => setImmediate(r));
        }
      }
    });
    await sleep(150);
    stopping = true;
    await s.runner.close();
    await Promise.all(loops);
    expect(sent).toBeGreaterThan(100);
    expect(dropped).toBe(0);
    expect(answered).toBe(sent);
  });

  it('a request already on its way when the drain starts is answered (the connection is not half-closed under it)', async () => {
    const tmp = tempDir();
    const core = createRunnerCore({ plugins, confExpireSeconds: 3600 }, createLogger('silent'));
    const server = createServer((sock) => core.serve(sock));
    const path = join(tmp.dir, 'drain.sock');
    await new Promise<void>((r) => server.listen(path, r));
    try {
      const clients = await Promise.all(Array.from({ length: 8 }, () => RawClient.open(`unix:${path}`)));
      const [, tp] = await clients[0]!.exchange(RPC_PREPARE_CONF, prepareConf('noop', [{ name: 'noop', value: '' }]));
      const token = tokenOf(tp);
      for (const c of clients)
        expect((await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token })))[0]).toBe(RPC_HTTP_REQ_CALL);
      // Every connection is idle; each gets a request, and the drain starts before the runner read any.
      for (const c of clients) c.send(RPC_HTTP_REQ_CALL, reqCall({ token }));
      const drained = core.drain(1000);
      const got = await Promise.all(
        clients.map((c) => Promise.race([c.next(3000).then(([t]) => t), c.whenClosed().then(() => -1)])),
      );
      expect(got).toEqual(clients.map(() => RPC_HTTP_REQ_CALL));
      // Each was closed right after that reply, long before the grace period ended.
      await Promise.all(clients.map((c) => c.whenClosed()));
      await drained;
    } finally {
      server.close();
      tmp.cleanup();
    }
  });
});

describe('error mapping', () => {
  it('a bug in the runner (not a decoding error) is answered SERVICE_UNAVAILABLE and logged as an error; garbage stays BAD_REQUEST', async () => {
    const tmp = tempDir();
    const lines: { level: string; msg: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n'))
          if (l) lines.push(JSON.parse(l) as { level: string; msg: string });
        done();
      },
    });
    const core = createRunnerCore({ plugins, confExpireSeconds: 3600 }, createLogger('debug', sink));
    const server = createServer((sock) => core.serve(sock));
    const path = join(tmp.dir, 'bug.sock');
    await new Promise<void>((r) => server.listen(path, r));
    try {
      const c = await RawClient.open(`unix:${path}`);
      const [, tp] = await c.exchange(RPC_PREPARE_CONF, prepareConf('noop', [{ name: 'noop', value: '' }]));
      // A bug on the hot path, simulated: the token lookup throws a TypeError.
      const confs = core.engine.confs as { get: (t: number) => unknown };
      const realGet = confs.get;
      confs.get = () => {
        throw new TypeError('simulated bug');
      };
      const [t1, p1] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(tp) }));
      expect([t1, errCode(p1)]).toEqual([RPC_ERROR, Err.Code.SERVICE_UNAVAILABLE]);
      expect(lines.some((l) => l.level === 'error' && l.msg.includes('bug in a6kit'))).toBe(true);
      confs.get = realGet;
      // Undecodable bytes are the peer's fault: BAD_REQUEST, the connection stays usable.
      const [t2, p2] = await c.exchange(RPC_HTTP_REQ_CALL, Buffer.from('not a flatbuffer'));
      expect([t2, errCode(p2)]).toEqual([RPC_ERROR, Err.Code.BAD_REQUEST]);
      const [t3] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(tp) }));
      expect(t3).toBe(RPC_HTTP_REQ_CALL);
      await c.close();
      await core.drain(100);
    } finally {
      server.close();
      tmp.cleanup();
    }
  });
});
