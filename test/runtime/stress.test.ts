/**
 * Robustness over a real socket: splits, big bodies, many connections, gateways that vanish,
 * 100 000 random and mutated frames, token expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestRunner, type TestRunner } from '../../runtime/testkit/index.js';
import {
  MAX_PAYLOAD,
  RPC_ERROR,
  RPC_EXTRA_INFO,
  RPC_HTTP_REQ_CALL,
  RPC_HTTP_RESP_CALL,
  RPC_PREPARE_CONF,
} from '../../runtime/frame.js';
import * as P from './plugins.js';
import {
  Err,
  HTTPReqCall,
  RawClient,
  decodeReqCallResp,
  errCode,
  extraInfoResp,
  frameBytes,
  prepareConf,
  reqCall,
  respCall,
  tokenOf,
  until,
} from './helpers.js';

let t: TestRunner;
beforeAll(async () => {
  t = await startTestRunner(P.all, { callTimeoutMs: 2000 });
});
afterAll(async () => {
  await t.close();
});

/** Payload bytes of the largest body that still fits one frame together with its envelope. */
const LARGEST = MAX_PAYLOAD - 64;

describe('framing over the socket', () => {
  it('survives requests written one byte at a time', async () => {
    const c = await RawClient.open(t.address);
    c.sock.setNoDelay?.(true);
    const writeSlowly = async (bytes: Uint8Array) => {
      for (const b of bytes) {
        c.write(Uint8Array.of(b));
        await new Promise((r) => setImmediate(r));
      }
    };
    await writeSlowly(
      frameBytes(RPC_PREPARE_CONF, prepareConf('bytewise', [{ name: 'stop', value: '{"body":"tiny"}' }])),
    );
    const [type, payload] = await c.next();
    expect(type).toBe(RPC_PREPARE_CONF);
    await writeSlowly(frameBytes(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(payload), id: 3 })));
    const [type2, payload2] = await c.next();
    expect(type2).toBe(RPC_HTTP_REQ_CALL);
    const stop = decodeReqCallResp(payload2).action(new HTTPReqCall.Stop()) as HTTPReqCall.Stop;
    expect(Buffer.from(stop.bodyArray()!).toString()).toBe('tiny');
    await c.close();
  });
});

describe('big bodies', () => {
  it('carries 1 MiB bodies in and out (request, Stop, Rewrite, response)', async () => {
    const body = Buffer.alloc(1 << 20, 'a');
    body.write('start');
    const stop = await t.simulator.request([{ name: 'echo-body', conf: { mode: 'stop' } }], { body });
    expect(stop.kind === 'response' && Buffer.from(stop.bodyBytes).equals(body)).toBe(true);
    const rw = await t.simulator.request([{ name: 'echo-body', conf: { mode: 'rewrite' } }], { body });
    expect(rw.kind === 'upstream' && Buffer.from(rw.request.bodyBytes).equals(body)).toBe(true);
    const resp = await t.simulator.response([{ name: 'echo-body', conf: { mode: 'stop' } }], { body });
    expect('bodyBytes' in resp && Buffer.from(resp.bodyBytes).equals(body)).toBe(true);
  });

  it('carries the largest body a frame can hold (16 MiB - 64 B) in and out', async () => {
    const body = Buffer.alloc(LARGEST, 'z');
    const len = await t.simulator.request([{ name: 'echo-body', conf: { mode: 'length' } }], { body });
    expect(len).toMatchObject({ kind: 'response', body: String(LARGEST) });
    const stop = await t.simulator.request([{ name: 'stop', conf: { size: LARGEST } }]);
    expect(stop.kind === 'response' && stop.bodyBytes.length).toBe(LARGEST);
    const resp = await t.simulator.response([{ name: 'echo-body', conf: { mode: 'stop' } }], { body });
    expect('bodyBytes' in resp && resp.bodyBytes.length).toBe(LARGEST);
  });
});

