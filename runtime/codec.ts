/**
 * Decoding of incoming payloads (with the sanity checks the generated flyweights leave out) and
 * building of every reply the runner sends, always into one reused Builder (cleared first).
 */
import { Builder, ByteBuffer, Err, ExtraInfo, HTTPReqCall, HTTPRespCall, PrepareConf, TextEntry } from './wire.js';
import type { CallRequest, ResponseWriter, UpstreamResponse } from './call-objects.js';
import type { ConfEntry } from './chain.js';
import type { FieldMap } from './fields.js';

export class BadPayload extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadPayload';
  }
}

/**
 * `new ByteBuffer()` builds a TextDecoder every time (a measurable share of a small call). When
 * the library's ByteBuffer has the shape this relies on, requests get one that shares a decoder;
 * otherwise the constructor is used as is.
 */
const byteBuffer: (bytes: Uint8Array) => ByteBuffer = (() => {
  const probe = new ByteBuffer(new Uint8Array(0)) as unknown as Record<string, unknown>;
  const keys = Object.keys(probe).sort().join(',');
  if (keys !== 'bytes_,position_,text_decoder_') return (bytes) => new ByteBuffer(bytes);
  const decoder = probe.text_decoder_;
  return (bytes) => {
    const bb = Object.create(ByteBuffer.prototype) as Record<string, unknown>;
    bb.bytes_ = bytes;
    bb.position_ = 0;
    bb.text_decoder_ = decoder;
    return bb as unknown as ByteBuffer;
  };
})();

/**
 * Checks that the root table and its vtable lie inside the payload. The flyweights read
 * out-of-range bytes as zero instead of failing, so this keeps garbage from looking valid.
 */
function root(payload: Uint8Array): ByteBuffer {
  const len = payload.length;
  if (len < 8) throw new BadPayload(`payload of ${len} bytes is too short`);
  // A Buffer, so strings can be read with the native decoder (see fieldString).
  const bb = byteBuffer(Buffer.isBuffer(payload) ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.length));
  const table = bb.readUint32(0);
  if (table < 4 || table > len - 4) throw new BadPayload('root table offset out of range');
  const vtable = table - bb.readInt32(table);
  if (vtable < 0 || vtable > len - 4) throw new BadPayload('vtable offset out of range');
  const vtLen = bb.readUint16(vtable);
  if (vtLen < 4 || vtable + vtLen > len) throw new BadPayload('vtable size out of range');
  return bb;
}

/** Guards loops over a vector of tables: each element needs 4 bytes, so a bigger count is a lie. */
function count(n: number, payloadLen: number, what: string): number {
  if (n * 4 > payloadLen) throw new BadPayload(`${what} claims ${n} entries in a ${payloadLen}-byte payload`);
  return n;
}

export function decodePrepareConf(payload: Uint8Array): { key: string; entries: ConfEntry[] } {
  const req = PrepareConf.Req.getRootAsReq(root(payload));
  const n = count(req.confLength(), payload.length, 'conf');
  const entries: ConfEntry[] = [];
  const e = new TextEntry();
  for (let i = 0; i < n; i++) {
    const got = req.conf(i, e);
    const name = got?.name();
    if (got === null || name === null || name === undefined) throw new BadPayload(`conf entry ${i} has no name`);
    entries.push({ name, value: got.value() ?? '' });
  }
  return { key: req.key() ?? '', entries };
}

export function decodeReqCall(payload: Uint8Array): HTTPReqCall.Req {
  const req = HTTPReqCall.Req.getRootAsReq(root(payload));
  count(req.headersLength(), payload.length, 'headers');
  count(req.argsLength(), payload.length, 'args');
  if (req.srcIpLength() > payload.length) throw new BadPayload('src_ip out of range');
  if (req.method() === undefined || req.method() > 14) throw new BadPayload(`unknown method ${req.method()}`);
  return req;
}

export function decodeRespCall(payload: Uint8Array): HTTPRespCall.Req {
  const req = HTTPRespCall.Req.getRootAsReq(root(payload));
  count(req.headersLength(), payload.length, 'headers');
  return req;
}

/**
 * A byte vector read by a flyweight is a view on the underlying memory, which may extend past
 * this payload (pooled buffers): a corrupt offset must not expose neighbouring bytes.
 */
