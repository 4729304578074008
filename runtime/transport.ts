/**
 * Transport: one gateway connection as bytes. Collects frames (frame.ts) and hands them to the
 * dispatcher, writes replies with backpressure, and enforces what a connection may cost: the
 * shared budgets for incomplete frames and unsent output, the frame deadline and the idle limit
 * (checked by the runner's sweep, so the hot path only stores a coarse timestamp), and closing
 * only between exchanges when the runner drains.
 */
import type { Duplex } from 'node:stream';
import { FrameReader, RPC_HTTP_REQ_CALL, RPC_HTTP_RESP_CALL, type FrameBudget } from './frame.js';
import { Dispatcher, type Wire } from './dispatch.js';
import type { Engine } from './engine.js';
import type { ConnectionLimits } from './limits.js';
import type { ThrottledLog } from './logger.js';
import type { ReadPressure } from './read-pressure.js';
import { REFUSED_BUFFER_BUDGET, REFUSED_FRAME_TIMEOUT, REFUSED_OUT_OF_TURN } from './metrics-ids.js';
import { readSinkOf } from './shared-reads.js';

/** Replies below this size skip the output-budget check (error frames, small replies). */
const OUTPUT_CHECK_MIN = 64 << 10;

/** Unsent output of every connection whose peer is not keeping up. */
export class OutputBudget {
  private readonly backlogged = new Set<Connection>();
  constructor(readonly max: number) {}

  add(c: Connection): void {
    this.backlogged.add(c);
  }

  delete(c: Connection): void {
    this.backlogged.delete(c);
  }

  /** Bytes written but not yet taken by the peers. */
  get unsent(): number {
    let sum = 0;
    for (const c of this.backlogged) sum += c.unsent;
    return sum;
  }
}

/** The incomplete-frame budget: bytes reserved by frames being collected, all connections together. */
export class InputBudget implements FrameBudget {
  used = 0;
  constructor(readonly max: number) {}

  reserve(bytes: number): boolean {
    if (this.used + bytes > this.max) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used -= bytes;
  }
}

/**
 * Request frames are collected into one buffer per connection, reused frame after frame (with
 * shared reads, read straight into it between exchanges: readTarget). Allocating 64 KiB per big
 * request would leave a dead buffer outside the V8 heap each time, and one that
 * survives two scavenges (a frame still arriving while they run) waits for a full collection,
 * which V8 starts only once 64 MiB of such buffers are held. Reuse is safe because the gateway
 * sends a connection's next request only after the reply to the last one, and a call's request
 * stops reading its frame when the call ends (call-objects.ts, CallEnded). The spares of all
 * connections together are bounded; frames above SPARE_MAX_FRAME are never kept.
 */
export class FrameSpares {
  used = 0;
  constructor(readonly max: number) {}

  /** A spare of at least `len` bytes, or undefined when it would pass the bound. */
  take(len: number): Buffer | undefined {
    const size = Math.ceil(len / SPARE_GRAIN) * SPARE_GRAIN;
    if (this.used + size > this.max) return undefined;
    this.used += size;
    return Buffer.allocUnsafeSlow(size);
  }

  give(spare: Buffer): void {
    this.used -= spare.length;
  }
}

/** Request frames up to this size are collected into the connection's reused buffer. */
const SPARE_MAX_FRAME = 256 << 10;
/** Spares grow in steps of this much (a request a few bytes bigger than the last reuses it). */
const SPARE_GRAIN = 16 << 10;
/** All connections' spares together: 64 connections with 256 KiB frames. */
export const SPARES_MAX = 16 << 20;

/** What all connections of a runner share. */
export interface ConnectionEnv {
  readonly engine: Engine;
  readonly limits: ConnectionLimits;
  readonly input: InputBudget;
  readonly output: OutputBudget;
  readonly spares: FrameSpares;
  /** Coarse clock, advanced by the runner's sweep: reading it costs nothing on the hot path. */
  readonly clock: { now: number };
  readonly reads: ReadPressure;
  readonly logs: { readonly refused: ThrottledLog; readonly closed: ThrottledLog };
  onClose(c: Connection): void;
}

