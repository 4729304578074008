/**
 * The committed ext-plugin codecs (runtime/protocol/) as the runner uses them: the import shape of
 * CONTRACTS.md, enum values, presence semantics of the plain values, unions, and reading
 * buffers from a newer peer.
 */
import * as flatbuffers from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import {
  DataEntry, Err, ExtraInfo, HTTPReqCall, HTTPRespCall, Method, PrepareConf, TextEntry,
} from '../../runtime/protocol/index.js';

describe('runtime/protocol', () => {
  it('exports the contract shape with flatc names and values', () => {
    expect(Err.Code.CONF_TOKEN_NOT_FOUND).toBe(2);
    expect(HTTPReqCall.Action.Stop).toBe(1);
    expect(HTTPReqCall.Action.Rewrite).toBe(2);
    expect(ExtraInfo.Info.RespBody).toBe(3);
    expect(Method.TRACE).toBe(14);
    for (const c of [TextEntry, DataEntry, PrepareConf.Req, PrepareConf.Resp, HTTPReqCall.Req, HTTPReqCall.Resp,
      HTTPReqCall.Stop, HTTPReqCall.Rewrite, ExtraInfo.Req, ExtraInfo.Resp, ExtraInfo.Var, ExtraInfo.ReqBody,
      ExtraInfo.RespBody, HTTPRespCall.Req, HTTPRespCall.Resp, Err.Resp]) {
      expect(typeof c).toBe('function');
    }
    expect(typeof HTTPReqCall.Stop.createHeadersVector).toBe('function');
    expect(typeof HTTPReqCall.Stop.createBodyVector).toBe('function');
  });

  it('keeps presence: absent strings and bytes are null, empty ones are empty', () => {
    const absent = HTTPReqCall.Rewrite.decode(HTTPReqCall.Rewrite.encode({}));
    expect(absent).toEqual({ path: null, headers: [], args: [], respHeaders: [], body: null });
    const empty = HTTPReqCall.Rewrite.decode(HTTPReqCall.Rewrite.encode({ path: '', body: new Uint8Array(0), headers: [] }));
    expect(empty.path).toBe('');
    expect(empty.body).toEqual(new Uint8Array(0));
    // A header deletion is an entry without value.
    const del = HTTPReqCall.Rewrite.decode(HTTPReqCall.Rewrite.encode({ headers: [{ name: 'x-drop' }] }));
    expect(del.headers).toEqual([{ name: 'x-drop', value: null }]);
  });

  it('round-trips unions as discriminated values', () => {
    const stop = HTTPReqCall.Resp.decode(HTTPReqCall.Resp.encode({
      id: 9, action: { type: 'Stop', value: { status: 403, body: new TextEncoder().encode('no'), headers: [{ name: 'a', value: 'b' }] } },
    }));
    expect(stop.action?.type).toBe('Stop');
    if (stop.action?.type !== 'Stop') throw new Error('unreachable');
    expect(stop.action.value.status).toBe(403);
    expect(new TextDecoder().decode(stop.action.value.body!)).toBe('no');
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
    const v = PrepareConf.Req.decode(PrepareConf.Req.encode({ key: 'k', conf: names.map((name) => ({ name, value: name })) }));
    expect(v.conf.map((e) => e.name)).toEqual(names);
    const fw = PrepareConf.Req.getRootAsReq(new flatbuffers.ByteBuffer(PrepareConf.Req.encode({ conf: names.map((name) => ({ name })) })));
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
