/**
 * Framing of the runner socket: every message is 1 type byte, a 3-byte big-endian payload length,
 * then the payload. The reader below survives any split of the stream (down to one byte per chunk)
 * and hands out zero-copy views when a frame lies inside one chunk.
 */

/** RPC types, as APISIX numbers them (apisix/constants.lua). */
export const RPC_ERROR = 0;
export const RPC_PREPARE_CONF = 1;
export const RPC_HTTP_REQ_CALL = 2;
export const RPC_EXTRA_INFO = 3;
export const RPC_HTTP_RESP_CALL = 4;

/** Largest payload a 3-byte length can carry. */
export const MAX_PAYLOAD = 0xff_ff_ff;
export const HEADER_LEN = 4;

export type FrameHandler = (type: number, payload: Buffer) => void;

/** Incremental frame parser: feed it chunks, it calls `onFrame` once per complete frame. */
export class FrameReader {
  private pending: Buffer[] = [];
  private pendingLen = 0;
  /** Length of the payload being collected, or -1 while the header is incomplete. */
  private need = -1;

  constructor(private readonly onFrame: FrameHandler) {}

  /** Bytes received but not yet part of a complete frame (for leak checks and limits). */
  get buffered(): number {
    return this.pendingLen;
  }

  push(chunk: Buffer): void {
    if (this.pendingLen === 0) {
      this.parse(chunk);
      return;
    }
    this.pending.push(chunk);
    this.pendingLen += chunk.length;
    const wanted = this.need < 0 ? HEADER_LEN : HEADER_LEN + this.need;
    if (this.pendingLen < wanted) return;
    const all = Buffer.concat(this.pending, this.pendingLen);
    this.pending = [];
    this.pendingLen = 0;
    this.need = -1;
    this.parse(all);
  }

  /** Parses every complete frame in `buf` (which starts at a frame boundary) and keeps the rest. */
  private parse(buf: Buffer): void {
    let off = 0;
    const end = buf.length;
    while (end - off >= HEADER_LEN) {
      const len = (buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!;
      if (end - off - HEADER_LEN < len) {
        this.need = len;
        break;
      }
      const type = buf[off]!;
      const payload = buf.subarray(off + HEADER_LEN, off + HEADER_LEN + len);
      off += HEADER_LEN + len;
      this.onFrame(type, payload);
    }
    if (off < end) {
      const rest = off === 0 ? buf : buf.subarray(off);
      this.pending.push(rest);
      this.pendingLen = rest.length;
      if (this.pendingLen >= HEADER_LEN) {
        this.need = (rest[1]! << 16) | (rest[2]! << 8) | rest[3]!;
      } else {
        this.need = -1;
      }
    }
  }

  /** Drops anything buffered (used when the connection goes away). */
  reset(): void {
    this.pending = [];
    this.pendingLen = 0;
    this.need = -1;
  }
}

/**
 * One buffer holding header and payload, copied: the payload usually lives in a reusable
 * flatbuffers Builder that the next reply will overwrite, while the socket may still hold the bytes.
 */
export function encodeFrame(type: number, payload: Uint8Array): Buffer {
  const len = payload.length;
  if (len > MAX_PAYLOAD) throw new FrameTooLargeError(len);
  const out = Buffer.allocUnsafe(HEADER_LEN + len);
  out[0] = type;
  out[1] = (len >>> 16) & 0xff;
  out[2] = (len >>> 8) & 0xff;
  out[3] = len & 0xff;
  out.set(payload, HEADER_LEN);
  return out;
}

export class FrameTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`frame payload of ${size} bytes exceeds the protocol limit of ${MAX_PAYLOAD}`);
    this.name = 'FrameTooLargeError';
  }
}