export class Connection implements Wire {
  closed = false;
  private readonly reader: FrameReader;
  private readonly dispatcher: Dispatcher;
  /** Coarse time of the last byte received or of output taken by the peer. */
  private lastActive: number;
  /** Coarse time the frame in progress started (0: none). */
  private frameStarted = 0;
  private paused = false;
  private draining = false;
  private readonly onDrain: () => void;
  /** The buffer this connection's big request frames are collected into (FrameSpares). */
  private spare: Buffer | undefined;
  /** Where the read in progress goes when not to the shared buffer (shared-reads.ts `target`). */
  private direct: Buffer | undefined;

  constructor(
    private readonly sock: Duplex,
    private readonly env: ConnectionEnv,
  ) {
    this.lastActive = env.clock.now;
    this.dispatcher = new Dispatcher(env.engine, this);
    // A socket accepted by shareReads reads into a buffer shared by all connections: its bytes are
    // copied out frame by frame (no read buffer of its own to free, so no read pressure either).
    const shared = readSinkOf(sock);
    this.reader = new FrameReader(
      (t, p) => this.dispatcher.onFrame(t, p),
      env.input,
      (announced) => this.refuseFrame(announced),
      (type, len) => this.frameBuffer(type, len),
      shared !== undefined,
    );
    this.onDrain = () => {
      this.paused = false;
      this.lastActive = this.env.clock.now;
      this.env.output.delete(this);
      if (this.closed) return;
      this.sock.resume();
      this.reader.resume();
    };
    if (shared !== undefined) {
      shared.sink = (buf, n) => this.onBytes(buf, n);
      shared.target = () => (this.direct = this.readTarget());
    } else sock.on('data', (chunk: Buffer) => this.onData(chunk));
    sock.on('error', () => {
      /* reset by the peer: 'close' follows and cleans up */
    });
    sock.on('close', () => this.cleanup());
  }

  private onData(chunk: Buffer): void {
    this.env.reads.read(chunk.length);
    this.onBytes(chunk, chunk.length);
  }

  /** Bytes `[0, n)` of `buf` arrived: in the shared read buffer, or straight into the frame being collected. */
  private onBytes(buf: Buffer, n: number): void {
    const now = this.env.clock.now;
    this.lastActive = now;
    const before = this.reader.frames;
    if (buf !== this.direct) this.reader.push(buf, n);
    else if (buf === this.spare) this.reader.pushInPlace(buf, n);
    else this.reader.filledDirect(n);
    this.direct = undefined;
    if (!this.reader.inFrame) this.frameStarted = 0;
    else if (this.frameStarted === 0 || this.reader.frames !== before) this.frameStarted = now;
  }

  /**
   * Where the next read goes, for a socket reading through shareReads (undefined: the shared
   * buffer). The rest of a frame being collected is read straight into its buffer. Between
   * exchanges (no call holds the connection's request buffer, no frame begun) the read goes to the
   * start of that buffer: the next request is read where it is decoded, with no copy at all.
   */
  private readTarget(): Buffer | undefined {
    const rest = this.reader.directTarget(0);
    if (rest !== undefined || this.paused || this.reader.inFrame || !this.dispatcher.idle) return rest;
    return (this.spare ??= this.env.spares.take(SPARE_GRAIN));
  }

  /**
   * Where a frame spanning chunks is collected. A call's request frame goes into the spare when no
   * call holds the previous one (the dispatcher is idle: a frame arriving while a call runs is an
   * ExtraInfo answer, or out of turn and about to close the connection).
   */
  private frameBuffer(type: number, len: number): Buffer {
    if ((type === RPC_HTTP_REQ_CALL || type === RPC_HTTP_RESP_CALL) && len <= SPARE_MAX_FRAME && this.dispatcher.idle) {
      let spare = this.spare;
      if (spare === undefined || spare.length < len) {
        if (spare !== undefined) this.env.spares.give(spare);
        spare = this.spare = this.env.spares.take(len);
      }
      if (spare !== undefined) return spare.subarray(0, len);
    }
    return Buffer.allocUnsafeSlow(len);
  }