export function inPayload(view: Uint8Array | null, bb: ByteBuffer): Uint8Array | null {
  if (view === null) return null;
  const bytes = bb.bytes();
  if (view.buffer !== bytes.buffer || view.byteOffset < bytes.byteOffset || view.byteOffset + view.length > bytes.byteOffset + bytes.length) {
    throw new BadPayload('byte vector out of range');
  }
  return view;
}

/** Result bytes of an ExtraInfo answer (undefined when the gateway had no value). */
export function decodeExtraInfoResp(payload: Uint8Array): Uint8Array | undefined {
  if (payload.length === 0) return undefined;
  const bb = root(payload);
  const resp = ExtraInfo.Resp.getRootAsResp(bb);
  if (resp.resultLength() > payload.length) throw new BadPayload('result out of range');
  return inPayload(resp.resultArray(), bb) ?? undefined;
}

export function buildError(b: Builder, code: Err.Code): Uint8Array {
  b.clear();
  b.finish(Err.Resp.createResp(b, code));
  return b.asUint8Array();
}

export function buildPrepareResp(b: Builder, token: number): Uint8Array {
  b.clear();
  b.finish(PrepareConf.Resp.createResp(b, token));
  return b.asUint8Array();
}

export function buildVarAsk(b: Builder, name: string): Uint8Array {
  b.clear();
  const v = ExtraInfo.Var.createVar(b, putString(b, name));
  b.finish(ExtraInfo.Req.createReq(b, ExtraInfo.Info.Var, v));
  return b.asUint8Array();
}

export function buildBodyAsk(b: Builder, which: 'request' | 'response'): Uint8Array {
  b.clear();
  let info: number;
  let type: ExtraInfo.Info;
  if (which === 'request') {
    ExtraInfo.ReqBody.startReqBody(b);
    info = ExtraInfo.ReqBody.endReqBody(b);
    type = ExtraInfo.Info.ReqBody;
  } else {
    ExtraInfo.RespBody.startRespBody(b);
    info = ExtraInfo.RespBody.endRespBody(b);
    type = ExtraInfo.Info.RespBody;
  }
  b.finish(ExtraInfo.Req.createReq(b, type, info));
  return b.asUint8Array();
}

/**
 * Builder.createString goes through TextEncoder, which dominates small replies. Short ASCII
 * strings (header names, most values, paths) are written byte by byte instead.
 */
export function putString(b: Builder, s: string): number {
  const n = s.length;
  if (n <= 256) {
    let ascii = true;
    for (let i = 0; i < n; i++) {
      if (s.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      b.addInt8(0); // terminator, as FlatBuffers strings carry one
      b.startVector(1, n, 1);
      for (let i = n - 1; i >= 0; i--) b.writeInt8(s.charCodeAt(i));
      return b.endVector();
    }
  }
  return b.createString(Buffer.from(s, 'utf8'));
}

function entry(b: Builder, name: string, value: string | undefined): number {
  const n = putString(b, name);
  const v = value === undefined ? 0 : putString(b, value);
  TextEntry.startTextEntry(b);
  TextEntry.addName(b, n);
  if (v !== 0) TextEntry.addValue(b, v);
  return TextEntry.endTextEntry(b);
}

function entryVector(b: Builder, offsets: number[]): number {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
  return b.endVector();
}

/** Every (name, value) pair, repeated names as repeated entries (APISIX adds them one by one). */
function allEntries(b: Builder, m: FieldMap, skip?: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const [k, vals] of m.asMap()) {
    if (skip !== undefined && skip.has(k)) continue;
    for (let i = 0; i < vals.length; i++) out.push(entry(b, k, vals[i]));
  }
  return out;
}

/**
 * Request headers in a Rewrite: APISIX *sets* each entry, so a repeated name would keep only its
 * last value; several values of one field are therefore joined into one line (`;` for cookies).
 * A removed header is an entry without value, which APISIX turns into a removal.
 */
function headerChanges(b: Builder, m: FieldMap): number[] {
  const out: number[] = [];
  for (const [k, vals] of m.changes()) {
    out.push(entry(b, k, vals === undefined ? undefined : vals.join(k === 'cookie' ? '; ' : ', ')));
  }
  return out;
}

