/**
 * Framing of the runner socket: every message is 1 type byte, a 3-byte big-endian payload length,
 * then the payload. The reader below survives any split of the stream (down to one byte per chunk),
 * hands out zero-copy views when a frame lies inside one chunk, and collects a frame that spans
 * chunks into ONE buffer of its announced size: a peer trickling one byte per write costs a copy of
 * that byte, never a Buffer per chunk. Over transient chunks (a socket reading into one buffer
 * shared by every connection: shared-reads.ts), every frame is copied out into a buffer of its own
 * before it is handed out.
 */

/** RPC types, as APISIX numbers them (apisix/constants.lua). */
export const RPC_ERROR = 0;
export const RPC_PREPARE_CONF = 1;
export const RPC_HTTP_REQ_CALL = 2;
export const RPC_EXTRA_INFO = 3;
export const RPC_HTTP_RESP_CALL = 4;

/** Largest payload a 3-byte length can carry. */
export const MAX_PAYLOAD = 0xff_ff_ff;
const HEADER_LEN = 4;

export type FrameHandler = (type: number, payload: Buffer) => void;

/**
 * Memory for frames that span chunks, shared by every connection of a process. A reader reserves a
 * frame's announced size before buffering any of it; a refusal means the frame is never buffered.
 */
export interface FrameBudget {
  reserve(bytes: number): boolean;
  release(bytes: number): void;
}

/** A budget without a limit (client-side readers, tests). */
const UNLIMITED: FrameBudget = { reserve: () => true, release: () => {} };

/** Where a frame that spans chunks is collected: `len` bytes for a frame of `type`. */
export type FrameAllocator = (type: number, len: number) => Buffer;

// Outside Node's shared pool: a small partial frame must not pin an 8 KiB slab.
const allocateFrame: FrameAllocator = (_type, len) => Buffer.allocUnsafeSlow(len);

/** Incremental frame parser: feed it chunks, it calls `onFrame` once per complete frame. */
export class FrameReader {
  /** Header bytes of a frame whose header is split across chunks (0 when none). */
  private headerHave = 0;
  private headerType = 0;
  private headerLen = 0;
  /** The frame being collected across chunks, sized to its payload; `filled` bytes are in. */
  private partial: Buffer | undefined;
  private partialType = 0;
  private filled = 0;
  /** Set once a frame was refused: the reader takes nothing more. */
  private refused = false;
  /** Frames handed out so far (lets the owner tell a new partial frame from an old one). */
  frames = 0;
  /** While paused, the rest of the chunk being read waits here (a view, at most one socket read). */
  private paused = false;
  private held: Buffer | undefined;

  constructor(
    private readonly onFrame: FrameHandler,
    private readonly budget: FrameBudget = UNLIMITED,
    /** Called once when a frame's announced size does not fit the budget. */
    private readonly onRefused: (announced: number) => void = () => {},
    /** Gives the buffer a spanning frame is collected into (the transport reuses one for big requests). */
    private readonly allocate: FrameAllocator = allocateFrame,
    /**
     * Chunks are overwritten once `push` returns (a shared read buffer): nothing is handed out or
     * held as a view of one; whole frames are copied into `allocate`d buffers too.
     */
    private readonly transient = false,
  ) {}

  /** Set by pushInPlace for one push: the chunk is the caller's own buffer (see there). */
  private inPlace = false;

  /** Bytes received but not yet part of a complete frame (for leak checks and limits). */
  get buffered(): number {
    return this.headerHave + this.filled;
  }

  /** True between the first byte of a frame and its last: the frame deadline runs. */
  get inFrame(): boolean {
    return this.headerHave !== 0 || this.partial !== undefined;
  }