  /** Bytes written to the socket but not yet taken by the peer. */
  get unsent(): number {
    return this.sock.writableLength;
  }

  get idle(): boolean {
    return this.dispatcher.idle && !this.reader.inFrame;
  }

  send(frame: Buffer): void {
    if (this.closed) return;
    // A peer that does not read stops being read: it cannot make the runner queue more than the
    // replies to what it already sent (APISIX reads every reply before sending again).
    if (!this.sock.write(frame) && !this.paused) {
      this.paused = true;
      this.sock.pause();
      this.reader.pause();
      this.env.output.add(this);
      this.sock.once('drain', this.onDrain);
    }
  }

  /**
   * Whether a reply of `bytes` may be queued: small ones always; a large one only while the unsent
   * output of all connections stays within the budget. Asked before the reply is framed, so a
   * refused one is never copied.
   */
  fits(bytes: number, key: string): boolean {
    const output = this.env.output;
    if (bytes < OUTPUT_CHECK_MIN) return true;
    const unsent = output.unsent;
    if (unsent + bytes <= output.max) return true;
    this.env.logs.refused.write({ what: 'reply', key, size: bytes, unsent, limit: output.max });
    return false;
  }

  reply(frame: Buffer): void {
    if (this.closed) return;
    this.send(frame);
    if (this.draining && this.dispatcher.idle) this.sock.end();
  }

  violation(what: string): void {
    this.env.logs.closed.write({ why: 'protocol violation', what });
    this.env.engine.metrics?.frameRefused(REFUSED_OUT_OF_TURN);
    this.dispatcher.abort('protocol violation');
    this.sock.destroy();
  }

  private refuseFrame(announced: number): void {
    this.env.logs.refused.write({
      what: 'frame',
      size: announced,
      buffered: this.env.input.used,
      limit: this.env.input.max,
    });
    this.env.engine.metrics?.frameRefused(REFUSED_BUFFER_BUDGET);
    this.dispatcher.abort('frame refused');
    this.sock.destroy();
  }

  /** Called by the runner's sweep: closes a connection past its frame deadline or idle limit. */
  check(now: number): void {
    const { frameTimeoutMs, idleTimeoutMs } = this.env.limits;
    if (this.frameStarted !== 0 && now - this.frameStarted >= frameTimeoutMs) {
      this.env.logs.closed.write({
        why: 'frame not complete in time',
        buffered: this.reader.buffered,
        timeoutMs: frameTimeoutMs,
      });
      this.env.engine.metrics?.frameRefused(REFUSED_FRAME_TIMEOUT);
      this.dispatcher.abort('frame deadline');
      this.sock.destroy();
    } else if (this.idle && now - this.lastActive >= idleTimeoutMs) {
      this.env.logs.closed.write({ why: 'idle', idleMs: now - this.lastActive });
      this.sock.destroy();
    }
  }

  /**
   * Shutdown: the connection keeps serving until the exchange in flight (or the next one to
   * arrive) is answered, and closes right after that reply, between two exchanges. An idle
   * connection stays open and served until the grace period ends: closing it now could cut a
   * request the gateway is sending at this very moment.
   */
  drain(): void {
    this.draining = true;
  }

  /** The end of the shutdown grace period: a call still in flight is abandoned. */
  destroy(): void {
    this.dispatcher.abort('the runner is shutting down', 'shutdown');
    this.sock.destroy();
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.reader.reset();
    if (this.spare !== undefined) this.env.spares.give(this.spare);
    this.spare = undefined;
    this.dispatcher.abort('the gateway closed the connection');
    this.env.output.delete(this);
    this.env.onClose(this);
  }
}
