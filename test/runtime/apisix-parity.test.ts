/**
 * Where a6kit must match what APISIX's client really does with a reply
 * (apisix/plugins/ext-plugin/init.lua, ext-plugin-post-resp.lua) and what nginx does with the
 * headers APISIX sets (lua-nginx-module: an empty value is never sent, a missing one clears).
 * The simulator is checked against hand-made replies from a scripted fake runner; the runner is
 * checked through the simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Duplex } from 'node:stream';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startTestRunner, type TestRunner, GatewaySimulator } from '../../runtime/testkit/index.js';
import { memoryPair } from '../../runtime/testkit/memory-pipe.js';
import { FrameReader, encodeFrame, RPC_EXTRA_INFO, RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF } from '../../runtime/frame.js';
import { buildBodyAsk } from '../../runtime/codec.js';
import * as P from './plugins.js';
import { definePlugin } from '../../runtime/plugin.js';
import { Builder, ByteBuffer, ExtraInfo, HTTPReqCall, HTTPRespCall, PrepareConf, TextEntry } from './helpers.js';

type Entry = [string, string | null];

function entries(b: Builder, list: Entry[]): number[] {
  return list.map(([k, v]) => {
    const n = b.createString(k);
    const val = v === null ? 0 : b.createString(v);
    TextEntry.startTextEntry(b);
    TextEntry.addName(b, n);
    if (val) TextEntry.addValue(b, val);
    return TextEntry.endTextEntry(b);
  });
}

type Ask = (question: Uint8Array) => Promise<Uint8Array | null>;

/**
 * A fake runner that gives every PrepareConf token 5 and answers calls with `reply(type, id, ask)`,
 * where `ask` sends an ExtraInfo question and resolves to the gateway's result (null = none).
 */
async function scripted(
  reply: (type: number, id: number, ask: Ask) => Uint8Array | Promise<Uint8Array>,
): Promise<GatewaySimulator> {
  const serve = (sock: Duplex): void => {
    let answer: ((p: Buffer) => void) | undefined;
    const ask: Ask = (question) =>
      new Promise((resolve) => {
        answer = (p) => resolve(ExtraInfo.Resp.getRootAsResp(new ByteBuffer(p)).resultArray());
        sock.write(encodeFrame(RPC_EXTRA_INFO, question));
      });
    const reader = new FrameReader((type, payload) => {
      const b = new Builder(64);
      if (type === RPC_EXTRA_INFO) {
        answer?.(Buffer.from(payload));
        return;
      }
      if (type === RPC_PREPARE_CONF) {
        b.finish(PrepareConf.Resp.createResp(b, 5));
        sock.write(encodeFrame(RPC_PREPARE_CONF, b.asUint8Array()));
        return;
      }
      const bb = new ByteBuffer(payload);
      const id =
        type === RPC_HTTP_REQ_CALL ? HTTPReqCall.Req.getRootAsReq(bb).id() : HTTPRespCall.Req.getRootAsReq(bb).id();
      void Promise.resolve(reply(type, id, ask)).then((out) => sock.write(encodeFrame(type, out)));
    });
    sock.on('data', (c: Buffer) => reader.push(c));
  };
  return GatewaySimulator.over(() => {
    const [gateway, runner] = memoryPair();
    serve(runner);
    return Promise.resolve(gateway);
  });
}

function stopReply(id: number, headers: Entry[]): Uint8Array {
  const b = new Builder(256);
  const h = HTTPReqCall.Stop.createHeadersVector(b, entries(b, headers));
  HTTPReqCall.Stop.startStop(b);
  HTTPReqCall.Stop.addStatus(b, 403);
  HTTPReqCall.Stop.addHeaders(b, h);
  const stop = HTTPReqCall.Stop.endStop(b);
  b.finish(HTTPReqCall.Resp.createResp(b, id, HTTPReqCall.Action.Stop, stop));
  return b.asUint8Array().slice();
}

function rewriteReply(id: number, headers: Entry[], respHeaders: Entry[]): Uint8Array {
  const b = new Builder(256);
  const h = HTTPReqCall.Rewrite.createHeadersVector(b, entries(b, headers));
  const rh = HTTPReqCall.Rewrite.createRespHeadersVector(b, entries(b, respHeaders));
  HTTPReqCall.Rewrite.startRewrite(b);
  HTTPReqCall.Rewrite.addHeaders(b, h);
  HTTPReqCall.Rewrite.addRespHeaders(b, rh);
  const rw = HTTPReqCall.Rewrite.endRewrite(b);
  b.finish(HTTPReqCall.Resp.createResp(b, id, HTTPReqCall.Action.Rewrite, rw));
  return b.asUint8Array().slice();
}

