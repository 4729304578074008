/** Frame-level client pieces for the hostile bench (what an attacker, or APISIX, writes). */
import { connect, type Socket } from 'node:net';
import { Builder, ByteBuffer, Err, HTTPReqCall, PrepareConf, TextEntry } from '../../runtime/wire.js';
import { encodeFrame, FrameReader, RPC_ERROR, RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF } from '../../runtime/frame.js';

export { RPC_ERROR, RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF };

export function header(type: number, len: number): Buffer {
  return Buffer.from([type, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff]);
}

export function prepareFrame(key: string, conf: { name: string; value: string }[]): Buffer {
  const b = new Builder(256);
  const k = b.createString(key);
  const vec = PrepareConf.Req.createConfVector(
    b,
    conf.map((e) => TextEntry.createTextEntry(b, b.createString(e.name), b.createString(e.value))),
  );
  PrepareConf.Req.startReq(b);
  PrepareConf.Req.addConf(b, vec);
  PrepareConf.Req.addKey(b, k);
  b.finish(PrepareConf.Req.endReq(b));
  return encodeFrame(RPC_PREPARE_CONF, b.asUint8Array());
}

/** An HTTPReqCall for `token`, padded with headers up to about `headerBytes`. */
export function callFrame(token: number, headerBytes = 0): Buffer {
  const b = new Builder(1024 + headerBytes * 2);
  const hs: number[] = [];
  for (let n = 0; n * 1024 < headerBytes; n++)
    hs.push(TextEntry.createTextEntry(b, b.createString(`x-pad-${n}`), b.createString('p'.repeat(1000))));
  const h = HTTPReqCall.Req.createHeadersVector(b, hs);
  const src = HTTPReqCall.Req.createSrcIpVector(b, [127, 0, 0, 1]);
  const path = b.createString('/');
  b.finish(HTTPReqCall.Req.createReq(b, 1, src, 0, path, 0, h, token));
  return encodeFrame(RPC_HTTP_REQ_CALL, b.asUint8Array());
}

export function tokenOf(payload: Uint8Array): number {
  return PrepareConf.Resp.getRootAsResp(new ByteBuffer(payload)).confToken();
}

export function errName(payload: Uint8Array): string {
  const c = Err.Resp.getRootAsResp(new ByteBuffer(payload)).code();
  return Err.Code[c] ?? String(c);
}

/** A connection that reads frames; `next()` resolves to the next one (or null once closed). */
export class FrameClient {
  closed = false;
  private readonly frames: [number, Buffer][] = [];
  private waiters: ((f: [number, Buffer] | null) => void)[] = [];

  private constructor(readonly sock: Socket) {
    const reader = new FrameReader((t, p) => {
      const w = this.waiters.shift();
      if (w) w([t, p]);
      else this.frames.push([t, p]);
    });
    sock.on('data', (c: Buffer) => reader.push(c));
    sock.on('error', () => {});
    sock.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w(null);
    });
  }

  static open(path: string): Promise<FrameClient> {
    return new Promise((resolve, reject) => {
      const s = connect(path);
      s.once('connect', () => {
        s.off('error', reject);
        resolve(new FrameClient(s));
      });
      s.once('error', reject);
    });
  }

  write(b: Uint8Array): boolean {
    return this.closed ? false : this.sock.write(b);
  }

  next(): Promise<[number, Buffer] | null> {
    const f = this.frames.shift();
    if (f) return Promise.resolve(f);
    if (this.closed) return Promise.resolve(null);
    return new Promise((r) => this.waiters.push(r));
  }

  async exchange(frame: Uint8Array): Promise<[number, Buffer] | null> {
    this.write(frame);
    return this.next();
  }

  whenClosed(): Promise<void> {
    return this.closed ? Promise.resolve() : new Promise((r) => this.sock.once('close', () => r()));
  }

  destroy(): void {
    this.sock.destroy();
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
