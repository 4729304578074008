/**
 * One gateway connection: reads frames, runs one exchange at a time (APISIX never pipelines), and
 * carries the ExtraInfo round trips a call makes. No state outlives an exchange except the
 * reusable Builder: tokens live in the shared store.
 */
import type { Duplex } from 'node:stream';
import { Builder, Err, type HTTPReqCall, type HTTPRespCall } from './wire.js';
import {
  FrameReader,
  FrameTooLargeError,
  encodeFrame,
  RPC_ERROR,
  RPC_EXTRA_INFO,
  RPC_HTTP_REQ_CALL,
  RPC_HTTP_RESP_CALL,
  RPC_PREPARE_CONF,
} from './frame.js';
import {
  BadPayload,
  buildBodyAsk,
  buildError,
  buildPrepareResp,
  buildReqCallReply,
  buildRespCallReply,
  buildVarAsk,
  decodeExtraInfoResp,
  decodePrepareConf,
  decodeReqCall,
  decodeRespCall,
} from './codec.js';
import { CallRequest, ResponseWriter, UpstreamResponse, type InfoChannel } from './call-objects.js';
import { ConfRejected, type Chain, type ChainLink } from './chain.js';
import type { Engine } from './engine.js';

/** Error replies never change: encode them once. */
const ERROR_FRAMES: Record<Err.Code, Buffer> = (() => {
  const b = new Builder(32);
  const f = (c: Err.Code) => encodeFrame(RPC_ERROR, buildError(b, c).slice());
  return {
    [Err.Code.BAD_REQUEST]: f(Err.Code.BAD_REQUEST),
    [Err.Code.SERVICE_UNAVAILABLE]: f(Err.Code.SERVICE_UNAVAILABLE),
    [Err.Code.CONF_TOKEN_NOT_FOUND]: f(Err.Code.CONF_TOKEN_NOT_FOUND),
  };
})();

/** A builder that grew past this for one huge reply is dropped rather than kept. */
const KEEP_BUILDER_BYTES = 1 << 20;

/**
 * One FlatBuffers builder for the whole process, cleared before every message. Safe because a
 * message is always built and copied into its frame synchronously (no await in between), and
 * one warm builder stays in cache where one per connection would not.
 */
let sharedBuilder = new Builder(1024);

/** Unsent output beyond which the connection stops reading requests. */
const OUTPUT_HIGH_WATER = 8 << 20;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== undefined && v !== null && typeof (v as PromiseLike<unknown>).then === 'function';
}

class CallAborted extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CallAborted';
  }
}

interface Waiter {
  resolve(v: Uint8Array | undefined): void;
  reject(e: Error): void;
}

/** One exchange in progress; also the channel its plugins use to ask for vars and bodies. */
class Exchange implements InfoChannel {
  done = false;
  private waiting: Waiter | undefined;
  private queue: Array<{ frame: Buffer; w: Waiter }> | undefined;
  timer: NodeJS.Timeout | undefined;

  constructor(private readonly conn: Connection) {}

  askVar(name: string): Promise<Uint8Array | undefined> {
    return this.ask(() => buildVarAsk(this.conn.builder, name));
  }

  askBody(which: 'request' | 'response'): Promise<Uint8Array | undefined> {
    return this.ask(() => buildBodyAsk(this.conn.builder, which));
  }

  /** Sends one ExtraInfo request at a time: the gateway answers them strictly in turn. */
  private ask(build: () => Uint8Array): Promise<Uint8Array | undefined> {
    if (this.done) return Promise.reject(new CallAborted('the call is already over'));
    const frame = encodeFrame(RPC_EXTRA_INFO, build());
    return new Promise((resolve, reject) => {
      const w = { resolve, reject };
      if (this.waiting === undefined) {
        this.waiting = w;
        this.conn.write(frame);
      } else {
        (this.queue ??= []).push({ frame, w });
      }
    });
  }

  get awaitingInfo(): boolean {
    return this.waiting !== undefined;
  }