  /**
   * Stops handing out frames, also from the chunk being read: a peer that sends many requests in
   * one write (or does not read its replies) is served one frame at a time, not all at once.
   */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const held = this.held;
    this.held = undefined;
    if (held !== undefined) this.push(held);
  }

  /** Takes bytes `[0, end)` of `chunk` (all of it by default). */
  push(chunk: Buffer, end = chunk.length): void {
    if (this.refused) return;
    if (this.paused) {
      this.hold(chunk, 0, end);
      return;
    }
    let off = 0;
    if (this.headerHave !== 0 || this.partial !== undefined) {
      off = this.continueFrame(chunk, end);
      if (off < 0) return;
    }
    // The common case: whole frames inside the chunk, handed out as views (or copies of transient bytes).
    while (end - off >= HEADER_LEN) {
      const len = (chunk[off + 1]! << 16) | (chunk[off + 2]! << 8) | chunk[off + 3]!;
      if (end - off - HEADER_LEN < len) {
        const from = off + HEADER_LEN;
        // Read into the caller's buffer with room for the whole frame: collected where it lies.
        const here = this.inPlace && chunk.length - from >= len ? chunk.subarray(from, from + len) : undefined;
        if (!this.startPartial(chunk[off]!, len, here)) return;
        if (here === undefined) chunk.copy(this.partial!, 0, from, end);
        this.filled = end - from;
        return;
      }
      const type = chunk[off]!;
      const from = off + HEADER_LEN;
      let payload: Buffer;
      if (!this.transient || this.inPlace) payload = chunk.subarray(from, from + len);
      else if (len === 0) payload = EMPTY;
      else {
        payload = this.allocate(type, len);
        chunk.copy(payload, 0, from, from + len);
      }
      off = from + len;
      this.frames++;
      this.onFrame(type, payload);
      if (this.refused) return;
      if (this.paused) {
        if (off < end) this.hold(chunk, off, end);
        return;
      }
    }
    while (off < end) this.headerByte(chunk[off++]!);
  }

  /**
   * Where the next `min` or more bytes of the stream may be read straight into: the rest of the
   * frame being collected, when at least `min` bytes of it are still to come (and the reader is
   * not paused). Bytes read there are given with `filledDirect`, nothing else may come between.
   */
  directTarget(min: number): Buffer | undefined {
    const p = this.partial;
    if (p === undefined || this.paused || this.refused || p.length - this.filled < min) return undefined;
    return p.subarray(this.filled);
  }

  /** `n` bytes were read into what `directTarget` gave. */
  filledDirect(n: number): void {
    const p = this.partial;
    // Reset since (the connection went away): the bytes have nowhere to go.
    if (p === undefined) return;
    this.filled += n;
    if (this.filled < p.length) return;
    this.partial = undefined;
    this.filled = 0;
    this.budget.release(p.length);
    this.frames++;
    this.onFrame(this.partialType, p);
  }

  /**
   * Takes bytes `[0, n)` of `buf`, a buffer of the caller's that nobody overwrites while the frames
   * in it are in use (a connection's reused request buffer, read into while no call holds it):
   * frames inside it are handed out as views, and a frame it has room for is collected in place
   * (read on with `directTarget`). No copy at all, also on a reader of transient chunks.
   */
  pushInPlace(buf: Buffer, n: number): void {
    this.inPlace = true;
    try {
      this.push(buf, n);
    } finally {
      this.inPlace = false;
    }
  }

  /** Keeps bytes `[from, end)` of `chunk` for resume(): a view, or a copy of transient bytes. */
  private hold(chunk: Buffer, from: number, end: number): void {
    const rest = this.transient && !this.inPlace ? Buffer.from(chunk.subarray(from, end)) : chunk.subarray(from, end);
    this.held = this.held === undefined ? rest : Buffer.concat([this.held, rest]);
  }

  /** Feeds the frame in progress; returns where the rest of `chunk` starts, or -1 when all was used. */
  private continueFrame(chunk: Buffer, end: number): number {
    let off = 0;
    while (this.headerHave !== 0 && off < end) {
      this.headerByte(chunk[off++]!);
      if (this.refused) return -1;
      if (this.paused && this.headerHave === 0 && this.partial === undefined) {
        // An empty frame completed the header and paused the reader.
        if (off < end) this.hold(chunk, off, end);
        return -1;
      }
    }
    const p = this.partial;
    if (p === undefined) return this.headerHave === 0 || off < end ? off : -1;
    const take = Math.min(p.length - this.filled, end - off);
    chunk.copy(p, this.filled, off, off + take);
    this.filled += take;
    off += take;
    if (this.filled < p.length) return -1;
    this.partial = undefined;
    this.filled = 0;
    this.budget.release(p.length);
    this.frames++;
    this.onFrame(this.partialType, p);
    if (this.refused) return -1;
    if (this.paused) {
      if (off < end) this.hold(chunk, off, end);
      return -1;
    }
    return off;
  }

  /** One byte of a header split across chunks. */
  private headerByte(b: number): void {
    switch (this.headerHave++) {
      case 0:
        this.headerType = b;
        this.headerLen = 0;
        return;
      case 1:
      case 2:
        this.headerLen = (this.headerLen << 8) | b;
        return;
      default: {
        const len = (this.headerLen << 8) | b;
        this.headerHave = 0;
        if (len === 0) {
          this.frames++;
          this.onFrame(this.headerType, EMPTY);
        } else this.startPartial(this.headerType, len);
      }
    }
  }

  /** Starts collecting a frame of `len` bytes: into `here` when given, else into an allocated buffer. */
  private startPartial(type: number, len: number, here?: Buffer): boolean {
    if (!this.budget.reserve(len)) {
      this.refused = true;
      this.onRefused(len);
      return false;
    }
    this.partial = here ?? this.allocate(type, len);
    this.partialType = type;
    this.filled = 0;
    return true;
  }

  /** Drops anything buffered (used when the connection goes away) and gives its budget back. */
  reset(): void {
    if (this.partial !== undefined) this.budget.release(this.partial.length);
    this.partial = undefined;
    this.filled = 0;
    this.headerHave = 0;
    this.held = undefined;
  }
}

const EMPTY = Buffer.alloc(0);

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
