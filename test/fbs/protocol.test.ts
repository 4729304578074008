/**
 * The ext-plugin codecs: the runner's runtime/protocol/ (readers, builders, verifiers: its import
 * shape as docs/protocol.md shows it, enum values, that it carries no other layer, that its string fast path is taken and
 * `flatbuffers` is pinned), and the plain values of the same schema (the `ext-plugin` golden case,
 * every layer): presence semantics, unions, reading buffers from a newer peer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as flatbuffers from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import * as Runner from '../../runtime/protocol/index.js';
import { stringPath, writeString } from '../../runtime/protocol/_support.js';
import {
  DataEntry,
  Err,
  ExtraInfo,
  HTTPReqCall,
  HTTPRespCall,
  Method,
  PrepareConf,
  TextEntry,
} from './cases/ext-plugin/expected/index.js';
import { REPO } from './support/oracle.js';

describe("runtime/protocol (the runner's layers)", () => {
  it('holds readers, builders and verifiers only', () => {
    const Req = Runner.HTTPReqCall.Req as unknown as Record<string, unknown>;
    expect(typeof Req.getRootAsReq).toBe('function');
    expect(typeof Req.startReq).toBe('function');
    expect(typeof Req.verify).toBe('function');
    for (const absent of ['decode', 'encode', 'toValue', 'pack']) expect(Req[absent], absent).toBeUndefined();
    expect((Runner.HTTPReqCall.Req.prototype as unknown as Record<string, unknown>).unpack).toBeUndefined();
    const index = readFileSync(join(REPO, 'runtime/protocol/index.ts'), 'utf8');
    expect(index).toContain('Layers: readers, builders, verify.');
  });

  it("reads strings through Node's native UTF-8 slice (fails if the fast path is no longer taken)", () => {
    expect(stringPath).toBe('node');
    // The fast path must give what the portable one gives, for any bytes (invalid UTF-8 included).
    const names = ['host', 'höst', '日本語', 'a'.repeat(300), '', 'emoji-😀'];
    const bytes = PrepareConf.Req.encode({ conf: names.map((name) => ({ name })) });
    const fw = Runner.PrepareConf.Req.getRootAsReq(new flatbuffers.ByteBuffer(bytes));
    expect(Array.from({ length: fw.confLength() }, (_, i) => fw.conf(i)!.name())).toEqual(names);
    const raw = Buffer.from(bytes);
    const at = raw.indexOf('höst');
    raw[at + 1] = 0xff; // not UTF-8
    const bad = Runner.PrepareConf.Req.getRootAsReq(new flatbuffers.ByteBuffer(raw));
    expect(bad.conf(1)!.name()).toBe(new TextDecoder().decode(raw.subarray(at, at + 5)));
  });

  it('writes strings with the bytes builder.createString writes, on the fast and the portable path alike', () => {
    for (const text of [
      '',
      'host',
      'a'.repeat(64),
      'a'.repeat(65),
      'b'.repeat(5000),
      'höst',
      '日本語のヘッダー',
      'emoji-😀',
    ]) {
      const ours = new flatbuffers.Builder(16);
      ours.finish(writeString(ours, text));
      const lib = new flatbuffers.Builder(16);
      lib.finish(lib.createString(text));
      expect(ours.asUint8Array(), text.slice(0, 20)).toEqual(lib.asUint8Array());
    }
  });

  it('pins flatbuffers exactly (package.json, lockfile and the installed copy agree)', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const pinned = pkg.dependencies.flatbuffers!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
    };
    expect(lock.packages['']!.dependencies!.flatbuffers).toBe(pinned);
    expect(lock.packages['node_modules/flatbuffers']!.version).toBe(pinned);
    const installed = JSON.parse(readFileSync(join(REPO, 'node_modules/flatbuffers/package.json'), 'utf8')) as {
      version: string;
    };
    expect(installed.version).toBe(pinned);
  });
});

describe('ext-plugin plain values (every layer)', () => {
  it('exports the contract shape with flatc names and values', () => {
    expect(Err.Code.CONF_TOKEN_NOT_FOUND).toBe(2);
    expect(HTTPReqCall.Action.Stop).toBe(1);
    expect(HTTPReqCall.Action.Rewrite).toBe(2);
    expect(ExtraInfo.Info.RespBody).toBe(3);
    expect(Method.TRACE).toBe(14);
    for (const c of [
      TextEntry,
      DataEntry,
      PrepareConf.Req,
      PrepareConf.Resp,
      HTTPReqCall.Req,
      HTTPReqCall.Resp,
      HTTPReqCall.Stop,
      HTTPReqCall.Rewrite,
      ExtraInfo.Req,
      ExtraInfo.Resp,
      ExtraInfo.Var,
      ExtraInfo.ReqBody,
      ExtraInfo.RespBody,
      HTTPRespCall.Req,
      HTTPRespCall.Resp,
      Err.Resp,
    ]) {
      expect(typeof c).toBe('function');
    }
    expect(typeof HTTPReqCall.Stop.createHeadersVector).toBe('function');
    expect(typeof HTTPReqCall.Stop.createBodyVector).toBe('function');
  });

  it('keeps presence: absent strings and bytes are null, empty ones are empty', () => {
    const absent = HTTPReqCall.Rewrite.decode(HTTPReqCall.Rewrite.encode({}));
    expect(absent).toEqual({ path: null, headers: [], args: [], respHeaders: [], body: null });
    const empty = HTTPReqCall.Rewrite.decode(
      HTTPReqCall.Rewrite.encode({ path: '', body: new Uint8Array(0), headers: [] }),
    );
    expect(empty.path).toBe('');
    expect(empty.body).toEqual(new Uint8Array(0));
    // A header deletion is an entry without value.
    const del = HTTPReqCall.Rewrite.decode(HTTPReqCall.Rewrite.encode({ headers: [{ name: 'x-drop' }] }));
    expect(del.headers).toEqual([{ name: 'x-drop', value: null }]);
  });

  it('round-trips unions as discriminated values', () => {
    const stop = HTTPReqCall.Resp.decode(
      HTTPReqCall.Resp.encode({
        id: 9,
        action: {
          type: 'Stop',
          value: { status: 403, body: new TextEncoder().encode('no'), headers: [{ name: 'a', value: 'b' }] },
        },
      }),
    );
    expect(stop.action?.type).toBe('Stop');
    if (stop.action?.type !== 'Stop') throw new Error('unreachable');
    expect(stop.action.value.status).toBe(403);
    expect(new TextDecoder().decode(stop.action.value.body)).toBe('no');
    expect(HTTPReqCall.Resp.decode(HTTPReqCall.Resp.encode({ id: 1 })).action).toBeNull();
    const info = ExtraInfo.Req.decode(ExtraInfo.Req.encode({ info: { type: 'RespBody', value: {} } }));
    expect(info.info).toEqual({ type: 'RespBody', value: {} });
  });

  it('reads a union member this schema does not know (newer peer) as absent', () => {
    const b = new flatbuffers.Builder(64);
    const other = HTTPReqCall.Stop.pack(b, { status: 200 });
    HTTPReqCall.Resp.startResp(b);
    HTTPReqCall.Resp.addId(b, 5);
    HTTPReqCall.Resp.addActionType(b, 7 as HTTPReqCall.Action);
    HTTPReqCall.Resp.addAction(b, other);
    b.finish(HTTPReqCall.Resp.endResp(b));
    expect(HTTPReqCall.Resp.decode(b.asUint8Array())).toEqual({ id: 5, action: null });
  });

  it('ignores fields appended by a newer schema version', () => {
    // Req of HTTPRespCall with an extra slot (7) past conf_token, as a future protocol might send.
    const b = new flatbuffers.Builder(64);
    b.startObject(5);
    b.addFieldInt32(0, 77, 0);
    b.addFieldInt16(1, 502, 0);
    b.addFieldInt32(3, 12, 0);
    b.addFieldInt32(4, 99, 0);
    b.finish(b.endObject());
    expect(HTTPRespCall.Req.decode(b.asUint8Array())).toEqual({ id: 77, status: 502, headers: [], confToken: 12 });
  });

  it('reads non-ASCII text through the decoder and ASCII through the fast path alike', () => {
    const names = ['x', 'höst', 'a'.repeat(40), '日本語のヘッダー', 'emoji-😀', ''];
    const v = PrepareConf.Req.decode(
      PrepareConf.Req.encode({ key: 'k', conf: names.map((name) => ({ name, value: name })) }),
    );
    expect(v.conf.map((e) => e.name)).toEqual(names);
    const fw = PrepareConf.Req.getRootAsReq(
      new flatbuffers.ByteBuffer(PrepareConf.Req.encode({ conf: names.map((name) => ({ name })) })),
    );
    expect(Array.from({ length: fw.confLength() }, (_, i) => fw.conf(i)!.name())).toEqual(names);
    expect(fw.conf(1)!.name(flatbuffers.Encoding.UTF8_BYTES)).toEqual(new TextEncoder().encode('höst'));
  });

  it('encode reuses a caller builder', () => {
    const b = new flatbuffers.Builder(16);
    const one = HTTPReqCall.Resp.encode({ id: 1 }, b).slice();
    const two = HTTPReqCall.Resp.encode({ id: 1 }, b);
    expect(two).toEqual(one);
  });
});