describe('connections', () => {
  it('serves 1 000 concurrent connections, each with a call waiting on ExtraInfo', async () => {
    const first = await RawClient.open(t.address);
    const [, p] = await first.exchange(
      RPC_PREPARE_CONF,
      prepareConf('many', [{ name: 'inspect', value: '{"vars":["who"]}' }]),
    );
    const token = tokenOf(p);
    await first.close();
    const clients: RawClient[] = [];
    for (let wave = 0; wave < 10; wave++) {
      clients.push(...(await Promise.all(Array.from({ length: 100 }, () => RawClient.open(t.address)))));
    }
    await until(() => t.connectionsOpen() >= 1000);
    // Every call is in flight at once: each waits for its var before any is answered.
    clients.forEach((c, i) => c.send(RPC_HTTP_REQ_CALL, reqCall({ token, id: i })));
    const asks = await Promise.all(clients.map((c) => c.next()));
    expect(asks.every(([type]) => type === RPC_EXTRA_INFO)).toBe(true);
    clients.forEach((c, i) => c.send(RPC_EXTRA_INFO, extraInfoResp(Buffer.from(`client-${i}`))));
    const replies = await Promise.all(clients.map((c) => c.next()));
    replies.forEach(([type, payload], i) => {
      expect(type).toBe(RPC_HTTP_REQ_CALL);
      const resp = decodeReqCallResp(payload);
      expect(resp.id()).toBe(i);
      const stop = resp.action(new HTTPReqCall.Stop()) as HTTPReqCall.Stop;
      expect((JSON.parse(Buffer.from(stop.bodyArray()!).toString()) as { vars: { who: string } }).vars.who).toBe(
        `client-${i}`,
      );
    });
    await Promise.all(clients.map((c) => c.close()));
    await until(() => t.connectionsOpen() <= t.simulator.connections);
  });

  it('cleans up when the gateway disconnects in the middle of an ExtraInfo exchange', async () => {
    const base = t.connectionsOpen();
    for (let i = 0; i < 20; i++) {
      const c = await RawClient.open(t.address);
      const [, p] = await c.exchange(
        RPC_PREPARE_CONF,
        prepareConf('vanish', [{ name: 'inspect', value: '{"vars":["a","b"],"body":true}' }]),
      );
      c.send(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(p) }));
      const [type] = await c.next();
      expect(type).toBe(RPC_EXTRA_INFO);
      if (i % 2 === 0) c.sock.destroy();
      else {
        // Half a frame, then gone.
        c.write(frameBytes(RPC_EXTRA_INFO, extraInfoResp(Buffer.from('x'))).subarray(0, 6));
        await new Promise((r) => setTimeout(r, 2));
        c.sock.destroy();
      }
    }
    await until(() => t.connectionsOpen() === base);
    expect(await t.simulator.request([{ name: 'stop', conf: { body: 'fine' } }])).toMatchObject({ body: 'fine' });
  });
});

describe('random and mutated frames', () => {
  it('answers 100 000 of them one by one, then still serves correctly and holds no connection', async () => {
    const f = await startTestRunner([P.stop, P.rewrite, P.noop, P.strict, P.resp]);
    try {
      const setup = await RawClient.open(f.address);
      const [, p] = await setup.exchange(
        RPC_PREPARE_CONF,
        prepareConf('fuzz', [
          { name: 'rewrite', value: '{"path":"/f","set":{"a":"b"},"args":{"q":"1"}}' },
          { name: 'stop', value: '{"body":"x"}' },
        ]),
      );
      const token = tokenOf(p);
      await setup.close();
      const valid: [number, Uint8Array][] = [
        [
          RPC_PREPARE_CONF,
          prepareConf('fuzz-k', [
            { name: 'strict', value: '{"n":1}' },
            { name: 'noop', value: '' },
          ]),
        ],
        [
          RPC_HTTP_REQ_CALL,
          reqCall({
            token,
            path: '/p',
            headers: [
              ['h', 'v'],
              ['host', 'x'],
            ],
            args: [
              ['a', '1'],
              ['f', null],
            ],
          }),
        ],
        [RPC_HTTP_RESP_CALL, respCall({ token, status: 200, headers: [['k', 'v']] })],
      ];
      const mutated = fc
        .tuple(
          fc.constantFrom(...valid),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
          fc.oneof(fc.constant(0), fc.nat({ max: 40 })),
          fc.boolean(),
        )
        .map(([[type, payload], flips, cut, retype]) => {
          const b = Buffer.from(payload);
          for (const [at, v] of flips) b[at % b.length] = v;
          const out = cut > 0 ? b.subarray(0, Math.max(0, b.length - cut)) : b;
          return [retype ? (type % 4) + 1 : type, out] as [number, Uint8Array];
        });
      const random = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 96 })) as fc.Arbitrary<
        [number, Uint8Array]
      >;
      const frames = fc.sample(fc.oneof({ arbitrary: mutated, weight: 3 }, { arbitrary: random, weight: 1 }), {
        numRuns: 100_000,
        seed: 0x6a6,
      });

      const lanes = 4;
      const clients = await Promise.all(Array.from({ length: lanes }, () => RawClient.open(f.address)));
      const seenTypes = new Map<number, number>();
      await Promise.all(
        clients.map(async (c, lane) => {
          const mine = frames.filter((_, i) => i % lanes === lane);
          for (let i = 0; i < mine.length; i += 1000) {
            const batch = mine.slice(i, i + 1000);
            c.write(Buffer.concat(batch.map(([ty, pl]) => frameBytes(ty, pl))));
            for (let left = batch.length; left > 0; left--) {
              const [ty, pl] = await c.next();
              // Counted rather than asserted one by one: 100 000 expect() calls would dominate the run.
              const tag = ty === RPC_ERROR ? -1 - errCode(pl) : ty;
              seenTypes.set(tag, (seenTypes.get(tag) ?? 0) + 1);
            }
          }
        }),
      );
      let total = 0;
      for (const n of seenTypes.values()) total += n;
      expect(total).toBe(100_000);
      // Only well-formed replies and the three protocol errors came back...
      const allowed = [
        RPC_PREPARE_CONF,
        RPC_HTTP_REQ_CALL,
        RPC_HTTP_RESP_CALL,
        -1 - Err.Code.BAD_REQUEST,
        -1 - Err.Code.SERVICE_UNAVAILABLE,
        -1 - Err.Code.CONF_TOKEN_NOT_FOUND,
      ];
      expect([...seenTypes.keys()].filter((k) => !allowed.includes(k))).toEqual([]);
      // ...and successes as well as refusals were exercised.
      expect(seenTypes.get(-1 - Err.Code.BAD_REQUEST)).toBeGreaterThan(1000);
      expect(seenTypes.get(-1 - Err.Code.CONF_TOKEN_NOT_FOUND)).toBeGreaterThan(100);
      // (Every frame now passes the generated verifier first, which refuses far more mutants than
      // the old spot checks did — a flipped string terminator, say: 461 of these succeed.)
      expect((seenTypes.get(RPC_HTTP_REQ_CALL) ?? 0) + (seenTypes.get(RPC_PREPARE_CONF) ?? 0)).toBeGreaterThan(250);

      // Lying length headers: the runner waits for bytes that never come, until the gateway leaves.
      for (const head of [
        [2, 0xff, 0xff, 0xff],
        [1, 0, 0, 50],
        [4, 0x10],
      ]) {
        const c = await RawClient.open(f.address);
        c.write(Uint8Array.from(head));
        await new Promise((r) => setTimeout(r, 5));
        c.sock.destroy();
      }
      await Promise.all(clients.map((c) => c.close()));
      const r = await f.simulator.request([{ name: 'rewrite', conf: { path: '/ok' } }], { path: '/a' });
      expect(r).toMatchObject({ kind: 'upstream', request: { path: '/ok' } });
      await until(() => f.connectionsOpen() === f.simulator.connections);
    } finally {
      await f.close();
    }
  });
});