  answer(payload: Buffer): void {
    const w = this.waiting!;
    this.waiting = undefined;
    const next = this.queue?.shift();
    if (next !== undefined) {
      this.waiting = next.w;
      this.conn.write(next.frame);
    }
    let result: Uint8Array | undefined;
    try {
      result = decodeExtraInfoResp(payload);
    } catch (err) {
      w.reject(err as Error);
      return;
    }
    w.resolve(result);
  }

  finish(reason: string): void {
    this.done = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    // The gateway answers every ExtraInfo request it received before it reads our reply, even
    // when the call ended meanwhile (a plugin that did not await its var(), a missed deadline):
    // that answer must be swallowed, or it would be taken for the next request.
    if (this.waiting !== undefined) this.conn.strayAnswers++;
    // Most calls end with nothing outstanding: only then build the (stack-capturing) error.
    if (this.waiting === undefined && this.queue === undefined) return;
    const err = new CallAborted(reason);
    this.waiting?.reject(err);
    this.waiting = undefined;
    if (this.queue) for (const q of this.queue) q.w.reject(err);
    this.queue = undefined;
  }
}

export class Connection {
  get builder(): Builder {
    return sharedBuilder;
  }
  /** ExtraInfo answers still due for calls that already ended (see Exchange.finish). */
  strayAnswers = 0;
  private readonly reader: FrameReader;
  private exchange: Exchange | undefined;
  /** An async step (token fetch, conf registration) is running: frames must wait for it. */
  private busy = false;
  closed = false;

  constructor(
    private readonly sock: Duplex,
    private readonly engine: Engine,
    private readonly onClose: (c: Connection) => void,
  ) {
    this.reader = new FrameReader((t, p) => this.onFrame(t, p));
    sock.on('data', (chunk: Buffer) => this.reader.push(chunk));
    sock.on('error', () => {
      /* reset by the peer: 'close' follows and cleans up */
    });
    sock.on('close', () => this.cleanup());
  }

  get idle(): boolean {
    return !this.busy && this.exchange === undefined;
  }

  private paused = false;

  /**
   * Writes a frame. A peer that sends requests without reading the replies would make the
   * runner buffer without bound: past a few MiB of unsent output, reading stops until it drains.
   */
  write(frame: Buffer): void {
    if (this.closed) return;
    if (!this.sock.write(frame) && !this.paused && this.sock.writableLength > OUTPUT_HIGH_WATER) {
      this.paused = true;
      this.sock.pause();
      this.sock.once('drain', () => {
        this.paused = false;
        this.sock.resume();
      });
    }
  }

  private sendError(code: Err.Code): void {
    this.write(ERROR_FRAMES[code]);
  }

  /** Frames the reply and sends it; a reply too large for one frame becomes SERVICE_UNAVAILABLE. */
  private reply(type: number, payload: Uint8Array, key: string): void {
    let frame: Buffer;
    try {
      frame = encodeFrame(type, payload);
    } catch (err) {
      if (!(err instanceof FrameTooLargeError)) throw err;
      this.engine.log.error({ key, size: err.size }, 'reply exceeds the frame limit');
      frame = ERROR_FRAMES[Err.Code.SERVICE_UNAVAILABLE];
    }
    if (sharedBuilder.dataBuffer().capacity() > KEEP_BUILDER_BYTES) sharedBuilder = new Builder(1024);
    this.write(frame);
  }

  destroy(): void {
    this.sock.destroy();
  }

  /** Closes the connection once the exchange in flight (if any) is answered. */
  private draining = false;
  drain(): void {
    this.draining = true;
    if (this.idle) this.sock.end();
  }

  private settle(): void {
    this.busy = false;
    if (this.draining) this.sock.end();
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.reader.reset();
    this.exchange?.finish('the gateway closed the connection');
    this.exchange = undefined;
    this.onClose(this);
  }

  private violation(what: string): void {
    this.engine.log.warn({ what }, 'protocol violation, closing the connection');
    this.exchange?.finish('protocol violation');
    this.exchange = undefined;
    this.sock.destroy();
  }