/** Args in a Rewrite: APISIX replaces a name on its first entry and appends the following ones. */
function argChanges(b: Builder, m: FieldMap): number[] {
  const out: number[] = [];
  for (const [k, vals] of m.changes()) {
    if (vals === undefined) out.push(entry(b, k, undefined));
    else for (const v of vals) out.push(entry(b, k, v));
  }
  return out;
}

export function buildReqCallReply(b: Builder, req: CallRequest, res: ResponseWriter): Uint8Array {
  b.clear();
  const id = req.id;
  if (res.responded) {
    const hdrs = res.writtenHeaders;
    const h = hdrs === undefined ? 0 : entryVector(b, allEntries(b, hdrs));
    const body = res.bodyBytes === undefined || res.bodyBytes.length === 0 ? 0 : b.createByteVector(res.bodyBytes);
    HTTPReqCall.Stop.startStop(b);
    HTTPReqCall.Stop.addStatus(b, res.status ?? 200);
    if (h !== 0) HTTPReqCall.Stop.addHeaders(b, h);
    if (body !== 0) HTTPReqCall.Stop.addBody(b, body);
    const stop = HTTPReqCall.Stop.endStop(b);
    b.finish(HTTPReqCall.Resp.createResp(b, id, HTTPReqCall.Action.Stop, stop));
    return b.asUint8Array();
  }
  if (!req.modified) {
    b.finish(HTTPReqCall.Resp.createResp(b, id, HTTPReqCall.Action.NONE, 0));
    return b.asUint8Array();
  }
  const p = req.changedPath;
  const path = p === undefined ? 0 : putString(b, p);
  const ch = req.changedHeaders;
  const headers = ch === undefined ? 0 : entryVector(b, headerChanges(b, ch));
  const ca = req.changedArgs;
  const args = ca === undefined ? 0 : entryVector(b, argChanges(b, ca));
  const rh = req.addedRespHeaders;
  const respHeaders = rh === undefined ? 0 : entryVector(b, allEntries(b, rh));
  const nb = req.newBody;
  const body = nb === undefined || nb.length === 0 ? 0 : b.createByteVector(nb);
  HTTPReqCall.Rewrite.startRewrite(b);
  if (path) HTTPReqCall.Rewrite.addPath(b, path);
  if (headers) HTTPReqCall.Rewrite.addHeaders(b, headers);
  if (args) HTTPReqCall.Rewrite.addArgs(b, args);
  if (respHeaders) HTTPReqCall.Rewrite.addRespHeaders(b, respHeaders);
  if (body) HTTPReqCall.Rewrite.addBody(b, body);
  const rw = HTTPReqCall.Rewrite.endRewrite(b);
  b.finish(HTTPReqCall.Resp.createResp(b, id, HTTPReqCall.Action.Rewrite, rw));
  return b.asUint8Array();
}

/**
 * Framing headers the gateway must compute itself: echoing the upstream's content-length after a
 * plugin changed the body would corrupt the response.
 */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * HTTPRespCall reply. With no header in the reply APISIX copies the upstream's headers *minus*
 * content-type, content-encoding, location, www-authenticate and a few more (its
 * `exclude_resp_header`), which would break e.g. every gzip response that a plugin only looked at.
 * With any header it sends exactly the reply's. So the reply always carries the complete set, as
 * the plugins left it, less the framing fields nginx recomputes.
 */
export function buildRespCallReply(b: Builder, res: UpstreamResponse): Uint8Array {
  b.clear();
  const all = res.headers;
  const list = allEntries(b, all, FRAMING);
  // An empty list would make APISIX copy the upstream's headers instead, undoing deletions.
  // An entry without value keeps it non-empty: APISIX turns it into clearing that one name.
  const ch = res.changedHeaders;
  if (list.length === 0 && ch !== undefined) list.push(entry(b, ch.changes().next().value![0], undefined));
  const headers = list.length === 0 ? 0 : entryVector(b, list);
  const nb = res.newBody;
  const body = nb === undefined || nb.length === 0 ? 0 : b.createByteVector(nb);
  HTTPRespCall.Resp.startResp(b);
  HTTPRespCall.Resp.addId(b, res.id);
  if (res.statusChanged) HTTPRespCall.Resp.addStatus(b, res.status);
  if (headers) HTTPRespCall.Resp.addHeaders(b, headers);
  if (body) HTTPRespCall.Resp.addBody(b, body);
  b.finish(HTTPRespCall.Resp.endResp(b));
  return b.asUint8Array();
}
