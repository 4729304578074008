/**
 * Decoding of incoming payloads and building of every reply the runner sends, always into one
 * reused Builder (cleared first).
 *
 * Every payload is checked by its generated verifier before anything reads it: bounds, vector
 * counts, and the O(size) budget (a frame whose offsets alias shared storage is refused, so
 * decoding any frame costs time and memory proportional to its length). After that the generated
 * readers cannot throw or read outside the payload, so plugins read fields lazily, long after this
 * module returned. The payload's bytes must therefore stay unchanged while the call lives.
 */
import {
  Builder,
  ByteBuffer,
  Err,
  ExtraInfo,
  HTTPReqCall,
  HTTPRespCall,
  Method,
  PrepareConf,
  TextEntry,
  VerifyError,
  writeString,
} from './wire.js';
import type { CallRequest, ResponseWriter, UpstreamResponse } from './call-objects.js';
import type { ConfEntry } from './chain.js';
import type { FieldMap } from './fields.js';

/** A payload that is not what the protocol says: the only error decoding throws (BAD_REQUEST). */
export class BadPayload extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadPayload';
  }
}

/** Runs a generated table's verifier; its refusal becomes a BadPayload (anything else is a bug and passes). */
function verified(payload: Uint8Array, table: { verify(bytes: Uint8Array): void }): ByteBuffer {
  try {
    table.verify(payload);
  } catch (e) {
    if (e instanceof VerifyError) throw new BadPayload(e.message);
    throw e;
  }
  return new ByteBuffer(payload);
}

export function decodePrepareConf(payload: Uint8Array): { key: string; entries: ConfEntry[] } {
  const req = PrepareConf.Req.getRootAsReq(verified(payload, PrepareConf.Req));
  const n = req.confLength();
  const entries: ConfEntry[] = [];
  const e = new TextEntry();
  for (let i = 0; i < n; i++) {
    const name = req.conf(i, e)!.name();
    if (name === null) throw new BadPayload(`conf entry ${i} has no name`);
    entries.push({ name, value: e.value() ?? '' });
  }
  return { key: req.key() ?? '', entries };
}

export function decodeReqCall(payload: Uint8Array): HTTPReqCall.Req {
  const req = HTTPReqCall.Req.getRootAsReq(verified(payload, HTTPReqCall.Req));
  // An enum value this schema does not name (the verifier leaves enums open, as flatc's does).
  if (Method[req.method()] === undefined) throw new BadPayload(`unknown method ${req.method()}`);
  return req;
}

export function decodeRespCall(payload: Uint8Array): HTTPRespCall.Req {
  return HTTPRespCall.Req.getRootAsReq(verified(payload, HTTPRespCall.Req));
}

/** Result bytes of an ExtraInfo answer (undefined when the gateway had no value). */
export function decodeExtraInfoResp(payload: Uint8Array): Uint8Array | undefined {
  if (payload.length === 0) return undefined;
  return ExtraInfo.Resp.getRootAsResp(verified(payload, ExtraInfo.Resp)).resultArray() ?? undefined;
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
  const v = ExtraInfo.Var.createVar(b, writeString(b, name));
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

function entry(b: Builder, name: string, value: string | undefined): number {
  const n = writeString(b, name);
  const v = value === undefined ? 0 : writeString(b, value);
  TextEntry.startTextEntry(b);
  TextEntry.addName(b, n);
  if (v !== 0) TextEntry.addValue(b, v);
  return TextEntry.endTextEntry(b);
}

/** Every (name, value) pair, repeated names as repeated entries (APISIX adds them one by one). */
function allEntries(b: Builder, m: FieldMap, skip?: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const [k, vals] of m.asMap()) {
    if (skip?.has(k)) continue;
    for (const v of vals) out.push(entry(b, k, v));
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
    const h = hdrs === undefined ? 0 : HTTPReqCall.Stop.createHeadersVector(b, allEntries(b, hdrs));
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
    // No action: APISIX forwards the request unchanged.
    HTTPReqCall.Resp.startResp(b);
    HTTPReqCall.Resp.addId(b, id);
    b.finish(HTTPReqCall.Resp.endResp(b));
    return b.asUint8Array();
  }
  const p = req.changedPath;
  const path = p === undefined ? 0 : writeString(b, p);
  const ch = req.changedHeaders;
  const headers = ch === undefined ? 0 : HTTPReqCall.Rewrite.createHeadersVector(b, headerChanges(b, ch));
  const ca = req.changedArgs;
  const args = ca === undefined ? 0 : HTTPReqCall.Rewrite.createArgsVector(b, argChanges(b, ca));
  const rh = req.addedRespHeaders;
  const respHeaders = rh === undefined ? 0 : HTTPReqCall.Rewrite.createRespHeadersVector(b, allEntries(b, rh));
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
  if (list.length === 0 && ch !== undefined) {
    const [first] = ch.changes();
    if (first !== undefined) list.push(entry(b, first[0], undefined));
  }
  const headers = list.length === 0 ? 0 : HTTPRespCall.Resp.createHeadersVector(b, list);
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