  private onFrame(type: number, payload: Buffer): void {
    if (this.closed) return;
    if (type === RPC_EXTRA_INFO && this.strayAnswers > 0) {
      this.strayAnswers--;
      return;
    }
    const ex = this.exchange;
    if (ex !== undefined) {
      if (type === RPC_EXTRA_INFO && ex.awaitingInfo) ex.answer(payload);
      else this.violation(`frame of type ${type} while a call is in progress`);
      return;
    }
    if (this.busy) {
      this.violation(`frame of type ${type} before the previous one was answered`);
      return;
    }
    try {
      switch (type) {
        case RPC_PREPARE_CONF:
          this.prepare(payload);
          return;
        case RPC_HTTP_REQ_CALL:
          this.reqCall(payload);
          return;
        case RPC_HTTP_RESP_CALL:
          this.respCall(payload);
          return;
        default:
          this.engine.log.debug({ type }, 'unknown rpc type');
          this.sendError(Err.Code.BAD_REQUEST);
      }
    } catch (err) {
      if (err instanceof BadPayload || err instanceof RangeError || err instanceof TypeError) {
        this.engine.log.debug({ type, err: (err as Error).message }, 'undecodable payload');
        this.sendError(Err.Code.BAD_REQUEST);
      } else {
        this.engine.log.error({ type, err }, 'unexpected failure');
        this.sendError(Err.Code.SERVICE_UNAVAILABLE);
      }
    }
  }

  private prepare(payload: Buffer): void {
    const { key, entries } = decodePrepareConf(payload);
    let token: number | Promise<number>;
    try {
      token = this.engine.prepare(key, entries);
    } catch (err) {
      this.refuseConf(err, key);
      return;
    }
    if (typeof token === 'number') {
      this.reply(RPC_PREPARE_CONF, buildPrepareResp(this.builder, token), key);
      return;
    }
    this.busy = true;
    token.then(
      (t) => {
        if (!this.closed) this.reply(RPC_PREPARE_CONF, buildPrepareResp(this.builder, t), key);
        this.settle();
      },
      (err: unknown) => {
        if (!this.closed) this.refuseConf(err, key);
        this.settle();
      },
    );
  }

  private refuseConf(err: unknown, key: string): void {
    if (err instanceof ConfRejected) {
      this.engine.logRefusal(err);
      this.sendError(Err.Code.BAD_REQUEST);
    } else {
      this.engine.log.error({ key, err }, 'conf preparation failed');
      this.sendError(Err.Code.SERVICE_UNAVAILABLE);
    }
  }

  /** Unknown tokens get CONF_TOKEN_NOT_FOUND; tokens the primary must be asked about wait for it. */
  private withChain(found: Promise<Chain | undefined> | undefined, run: (c: Chain) => void): void {
    if (found === undefined) {
      this.sendError(Err.Code.CONF_TOKEN_NOT_FOUND);
    } else {
      this.busy = true;
      found.then(
        (c) => {
          this.busy = false;
          if (this.closed) return;
          if (c === undefined) {
            this.sendError(Err.Code.CONF_TOKEN_NOT_FOUND);
            this.settle();
          } else run(c);
        },
        (err: unknown) => {
          this.engine.log.error({ err }, 'token lookup failed');
          this.sendError(Err.Code.SERVICE_UNAVAILABLE);
          this.settle();
        },
      );
    }
  }

  private reqCall(payload: Buffer): void {
    const r = decodeReqCall(payload);
    const found = this.engine.lookup(r.confToken());
    if (found !== undefined && !isThenable(found)) this.runRequest(found, r);
    else this.withChain(found, (chain) => this.runRequest(chain, r));
  }

  private respCall(payload: Buffer): void {
    const r = decodeRespCall(payload);
    const found = this.engine.lookup(r.confToken());
    if (found !== undefined && !isThenable(found)) this.runResponse(found, r);
    else this.withChain(found, (chain) => this.runResponse(chain, r));
  }

  private runRequest(chain: Chain, r: HTTPReqCall.Req): void {
    const ex = new Exchange(this);
    this.requestFrom(ex, chain, new CallRequest(r, ex), new ResponseWriter(), 0);
  }