describe('random ExtraInfo answers', () => {
  it('turn into a plugin error or a value, never into a stuck or out-of-step connection', async () => {
    const c = await RawClient.open(t.address);
    const [, p] = await c.exchange(
      RPC_PREPARE_CONF,
      prepareConf('fuzz-info', [{ name: 'inspect', value: '{"vars":["a"],"body":true}' }]),
    );
    const token = tokenOf(p);
    const valid = extraInfoResp(Buffer.from('value'));
    const answers = fc.sample(
      fc.oneof(
        fc.uint8Array({ maxLength: 64 }),
        fc
          .tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }))
          .map(([flips]) => {
            const b = Buffer.from(valid);
            for (const [at, v] of flips) b[at % b.length] = v;
            return new Uint8Array(b);
          }),
      ),
      { numRuns: 2000, seed: 7 },
    );
    const outcomes = new Map<string, number>();
    for (let i = 0; i < answers.length; i += 2) {
      c.send(RPC_HTTP_REQ_CALL, reqCall({ token, id: i }));
      let k = i;
      for (;;) {
        const [type, payload] = await c.next();
        if (type === RPC_EXTRA_INFO) {
          c.send(RPC_EXTRA_INFO, answers[k++ % answers.length]!);
          continue;
        }
        const tag = type === RPC_ERROR ? `error ${errCode(payload)}` : `reply ${decodeReqCallResp(payload).id() === i}`;
        outcomes.set(tag, (outcomes.get(tag) ?? 0) + 1);
        break;
      }
    }
    expect([...outcomes.keys()].sort()).toEqual([`error ${Err.Code.SERVICE_UNAVAILABLE}`, 'reply true']);
    await c.close();
  });
});

describe('token expiry', () => {
  it('forgets a token unused for APISIX_CONF_EXPIRE_TIME x 1.2 and keeps one in use', async () => {
    const s = await startTestRunner(P.all, { confExpireSeconds: 0.25 }); // 300 ms
    try {
      const c = await RawClient.open(s.address);
      const [, p1] = await c.exchange(RPC_PREPARE_CONF, prepareConf('idle', [{ name: 'noop', value: '' }]));
      const [, p2] = await c.exchange(RPC_PREPARE_CONF, prepareConf('busy', [{ name: 'noop', value: '' }]));
      const idle = tokenOf(p1);
      const busy = tokenOf(p2);
      for (let i = 0; i < 8; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const [type] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: busy }));
        expect(type).toBe(RPC_HTTP_REQ_CALL);
      }
      const [type, payload] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: idle }));
      expect(type).toBe(RPC_ERROR);
      expect(errCode(payload)).toBe(Err.Code.CONF_TOKEN_NOT_FOUND);
      // The key can be prepared again and gets a fresh token.
      const [, p3] = await c.exchange(RPC_PREPARE_CONF, prepareConf('idle', [{ name: 'noop', value: '' }]));
      expect(tokenOf(p3)).not.toBe(idle);
      await c.close();

      // The simulator recovers the way APISIX does: re-prepare and retry.
      expect(await s.simulator.request([{ name: 'stop', conf: { body: 'a' } }])).toMatchObject({ body: 'a' });
      await new Promise((r) => setTimeout(r, 700));
      const before = s.simulator.prepareCount;
      expect(await s.simulator.request([{ name: 'stop', conf: { body: 'a' } }])).toMatchObject({ body: 'a' });
      expect(s.simulator.prepareCount).toBe(before + 1);
    } finally {
      await s.close();
    }
  });
});
