/** Test helpers: a raw frame-level client and payload builders, for what the simulator hides. */
import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Builder,
  ByteBuffer,
  Err,
  ExtraInfo,
  HTTPReqCall,
  HTTPRespCall,
  PrepareConf,
  TextEntry,
} from '../../runtime/wire.js';
import { FrameReader, encodeFrame } from '../../runtime/frame.js';

export { Builder, ByteBuffer, Err, ExtraInfo, HTTPReqCall, HTTPRespCall, PrepareConf, TextEntry };

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'a6kit-rt-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export class RawClient {
  private readonly frames: [number, Buffer][] = [];
  private waiters: ((f: [number, Buffer]) => void)[] = [];
  closed = false;
  private closedWaiters: (() => void)[] = [];

  private constructor(readonly sock: Socket) {
    const reader = new FrameReader((t, p) => {
      const w = this.waiters.shift();
      if (w) w([t, Buffer.from(p)]);
      else this.frames.push([t, Buffer.from(p)]);
    });
    sock.on('data', (c: Buffer) => reader.push(c));
    sock.on('error', () => {});
    sock.on('close', () => {
      this.closed = true;
      for (const w of this.closedWaiters) w();
    });
  }

  static open(address: string): Promise<RawClient> {
    const path = address.replace(/^unix:/, '');
    return new Promise((resolve, reject) => {
      const s = connect(path);
      s.once('connect', () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  send(type: number, payload: Uint8Array): void {
    this.sock.write(encodeFrame(type, payload));
  }

  write(bytes: Uint8Array): void {
    this.sock.write(bytes);
  }

  next(timeoutMs = 10_000): Promise<[number, Buffer]> {
    const f = this.frames.shift();
    if (f) return Promise.resolve(f);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no frame in time')), timeoutMs);
      this.waiters.push((fr) => {
        clearTimeout(t);
        resolve(fr);
      });
    });
  }

  async exchange(type: number, payload: Uint8Array): Promise<[number, Buffer]> {
    this.send(type, payload);
    return this.next();
  }

  whenClosed(): Promise<void> {
    return this.closed ? Promise.resolve() : new Promise((r) => this.closedWaiters.push(r));
  }

  close(): Promise<void> {
    this.sock.end();
    return this.whenClosed();
  }
}

export function frameBytes(type: number, payload: Uint8Array): Buffer {
  return encodeFrame(type, payload);
}

export function prepareConf(key: string, conf: { name: string; value: string }[] | undefined): Uint8Array {
  const b = new Builder(256);
  const k = b.createString(key);
  const vec =
    conf === undefined
      ? 0
      : PrepareConf.Req.createConfVector(
          b,
          conf.map((e) => TextEntry.createTextEntry(b, b.createString(e.name), b.createString(e.value))),
        );
  PrepareConf.Req.startReq(b);
  if (vec) PrepareConf.Req.addConf(b, vec);
  PrepareConf.Req.addKey(b, k);
  b.finish(PrepareConf.Req.endReq(b));
  return b.asUint8Array().slice();
}

export function tokenOf(payload: Uint8Array): number {
  return PrepareConf.Resp.getRootAsResp(new ByteBuffer(payload)).confToken();
}

export function errCode(payload: Uint8Array): number {
  return Err.Resp.getRootAsResp(new ByteBuffer(payload)).code();
}

export function reqCall(o: {
  id?: number;
  token: number;
  path?: string;
  headers?: [string, string][];
  args?: [string, string | null][];
  srcIp?: number[];
}): Uint8Array {
  const b = new Builder(256);
  const entries = (list: [string, string | null][]) =>
    list.map(([k, v]) => {
      const n = b.createString(k);
      const val = v === null ? 0 : b.createString(v);
      TextEntry.startTextEntry(b);
      TextEntry.addName(b, n);
      if (val) TextEntry.addValue(b, val);
      return TextEntry.endTextEntry(b);
    });
  const src = HTTPReqCall.Req.createSrcIpVector(b, o.srcIp ?? [127, 0, 0, 1]);
  const p = b.createString(o.path ?? '/');
  const a = HTTPReqCall.Req.createArgsVector(b, entries(o.args ?? []));
  const h = HTTPReqCall.Req.createHeadersVector(b, entries(o.headers ?? []));
  b.finish(HTTPReqCall.Req.createReq(b, o.id ?? 7, src, 0, p, a, h, o.token));
  return b.asUint8Array().slice();
}

export function respCall(o: { id?: number; token: number; status?: number; headers?: [string, string][] }): Uint8Array {
  const b = new Builder(256);
  const h = HTTPRespCall.Req.createHeadersVector(
    b,
    (o.headers ?? []).map(([k, v]) => TextEntry.createTextEntry(b, b.createString(k), b.createString(v))),
  );
  b.finish(HTTPRespCall.Req.createReq(b, o.id ?? 9, o.status ?? 200, h, o.token));
  return b.asUint8Array().slice();
}

export function extraInfoResp(result: Uint8Array | undefined): Uint8Array {
  const b = new Builder(64 + (result?.length ?? 0));
  const r = result === undefined ? 0 : b.createByteVector(result);
  ExtraInfo.Resp.startResp(b);
  if (r) ExtraInfo.Resp.addResult(b, r);
  b.finish(ExtraInfo.Resp.endResp(b));
  return b.asUint8Array().slice();
}

export function decodeReqCallResp(payload: Uint8Array): HTTPReqCall.Resp {
  return HTTPReqCall.Resp.getRootAsResp(new ByteBuffer(payload));
}

export function decodeExtraInfoReq(payload: Uint8Array): ExtraInfo.Req {
  return ExtraInfo.Req.getRootAsReq(new ByteBuffer(payload));
}

export async function until(cond: () => boolean, timeoutMs = 5000, pollMs = 10): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