  /** Runs request filters from link `i`; synchronous filters cost no promise and no closure. */
  private requestFrom(ex: Exchange, chain: Chain, req: CallRequest, res: ResponseWriter, i: number): void {
    const links = chain.links;
    while (i < links.length) {
      const link = links[i++]!;
      const f = link.plugin.requestFilter;
      if (f === undefined) continue;
      let out: unknown;
      try {
        out = f.call(link.plugin, link.conf, req, res);
      } catch (err) {
        this.failed(ex, chain, link, err);
        return;
      }
      if (isThenable(out)) {
        const next = i;
        this.waitFor(ex, chain, link, out, () =>
          res.responded ? this.endRequest(ex, chain, req, res) : this.requestFrom(ex, chain, req, res, next),
        );
        return;
      }
      if (res.responded) break;
    }
    this.endRequest(ex, chain, req, res);
  }

  private endRequest(ex: Exchange, chain: Chain, req: CallRequest, res: ResponseWriter): void {
    if (ex.done) return;
    let payload: Uint8Array;
    try {
      payload = buildReqCallReply(this.builder, req, res);
    } catch (err) {
      this.failed(ex, chain, undefined, err);
      return;
    }
    this.complete(ex);
    this.reply(RPC_HTTP_REQ_CALL, payload, chain.key);
  }

  private runResponse(chain: Chain, r: HTTPRespCall.Req): void {
    const ex = new Exchange(this);
    this.responseFrom(ex, chain, new UpstreamResponse(r, ex), 0);
  }

  private responseFrom(ex: Exchange, chain: Chain, res: UpstreamResponse, i: number): void {
    const links = chain.links;
    while (i < links.length) {
      const link = links[i++]!;
      const f = link.plugin.responseFilter;
      if (f === undefined) continue;
      let out: unknown;
      try {
        out = f.call(link.plugin, link.conf, res);
      } catch (err) {
        this.failed(ex, chain, link, err);
        return;
      }
      if (isThenable(out)) {
        const next = i;
        this.waitFor(ex, chain, link, out, () => this.responseFrom(ex, chain, res, next));
        return;
      }
    }
    if (ex.done) return;
    let payload: Uint8Array;
    try {
      payload = buildRespCallReply(this.builder, res);
    } catch (err) {
      this.failed(ex, chain, undefined, err);
      return;
    }
    this.complete(ex);
    this.reply(RPC_HTTP_RESP_CALL, payload, chain.key);
  }

  /** Awaits a plugin's promise under the call deadline. */
  private waitFor(ex: Exchange, chain: Chain, link: ChainLink, p: PromiseLike<unknown>, next: () => void): void {
    if (this.exchange === undefined) {
      this.exchange = ex;
      const ms = this.engine.settings.callTimeoutMs;
      ex.timer = setTimeout(() => {
        if (ex.done) return;
        this.engine.log.error({ key: chain.key, plugin: link.plugin.name, timeoutMs: ms }, 'plugin missed the call deadline');
        this.complete(ex);
        this.sendError(Err.Code.SERVICE_UNAVAILABLE);
      }, ms);
    }
    p.then(
      () => {
        if (!ex.done) next();
      },
      (err: unknown) => {
        if (!ex.done) this.failed(ex, chain, link, err);
      },
    );
  }

  private failed(ex: Exchange, chain: Chain, link: ChainLink | undefined, err: unknown): void {
    if (ex.done) return;
    const closedByGateway = err instanceof CallAborted;
    this.complete(ex);
    if (closedByGateway || this.closed) return;
    this.engine.log.error(
      { key: chain.key, plugin: link?.plugin.name, err: err instanceof Error ? err : String(err) },
      'plugin failed',
    );
    this.sendError(Err.Code.SERVICE_UNAVAILABLE);
  }

  private complete(ex: Exchange): void {
    ex.finish('the call is already over');
    if (this.exchange === ex) this.exchange = undefined;
    if (this.draining && !this.busy) queueMicrotask(() => this.sock.end());
  }
}
