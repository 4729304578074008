/**
 * The gateway contract, over a real unix socket: what APISIX's ext-plugin client sends and how it
 * reads the replies (apisix/plugins/ext-plugin/init.lua).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { startTestRunner, type TestRunner } from '../../runtime/testkit/index.js';
import { startRunner } from '../../runtime/server.js';
import { createLogger } from '../../runtime/logger.js';
import {
  RPC_ERROR,
  RPC_EXTRA_INFO,
  RPC_HTTP_REQ_CALL,
  RPC_HTTP_RESP_CALL,
  RPC_PREPARE_CONF,
} from '../../runtime/frame.js';
import * as P from './plugins.js';
import {
  Err,
  ExtraInfo,
  HTTPReqCall,
  HTTPRespCall,
  ByteBuffer,
  RawClient,
  decodeExtraInfoReq,
  decodeReqCallResp,
  errCode,
  extraInfoResp,
  prepareConf,
  reqCall,
  respCall,
  tempDir,
  tokenOf,
  until,
} from './helpers.js';

let t: TestRunner;
const silent = createLogger('silent');
beforeAll(async () => {
  t = await startTestRunner(P.all, { callTimeoutMs: 300 });
});
afterAll(async () => {
  await t.close();
});

async function prepare(
  c: RawClient,
  key: string,
  conf: { name: string; value: string }[] | undefined,
): Promise<number> {
  const [type, payload] = await c.exchange(RPC_PREPARE_CONF, prepareConf(key, conf));
  expect(type).toBe(RPC_PREPARE_CONF);
  return tokenOf(payload);
}

describe('PrepareConf and tokens', () => {
  it('gives a token, also for an empty or absent conf list, valid on every connection', async () => {
    const a = await RawClient.open(t.address);
    const b = await RawClient.open(t.address);
    const t1 = await prepare(a, 'k-empty', []);
    const t2 = await prepare(a, 'k-absent', undefined);
    expect(t1).not.toBe(0);
    expect(t2).not.toBe(0);
    expect(t1).not.toBe(t2);
    const [type, payload] = await b.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: t1, id: 42 }));
    expect(type).toBe(RPC_HTTP_REQ_CALL);
    const resp = decodeReqCallResp(payload);
    expect(resp.id()).toBe(42);
    expect(resp.actionType()).toBe(HTTPReqCall.Action.NONE);
    await a.close();
    await b.close();
  });

  it('returns the cached token for the same key and conf, a new one when the conf differs', async () => {
    const c = await RawClient.open(t.address);
    const conf = [{ name: 'noop', value: '{}' }];
    const x = await prepare(c, 'route#1#v1', conf);
    expect(await prepare(c, 'route#1#v1', conf)).toBe(x);
    expect(await prepare(c, 'route#1#v1', [{ name: 'noop', value: '{"a":1}' }])).not.toBe(x);
    await c.close();
  });

  it('hands out unpredictable tokens (not a counter)', async () => {
    const c = await RawClient.open(t.address);
    const tokens: number[] = [];
    for (let i = 0; i < 20; i++) tokens.push(await prepare(c, `seq-${i}`, []));
    const steps = new Set(tokens.slice(1).map((v, i) => v - tokens[i]!));
    expect(steps.size).toBeGreaterThan(15);
    expect(new Set(tokens).size).toBe(20);
    await c.close();
  });

  it('answers CONF_TOKEN_NOT_FOUND for an unknown token; the simulator re-prepares like APISIX', async () => {
    const c = await RawClient.open(t.address);
    const [type, payload] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: 12345 }));
    expect(type).toBe(RPC_ERROR);
    expect(errCode(payload)).toBe(Err.Code.CONF_TOKEN_NOT_FOUND);
    const [type2, payload2] = await c.exchange(RPC_HTTP_RESP_CALL, respCall({ token: 12345 }));
    expect(type2).toBe(RPC_ERROR);
    expect(errCode(payload2)).toBe(Err.Code.CONF_TOKEN_NOT_FOUND);
    await c.close();

    // A runner restart loses tokens while APISIX still holds them.
    const other = await startTestRunner(P.all);
    const r1 = await other.simulator.request([{ name: 'stop', conf: { body: 'a' } }]);
    expect(r1.kind).toBe('response');
    const before = other.simulator.prepareCount;
    await other.close();
    const again = await startRunner({ plugins: P.all, logger: silent, address: other.address });
    try {
      const { GatewaySimulator } = await import('../../runtime/testkit/index.js');
      // Reuse a simulator that still caches the old token: it must recover transparently.
      const sim = await GatewaySimulator.connect(again.address);
      (sim as unknown as { tokens: Map<string, number> }).tokens.set('route#1#ext-plugin-pre-req#1', 999);
      const r2 = await sim.request([{ name: 'stop', conf: { body: 'a' } }]);
      expect(r2).toMatchObject({ kind: 'response', body: 'a' });
      expect(sim.prepareCount).toBe(1);
      expect(before).toBe(1);
      await sim.close();
    } finally {
      await again.close();
      rmSync(dirname(again.address.slice('unix:'.length)), { recursive: true, force: true });
    }
  });

  it('fails closed on an unknown plugin or an invalid config (BAD_REQUEST -> 503)', async () => {
    expect(await t.simulator.request([{ name: 'missing', conf: {} }])).toEqual({
      kind: 'error',
      code: 'BAD_REQUEST',
      status: 503,
    });
    expect(await t.simulator.request([{ name: 'strict', conf: { n: 'x' } }])).toEqual({
      kind: 'error',
      code: 'BAD_REQUEST',
      status: 503,
    });
    expect(await t.simulator.request([{ name: 'strict', value: '{not json' }])).toEqual({
      kind: 'error',
      code: 'BAD_REQUEST',
      status: 503,
    });
    const ok = await t.simulator.request([{ name: 'strict', conf: { n: 3 } }]);
    expect(ok.kind === 'upstream' && ok.request.headers['x-n']).toBe('3');
  });

  it('with skipInvalidConf leaves bad entries out and runs the rest', async () => {
    const s = await startTestRunner(P.all, { skipInvalidConf: true });
    try {
      const r = await s.simulator.request([
        { name: 'missing', conf: {} },
        { name: 'strict', conf: {} },
        { name: 'stop', conf: { body: 'still' } },
      ]);
      expect(r).toMatchObject({ kind: 'response', body: 'still' });
    } finally {
      await s.close();
    }
  });

  it('passes requests on with allow_degradation when the runner refuses', async () => {
    const s = await startTestRunner(P.all, { allowDegradation: true });
    try {
      const r = await s.simulator.request([{ name: 'missing', conf: {} }], { path: '/p', headers: { a: 'b' } });
      expect(r).toMatchObject({ kind: 'upstream', request: { path: '/p', headers: { a: 'b' } } });
    } finally {
      await s.close();
    }
  });
});

describe('HTTPReqCall', () => {
  it('Stop: status, repeated headers, body; status defaults to 200', async () => {
    const r = await t.simulator.request([
      { name: 'stop', conf: { status: 403, body: 'no', headers: { 'X-A': ['1', '2'], 'x-b': 'c' } } },
    ]);
    expect(r).toMatchObject({ kind: 'response', status: 403, body: 'no', headers: { 'x-a': ['1', '2'], 'x-b': 'c' } });
    const d = await t.simulator.request([{ name: 'stop', conf: { body: 'x' } }]);
    expect(d).toMatchObject({ kind: 'response', status: 200, body: 'x' });
  });

  it('the first plugin that responds stops the chain; earlier ones run in conf order', async () => {
    const r = await t.simulator.request([
      { name: 'rewrite', conf: { set: { 'x-first': '1' } } },
      { name: 'stop', conf: { body: 'stopped' } },
      { name: 'throws', conf: {} },
    ]);
    expect(r).toMatchObject({ kind: 'response', body: 'stopped' });
  });

  it('Rewrite carries only what changed: path, headers set/delete, host, args, resp headers, body', async () => {
    const r = await t.simulator.request(
      [
        {
          name: 'rewrite',
          conf: {
            path: '/new',
            set: { 'X-Set': 'v', 'x-multi': ['a', 'b'], host: 'up.example' },
            del: ['x-gone'],
            args: { k: ['1', '2'] },
            appendArgs: { keep: 'more' },
            delArgs: ['drop'],
            resp: { 'x-resp': ['r1', 'r2'], 'content-type': 'ignored/by-apisix' },
            body: 'new body',
          },
        },
      ],
      {
        path: '/old',
        headers: { 'x-gone': 'bye', 'x-stay': 's', host: 'client.example' },
        args: { k: 'old', keep: 'x', drop: 'y' },
        body: 'old body',
      },
    );
    expect(r).toEqual({
      kind: 'upstream',
      request: {
        method: 'GET',
        path: '/new',
        args: { k: ['1', '2'], keep: ['x', 'more'] },
        headers: { 'x-stay': 's', host: 'up.example', 'x-set': 'v', 'x-multi': 'a, b' },
        body: 'new body',
        bodyBytes: new Uint8Array(Buffer.from('new body')),
      },
      respHeaders: { 'x-resp': ['r1', 'r2'] },
    });
  });

  it('applies a rewritten path the way APISIX does (nginx URI escaping, no query string)', async () => {
    const r = await t.simulator.request([{ name: 'rewrite', conf: { path: '/a b/ü?x=1#f%' } }], { path: '/' });
    expect(r.kind === 'upstream' && r.request.path).toBe('/a%20b/%C3%BC%3Fx=1%23f%25');
  });

  it('proxies to the upstream host when nothing changes it', async () => {
    const r = await t.simulator.request([{ name: 'noop', conf: {} }], {
      headers: { host: 'client.example', a: 'b' },
      vars: { upstream_host: 'backend.internal' },
    });
    expect(r).toMatchObject({ kind: 'upstream', request: { headers: { host: 'backend.internal', a: 'b' } } });
  });

  it('sends no action at all when nothing changed (also when plugins only read)', async () => {
    const c = await RawClient.open(t.address);
    const tok = await prepare(c, 'noop-read', [
      { name: 'noop', value: '' },
      { name: 'rewrite', value: '{}' },
    ]);
    const [type, payload] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tok, id: 77, headers: [['a', 'b']] }));
    expect(type).toBe(RPC_HTTP_REQ_CALL);
    const resp = decodeReqCallResp(payload);
    expect(resp.id()).toBe(77);
    expect(resp.actionType()).toBe(HTTPReqCall.Action.NONE);
    await c.close();
  });

  it('exposes method, path, args (flags as empty), headers (lower-cased, repeated), IPv4/IPv6 source', async () => {
    const r = await t.simulator.request([{ name: 'inspect', conf: {} }], {
      method: 'PATCH',
      path: '/x/y',
      headers: { 'X-Rep': ['1', '2'], Accept: 'a' },
      args: { q: ['1', '2'], Case: 'Kept' },
      srcIp: '2001:db8::ff00:42:8329',
    });
    expect(r.kind).toBe('response');
    const seen: unknown = JSON.parse(r.kind === 'response' ? r.body : '{}');
    expect(seen).toMatchObject({
      method: 'PATCH',
      path: '/x/y',
      srcIp: '2001:db8::ff00:42:8329',
      headers: { 'x-rep': ['1', '2'], accept: ['a'] },
      args: { q: ['1', '2'], Case: ['Kept'] },
    });
    const v4 = await t.simulator.request([{ name: 'inspect', conf: {} }], {
      srcIp: '203.0.113.9',
      headers: { host: 'client.example' },
      vars: { upstream_host: 'backend.internal' },
    });
    const seen4 = JSON.parse(v4.kind === 'response' ? v4.body : '{}') as {
      srcIp: string;
      headers: Record<string, string[]>;
    };
    expect(seen4.srcIp).toBe('203.0.113.9');
    // APISIX sends the upstream host as `host`.
    expect(seen4.headers.host).toEqual(['backend.internal']);

    // An argument without value (`?flag`) arrives as an entry without value.
    const c = await RawClient.open(t.address);
    const tok = await prepare(c, 'inspect-flag', [{ name: 'inspect', value: '{}' }]);
    const [, payload] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tok, args: [['flag', null]] }));
    const stop = decodeReqCallResp(payload).action(new HTTPReqCall.Stop()) as HTTPReqCall.Stop;
    expect((JSON.parse(Buffer.from(stop.bodyArray()!).toString()) as { args: unknown }).args).toEqual({ flag: [''] });
    await c.close();
  });

  it('fetches vars and the body through ExtraInfo, once per request', async () => {
    const c = await RawClient.open(t.address);
    const tok = await prepare(c, 'inspect-vars', [
      { name: 'inspect', value: '{"vars":["remote_port","nope"],"body":true}' },
    ]);
    c.send(RPC_HTTP_REQ_CALL, reqCall({ token: tok, id: 5 }));
    const asked: string[] = [];
    for (;;) {
      const [type, payload] = await c.next();
      if (type !== RPC_EXTRA_INFO) {
        expect(type).toBe(RPC_HTTP_REQ_CALL);
        const stop = decodeReqCallResp(payload).action(new HTTPReqCall.Stop()) as HTTPReqCall.Stop;
        const seen = JSON.parse(Buffer.from(stop.bodyArray()!).toString()) as { vars: unknown; body: unknown };
        expect(seen.vars).toEqual({ remote_port: '5555', nope: null });
        expect(seen.body).toBe('payload');
        break;
      }
      const info = decodeExtraInfoReq(payload);
      if (info.infoType() === ExtraInfo.Info.Var) {
        const name = (info.info(new ExtraInfo.Var()) as ExtraInfo.Var).name()!;
        asked.push(name);
        c.send(RPC_EXTRA_INFO, extraInfoResp(name === 'remote_port' ? Buffer.from('5555') : undefined));
      } else {
        expect(info.infoType()).toBe(ExtraInfo.Info.ReqBody);
        asked.push('<body>');
        c.send(RPC_EXTRA_INFO, extraInfoResp(Buffer.from('payload')));
      }
    }
    expect(asked).toEqual(['remote_port', 'nope', '<body>']);
    await c.close();
  });

  it('keeps the connection in step when a call ends with an ExtraInfo question still open', async () => {
    const c = await RawClient.open(t.address);
    const tok = await prepare(c, 'careless', [{ name: 'careless', value: '' }]);
    const stopTok = await prepare(c, 'careless-next', [{ name: 'stop', value: '{"body":"next"}' }]);
    for (let round = 0; round < 3; round++) {
      c.send(RPC_HTTP_REQ_CALL, reqCall({ token: tok, id: round }));
      // As APISIX does: answer ExtraInfo requests until the reply comes.
      for (;;) {
        const [type, payload] = await c.next();
        if (type === RPC_EXTRA_INFO) {
          c.send(RPC_EXTRA_INFO, extraInfoResp(Buffer.from('x')));
          continue;
        }
        expect(type).toBe(RPC_HTTP_REQ_CALL);
        expect(decodeReqCallResp(payload).id()).toBe(round);
        break;
      }
      const [type, payload] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: stopTok, id: 100 + round }));
      expect(type).toBe(RPC_HTTP_REQ_CALL);
      expect(decodeReqCallResp(payload).id()).toBe(100 + round);
    }
    await c.close();
    for (let i = 0; i < 3; i++)
      expect(await t.simulator.request([{ name: 'careless', conf: {} }])).toMatchObject({
        body: 'answered without waiting',
      });
    expect(await t.simulator.request([{ name: 'stop', conf: { body: 'fine' } }])).toMatchObject({ body: 'fine' });
  });

  it('answers SERVICE_UNAVAILABLE for a throwing plugin and keeps serving', async () => {
    expect(await t.simulator.request([{ name: 'throws', conf: {} }])).toEqual({
      kind: 'error',
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
    });
    expect(await t.simulator.request([{ name: 'throws', conf: { async: true } }])).toEqual({
      kind: 'error',
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
    });
    expect(await t.simulator.request([{ name: 'stop', conf: { body: 'alive' } }])).toMatchObject({ body: 'alive' });
  });

  it('answers SERVICE_UNAVAILABLE when a plugin misses the deadline, and stays usable', async () => {
    const pending = t.simulator.request([{ name: 'hang', conf: {} }]);
    expect(await t.simulator.request([{ name: 'stop', conf: { body: 'meanwhile' } }])).toMatchObject({
      body: 'meanwhile',
    });
    expect(await pending).toEqual({ kind: 'error', code: 'SERVICE_UNAVAILABLE', status: 503 });
  });
});

describe('HTTPRespCall', () => {
  it('passes the upstream status and headers; no change means no status or body, and the upstream headers as they came', async () => {
    const c = await RawClient.open(t.address);
    const tok = await prepare(c, 'resp-none', [{ name: 'resp', value: '{}' }]);
    const headers: [string, string][] = [
      ['a', 'b'],
      ['content-type', 'text/html'],
      ['content-length', '9'],
    ];
    const [type, payload] = await c.exchange(
      RPC_HTTP_RESP_CALL,
      respCall({ token: tok, id: 31, status: 201, headers }),
    );
    expect(type).toBe(RPC_HTTP_RESP_CALL);
    const r = HTTPRespCall.Resp.getRootAsResp(new ByteBuffer(payload));
    expect([r.id(), r.status(), r.bodyLength()]).toEqual([31, 0, 0]);
    // Without headers in the reply APISIX would drop content-type (its exclude list); framing fields
    // are left to nginx.
    const sent = Array.from({ length: r.headersLength() }, (_, i) => [r.headers(i)!.name(), r.headers(i)!.value()]);
    expect(sent).toEqual([
      ['a', 'b'],
      ['content-type', 'text/html'],
    ]);
    await c.close();
  });

  it('sends the complete header set once a plugin changes one (APISIX drops the upstream headers then)', async () => {
    const r = await t.simulator.response([{ name: 'resp', conf: { set: { 'x-new': 'n' }, del: ['x-drop'] } }], {
      status: 200,
      headers: { 'content-type': 'text/plain', 'x-keep': ['1', '2'], 'x-drop': 'd', 'content-length': '2' },
      body: 'up',
    });
    expect(r).toEqual({
      kind: 'response',
      status: 200,
      headers: { 'content-type': 'text/plain', 'x-keep': ['1', '2'], 'x-new': 'n' },
      body: 'up',
      bodyBytes: new Uint8Array(Buffer.from('up')),
    });
  });

  it('changes status and body (body read through ExtraInfo RespBody), and reads vars', async () => {
    const r = await t.simulator.response([{ name: 'resp', conf: { status: 418, upper: true, var: 'upstream_addr' } }], {
      status: 200,
      body: 'hello',
      vars: { upstream_addr: '10.0.0.1:80' },
    });
    expect(r).toMatchObject({ status: 418, body: 'HELLO', headers: { 'x-var': '10.0.0.1:80' } });
  });

  it('a throwing response filter gives SERVICE_UNAVAILABLE', async () => {
    expect(await t.simulator.response([{ name: 'throws', conf: {} }], { body: 'x' })).toEqual({
      kind: 'error',
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
    });
  });
});

describe('errors and framing', () => {
  it('answers BAD_REQUEST for an unknown RPC type, an unexpected ExtraInfo and undecodable payloads, and keeps the connection', async () => {
    const c = await RawClient.open(t.address);
    for (const [type, payload] of [
      [9, Buffer.from('xx')],
      [RPC_ERROR, Buffer.alloc(0)],
      [RPC_EXTRA_INFO, extraInfoResp(undefined)],
      [RPC_PREPARE_CONF, Buffer.from('garbage!')],
      [RPC_HTTP_REQ_CALL, Buffer.alloc(0)],
      [RPC_HTTP_RESP_CALL, Buffer.from([0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0])],
    ] as const) {
      const [t2, p] = await c.exchange(type, payload);
      expect(t2).toBe(RPC_ERROR);
      expect(errCode(p)).toBe(Err.Code.BAD_REQUEST);
    }
    const tok = await prepare(c, 'after-garbage', []);
    expect(tok).not.toBe(0);
    await c.close();
  });

  it('answers SERVICE_UNAVAILABLE when the reply would exceed the frame limit', async () => {
    const r = await t.simulator.request([{ name: 'stop', conf: { size: 0xffffff } }]);
    expect(r).toEqual({ kind: 'error', code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(await t.simulator.request([{ name: 'stop', conf: { body: 'ok' } }])).toMatchObject({ body: 'ok' });
  });
});

describe('socket file', () => {
  it('creates the directory, sets mode 0766 by default or as configured, removes it on close', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'a', 'b', 'r.sock');
      const r = await startRunner({ plugins: [], logger: silent, address: `unix:${path}` });
      expect(statSync(path).mode & 0o777).toBe(0o766);
      await r.close();
      expect(() => statSync(path)).toThrow();
      const r2 = await startRunner({ plugins: [], logger: silent, address: `unix:${path}`, socketMode: 0o700 });
      expect(statSync(path).mode & 0o777).toBe(0o700);
      await r2.close();
    } finally {
      cleanup();
    }
  });

  it('replaces a stale socket (a live one is taken over: test/hostile/socket.test.ts), never a regular file', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'r.sock');
      // Left behind by a dead process: replaced.
      const dead = createServer().listen(path);
      await new Promise((r) => dead.once('listening', r));
      (dead as unknown as { _handle: { close(): void } })._handle.close();
      await new Promise((r) => setTimeout(r, 20));
      const r = await startRunner({ plugins: [], logger: silent, address: `unix:${path}` });
      const sim = await (await import('../../runtime/testkit/index.js')).GatewaySimulator.connect(r.address);
      expect(await sim.request([])).toMatchObject({ kind: 'upstream' });
      await sim.close();
      await r.close();
      const file = join(dir, 'file.sock');
      writeFileSync(file, 'x');
      await expect(startRunner({ plugins: [], logger: silent, address: `unix:${file}` })).rejects.toThrow(
        /not a socket/,
      );
    } finally {
      cleanup();
    }
  });
});

describe('in-memory transport (plugin tests without a socket)', () => {
  it('runs the same runner and simulator over in-process pipes', async () => {
    const m = await startTestRunner(P.all, { transport: 'memory', callTimeoutMs: 200 });
    try {
      expect(m.address).toBe('memory:');
      expect(await m.simulator.request([{ name: 'stop', conf: { status: 401, body: 'who?' } }])).toMatchObject({
        kind: 'response',
        status: 401,
        body: 'who?',
      });
      const r = await m.simulator.request([{ name: 'inspect', conf: { vars: ['remote_addr'], body: true } }], {
        body: 'b',
        srcIp: '10.1.2.3',
      });
      expect(JSON.parse(r.kind === 'response' ? r.body : '{}')).toMatchObject({
        vars: { remote_addr: '10.1.2.3' },
        body: 'b',
      });
      expect(await m.simulator.response([{ name: 'resp', conf: { upper: true } }], { body: 'up' })).toMatchObject({
        body: 'UP',
      });
      expect(await m.simulator.request([{ name: 'hang', conf: {} }])).toMatchObject({
        kind: 'error',
        code: 'SERVICE_UNAVAILABLE',
      });
      await until(() => m.connectionsOpen() === m.simulator.connections);
    } finally {
      await m.close();
    }
    expect(m.connectionsOpen()).toBe(0);
  });
});

describe('logs', () => {
  it('are JSON lines naming plugin, route key and reason; repeated refusals are logged once; bodies never', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(
          ...chunk
            .toString()
            .split('\n')
            .filter((l) => l !== ''),
        );
        done();
      },
    });
    const s = await startTestRunner(P.all, { logger: createLogger('info', sink) });
    try {
      for (let i = 0; i < 3; i++) {
        expect(await s.simulator.request([{ name: 'strict', conf: { n: 'secret-config-value' } }])).toMatchObject({
          code: 'BAD_REQUEST',
        });
      }
      await s.simulator.request(
        [
          { name: 'echo-body', conf: { mode: 'stop' } },
          { name: 'throws', conf: {} },
        ],
        { body: 'secret-body' },
      );
      await s.simulator.request(
        [
          { name: 'echo-body', conf: { mode: 'rewrite' } },
          { name: 'throws', conf: {} },
        ],
        { body: 'secret-body' },
      );
    } finally {
      await s.close();
    }
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const refused = logged.filter((l) => l.msg === 'conf refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      level: 'error',
      plugin: 'strict',
      pointer: '/n',
      reason: 'must be a number',
      key: expect.stringContaining('route#') as unknown,
    });
    const failed = logged.find((l) => l.msg === 'plugin failed' && l.plugin === 'throws');
    // The error keeps its class and message in the log, so an operator can tell a TypeError from a timeout.
    expect(failed?.err).toMatchObject({
      type: 'Error',
      message: 'boom',
      stack: expect.stringContaining('boom') as unknown,
    });
    expect(lines.join('\n')).not.toContain('secret-body');
    expect(lines.join('\n')).not.toContain('secret-config-value');
  });
});