function respCallReply(id: number, headers: Entry[]): Uint8Array {
  const b = new Builder(256);
  const h = HTTPRespCall.Resp.createHeadersVector(b, entries(b, headers));
  HTTPRespCall.Resp.startResp(b);
  HTTPRespCall.Resp.addId(b, id);
  HTTPRespCall.Resp.addHeaders(b, h);
  b.finish(HTTPRespCall.Resp.endResp(b));
  return b.asUint8Array().slice();
}

const plugin = [{ name: 'any', value: '' }];

/** Reads the upstream body and changes nothing else. */
const peek = definePlugin({
  name: 'peek',
  parseConf: () => null,
  async responseFilter(_c, res) {
    await res.body();
  },
});

describe('simulator applies header entries as APISIX + nginx do', () => {
  it('Stop: an empty value is not sent, a missing value clears, later entries add', async () => {
    const sim = await scripted((_t, id) =>
      stopReply(id, [
        ['X-Empty', ''],
        ['x-multi', 'a'],
        ['x-multi', ''], // add_header with '': nothing sent, 'a' stays
        ['x-multi', 'b'],
        ['x-cleared', 'c'],
        ['x-cleared', null], // add_header(name) with no value clears the header
        ['x-late', ''],
        ['x-late', 'l'], // the first (empty) set sent nothing; this add is sent
      ]),
    );
    const r = await sim.request(plugin, {});
    expect(r).toMatchObject({ kind: 'response', status: 403, headers: { 'x-multi': ['a', 'b'], 'x-late': 'l' } });
    expect(Object.keys((r as { headers: object }).headers).sort()).toEqual(['x-late', 'x-multi']);
    await sim.close();
  });

  it('Rewrite: a request header set to an empty value is removed; resp_headers follow the response rules', async () => {
    const sim = await scripted((_t, id) =>
      rewriteReply(
        id,
        [
          ['x-a', ''],
          ['x-b', 'v'],
        ],
        [
          ['x-r', ''],
          ['x-s', 's'],
        ],
      ),
    );
    const r = await sim.request(plugin, { headers: { 'x-a': '1', 'x-c': 'keep' } });
    expect(r).toMatchObject({ kind: 'upstream', respHeaders: { 'x-s': 's' } });
    if (r.kind !== 'upstream') throw new Error('unreachable');
    expect(r.request.headers).toEqual({ 'x-b': 'v', 'x-c': 'keep' });
    expect(r.respHeaders).toEqual({ 'x-s': 's' });
    await sim.close();
  });

  it('HTTPRespCall: reply headers replace the upstream ones; a valueless entry still counts as one', async () => {
    const sim = await scripted((_t, id) =>
      respCallReply(id, [
        ['x-gone', null],
        ['x-e', ''],
      ]),
    );
    const r = await sim.response(plugin, { headers: { 'x-up': 'u' }, body: 'b' });
    expect(r).toEqual({
      kind: 'response',
      status: 200,
      headers: {},
      body: 'b',
      bodyBytes: new Uint8Array(Buffer.from('b')),
    });
    await sim.close();
  });
});

describe('simulator answers ExtraInfo as APISIX does', () => {
  it('RespBody is read once: a second ask gets nothing and leaves the client an empty body', async () => {
    const got: (string | null)[] = [];
    const sim = await scripted(async (_t, id, ask) => {
      for (let i = 0; i < 2; i++) {
        const r = await ask(buildBodyAsk(new Builder(64), 'response').slice());
        got.push(r === null ? null : Buffer.from(r).toString());
      }
      return respCallReply(id, []);
    });
    const r = await sim.response(plugin, { body: 'upstream body' });
    expect(got).toEqual(['upstream body', '']);
    expect(r).toMatchObject({ status: 200, body: '' });
    await sim.close();
  });

  it('RespBody in the request phase has no result (APISIX has no upstream response yet)', async () => {
    let got: Uint8Array | null = new Uint8Array(1);
    const sim = await scripted(async (_t, id, ask) => {
      got = await ask(buildBodyAsk(new Builder(64), 'response').slice());
      return stopReply(id, []);
    });
    await sim.request(plugin, { body: 'request body' });
    expect(got).toBeNull();
    await sim.close();
  });
});

describe('runner replies, applied by the simulator', () => {
  let t: TestRunner;
  beforeAll(async () => {
    t = await startTestRunner([...P.all, peek], { transport: 'memory' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('post-resp: deleting every header the client would get leaves none (an empty list makes APISIX copy the upstream ones)', async () => {
    const r = await t.simulator.response([{ name: 'resp', conf: { del: ['x-secret'] } }], {
      status: 200,
      headers: { 'x-secret': 's', 'content-length': '2' },
      body: 'up',
    });
    expect(r).toEqual({
      kind: 'response',
      status: 200,
      headers: {},
      body: 'up',
      bodyBytes: new Uint8Array(Buffer.from('up')),
    });
  });

  it('post-resp: a plugin that leaves the headers alone keeps the ones APISIX would otherwise drop (content-type, content-encoding, location)', async () => {
    const headers = {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      location: '/next',
      'set-cookie': ['a=1', 'b=2'],
      'x-app': 'v1',
      'content-length': '2',
    };
    for (const conf of [{}, { status: 201 }, { upper: true }]) {
      const r = await t.simulator.response([{ name: 'resp', conf }], { status: 200, headers, body: 'up' });
      if (r.kind !== 'response') throw new Error(`unexpected ${r.kind}`);
      expect(r.headers, JSON.stringify(conf)).toEqual({
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        location: '/next',
        'set-cookie': ['a=1', 'b=2'],
        'x-app': 'v1',
      });
    }
  });

  it('post-resp: deleting the only header of the upstream also leaves none', async () => {
    const r = await t.simulator.response([{ name: 'resp', conf: { del: ['x-only'] } }], { headers: { 'x-only': '1' } });
    expect(r).toMatchObject({ status: 200 });
    expect((r as { headers: object }).headers).toEqual({});
  });

  it('post-resp: several plugins reading the body ask APISIX once, so the client still gets it', async () => {
    const r = await t.simulator.response(
      [
        { name: 'peek', conf: {} },
        { name: 'peek', conf: {} },
      ],
      { body: 'xyz' },
    );
    expect(r).toMatchObject({ status: 200, body: 'xyz' });
  });

  it('the runner sees the first 100 request header lines only, as APISIX sends them; the upstream gets all', async () => {
    const headers: Record<string, string> = {};
    for (let i = 0; i <= 100; i++) headers[`x-h${i}`] = String(i);
    const seen = await t.simulator.request([{ name: 'inspect', conf: {} }], { headers });
    if (seen.kind !== 'response') throw new Error(`unexpected ${seen.kind}`);
    const got = (JSON.parse(seen.body) as { headers: Record<string, string[]> }).headers;
    expect(Object.keys(got)).toHaveLength(100);
    expect(got['x-h99']).toEqual(['99']);
    expect(got['x-h100']).toBeUndefined();
    const passed = await t.simulator.request([{ name: 'noop', conf: {} }], { headers });
    if (passed.kind !== 'upstream') throw new Error(`unexpected ${passed.kind}`);
    expect(passed.request.headers['x-h100']).toBe('100');
  });

  it('rewrite: a path without a leading slash is refused (APISIX would glue it to the upstream name)', async () => {
    for (const path of ['foo', '']) {
      const r = await t.simulator.request([{ name: 'rewrite', conf: { path } }], { path: '/a' });
      expect(r).toEqual({ kind: 'error', code: 'SERVICE_UNAVAILABLE', status: 503 });
    }
  });

  it('rewrite: a request header set to an empty string reaches the upstream as removed', async () => {
    const r = await t.simulator.request([{ name: 'rewrite', conf: { set: { 'x-a': '' } } }], {
      headers: { 'x-a': '1', 'x-b': '2' },
    });
    if (r.kind !== 'upstream') throw new Error(`unexpected ${r.kind}`);
    expect(r.request.headers).toEqual({ 'x-b': '2' });
  });
});

describe('process start', () => {
  it('a bad APISIX_CONF_EXPIRE_TIME is a fatal start error (exit 1), not an ignored rejection', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/runner.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, 'run'], {
      env: {
        ...process.env,
        APISIX_LISTEN_ADDRESS: 'unix:/tmp/a6kit-never-created.sock',
        APISIX_CONF_EXPIRE_TIME: 'soon',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(out).toContain('runner failed to start');
    expect(out).toContain('APISIX_CONF_EXPIRE_TIME');
  }, 30_000);
});
