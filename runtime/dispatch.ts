/**
 * Dispatch: what a frame means on one connection, given where its exchange stands. A frame
 * starts an exchange (PrepareConf, HTTPReqCall, HTTPRespCall), answers the call in progress
 * (ExtraInfo), or breaks the protocol (APISIX never pipelines), which closes the connection.
 *
 * Error mapping: a payload that does not decode (BadPayload) is answered BAD_REQUEST and the
 * connection stays usable; any other exception is a bug in a6kit, logged as an error and
 * answered SERVICE_UNAVAILABLE.
 */
import { Err } from './wire.js';
import { MAX_PAYLOAD, RPC_EXTRA_INFO, RPC_HTTP_REQ_CALL, RPC_HTTP_RESP_CALL, RPC_PREPARE_CONF } from './frame.js';
import { BadPayload, buildPrepareResp, decodePrepareConf, decodeReqCall, decodeRespCall } from './codec.js';
import { ConfRejected, type Chain } from './chain.js';
import { RequestCall, ResponseCall, type Call, type CallHost } from './call.js';
import type { Engine } from './engine.js';
import type { RunnerMetrics } from './metrics.js';
import type { CancelWhy } from './plugin.js';
import { ERROR_FRAMES, frameOf, replyBuilder, trimBuilder } from './reply.js';
import {
  PHASE_REQUEST,
  PHASE_RESPONSE,
  PREPARE_ACCEPTED,
  PREPARE_FAILED,
  PREPARE_INVALID_CONF,
  PREPARE_UNKNOWN_PLUGIN,
  REFUSED_MALFORMED,
  REFUSED_OUTPUT_BUDGET,
  REFUSED_REPLY_TOO_LARGE,
  REFUSED_UNKNOWN_TYPE,
} from './metrics-ids.js';

/** The transport as the dispatcher sees it. */
export interface Wire {
  readonly closed: boolean;
  /** Sends a frame inside an exchange (an ExtraInfo request). */
  send(frame: Buffer): void;
  /** Whether a reply of `bytes` fits the output budget (logs the refusal when it does not). */
  fits(bytes: number, key: string): boolean;
  /** Sends the frame that ends an exchange. */
  reply(frame: Buffer): void;
  /** The peer broke the protocol: close the connection. */
  violation(what: string): void;
}

export class Dispatcher implements CallHost {
  /** ExtraInfo answers still due for calls that already ended (the gateway answers every request it got). */
  private strayAnswers = 0;
  /** The call suspended on a promise: frames that arrive belong to it. */
  private call: Call | undefined;
  /** An async step (PrepareConf, a token asked of the cluster primary) runs: no frame may come. */
  private busy = false;

  constructor(
    readonly engine: Engine,
    private readonly wire: Wire,
  ) {}

  get closed(): boolean {
    return this.wire.closed;
  }

  /** No exchange in progress. */
  get idle(): boolean {
    return !this.busy && this.call === undefined;
  }

  onFrame(type: number, payload: Buffer): void {
    if (type === RPC_EXTRA_INFO && this.strayAnswers > 0) {
      this.strayAnswers--;
      return;
    }
    const call = this.call;
    if (call !== undefined) {
      if (type === RPC_EXTRA_INFO && call.awaitingInfo) call.answer(payload);
      else this.wire.violation(`frame of type ${type} while a call is in progress`);
      return;
    }
    if (this.busy) {
      this.wire.violation(`frame of type ${type} before the previous one was answered`);
      return;
    }
    try {
      switch (type) {
        case RPC_HTTP_REQ_CALL: {
          const r = decodeReqCall(payload);
          const chain = this.engine.confs.get(r.confToken());
          if (chain !== undefined) new RequestCall(this, chain, r).run();
          else this.slowToken(RPC_HTTP_REQ_CALL, r.confToken(), (c) => new RequestCall(this, c, r));
          return;
        }
        case RPC_HTTP_RESP_CALL: {
          const r = decodeRespCall(payload);
          const chain = this.engine.confs.get(r.confToken());
          if (chain !== undefined) new ResponseCall(this, chain, r).run();
          else this.slowToken(RPC_HTTP_RESP_CALL, r.confToken(), (c) => new ResponseCall(this, c, r));
          return;
        }
        case RPC_PREPARE_CONF:
          this.prepare(payload);
          return;
        default:
          this.engine.log.debug({ type }, 'unknown rpc type');
          this.engine.metrics?.frameRefused(REFUSED_UNKNOWN_TYPE);
          this.error(Err.Code.BAD_REQUEST);
      }
    } catch (err) {
      this.unexpected(type, err);
    }
  }

  private unexpected(type: number, err: unknown): void {
    if (this.closed) return;
    const code = err instanceof BadPayload ? Err.Code.BAD_REQUEST : Err.Code.SERVICE_UNAVAILABLE;
    if (code === Err.Code.BAD_REQUEST)
      this.engine.log.debug({ type, err: (err as Error).message }, 'undecodable payload');
    else
      this.engine.log.error(
        { type, err: err instanceof Error ? err : String(err) },
        'unexpected failure (a bug in a6kit)',
      );
    const m = this.engine.metrics;
    if (m !== undefined) {
      if (code === Err.Code.BAD_REQUEST) m.frameRefused(REFUSED_MALFORMED);
      if (type === RPC_PREPARE_CONF) m.prepared(PREPARE_FAILED);
      else if (type === RPC_HTTP_REQ_CALL || type === RPC_HTTP_RESP_CALL)
        m.called(type === RPC_HTTP_REQ_CALL ? PHASE_REQUEST : PHASE_RESPONSE, code);
    }
    this.error(code);
  }

  /**
   * The slow path: a token this process does not hold. Only in cluster mode can another process
   * know it; a single process answers CONF_TOKEN_NOT_FOUND at once (APISIX then prepares again).
   */
  private slowToken(type: number, token: number, start: (chain: Chain) => Call): void {
    const confs = this.engine.confs;
    if (!confs.hasSlowPath) {
      this.callError(type, Err.Code.CONF_TOKEN_NOT_FOUND);
      return;
    }
    this.busy = true;
    this.engine.find(token).then(
      (chain) => {
        this.busy = false;
        if (this.closed) return;
        if (chain === undefined) {
          this.callError(type, Err.Code.CONF_TOKEN_NOT_FOUND);
          return;
        }
        try {
          start(chain).run();
        } catch (err) {
          this.unexpected(type, err);
        }
      },
      (err: unknown) => {
        this.busy = false;
        if (this.closed) return;
        this.engine.log.error({ err }, 'token lookup failed');
        this.callError(type, Err.Code.SERVICE_UNAVAILABLE);
      },
    );
  }

  private prepare(payload: Buffer): void {
    const { key, entries } = decodePrepareConf(payload);
    let token: number | Promise<number>;
    try {
      token = this.engine.prepare(key, entries);
    } catch (err) {
      this.refuseConf(key, err);
      return;
    }
    if (typeof token === 'number') {
      this.prepared(token);
      return;
    }
    this.busy = true;
    token.then(
      (t) => {
        this.busy = false;
        if (!this.closed) this.prepared(t);
      },
      (err: unknown) => {
        this.busy = false;
        if (!this.closed) this.refuseConf(key, err);
      },
    );
  }

  private prepared(token: number): void {
    this.engine.metrics?.prepared(PREPARE_ACCEPTED);
    const frame = frameOf(RPC_PREPARE_CONF, buildPrepareResp(replyBuilder(), token));
    this.wire.reply(frame ?? ERROR_FRAMES[Err.Code.SERVICE_UNAVAILABLE]);
  }

  private refuseConf(key: string, err: unknown): void {
    if (err instanceof ConfRejected) {
      this.engine.logRefusal(err);
      this.engine.metrics?.prepared(
        this.engine.registry.has(err.plugin) ? PREPARE_INVALID_CONF : PREPARE_UNKNOWN_PLUGIN,
      );
      this.error(Err.Code.BAD_REQUEST);
    } else {
      this.engine.log.error({ key, err }, 'conf preparation failed');
      this.engine.metrics?.prepared(PREPARE_FAILED);
      this.error(Err.Code.SERVICE_UNAVAILABLE);
    }
  }

  private error(code: Err.Code): void {
    this.wire.reply(ERROR_FRAMES[code]);
  }

  /** A call (frame `type`) answered with an error code before any plugin ran. */
  private callError(type: number, code: Err.Code): void {
    this.engine.metrics?.called(type === RPC_HTTP_REQ_CALL ? PHASE_REQUEST : PHASE_RESPONSE, code);
    this.error(code);
  }

  // ------------------------------------------------------------------ CallHost

  send(frame: Buffer): void {
    this.wire.send(frame);
  }

  suspended(call: Call): void {
    this.call = call;
  }

  replied(call: Call, type: number, payload: Uint8Array): void {
    if (this.call === call) this.call = undefined;
    if (call.awaitingInfo) this.strayAnswers++;
    if (this.closed) return;
    const key = call.chain.key;
    // A reply over the protocol's 3-byte length can never be sent, whatever the output budget: the
    // budget is asked only for one that could be (frameOf refuses the other as too large).
    const fits = payload.length > MAX_PAYLOAD || this.wire.fits(payload.length, key);
    if (!fits) trimBuilder();
    const frame = fits ? frameOf(type, payload) : ERROR_FRAMES[Err.Code.SERVICE_UNAVAILABLE];
    if (frame === undefined) {
      this.replyTooLarge(call, key, payload.length);
      return;
    }
    // Out of line, as is the too-large path: this method stays small enough to be inlined.
    const m = this.engine.metrics;
    if (m !== undefined) countReply(m, call, fits);
    this.wire.reply(frame);
  }

  private replyTooLarge(call: Call, key: string, size: number): void {
    this.engine.log.error({ key, size }, 'reply exceeds the frame limit');
    const m = this.engine.metrics;
    if (m !== undefined) {
      m.frameRefused(REFUSED_REPLY_TOO_LARGE);
      m.called(call.phase, Err.Code.SERVICE_UNAVAILABLE);
    }
    this.error(Err.Code.SERVICE_UNAVAILABLE);
  }

  failed(call: Call, code: Err.Code | undefined): void {
    if (this.call === call) this.call = undefined;
    if (call.awaitingInfo) this.strayAnswers++;
    if (code !== undefined && !this.closed) {
      this.engine.metrics?.called(call.phase, code);
      this.error(code);
    }
  }

  /** The connection is going away: the call in flight ends with no reply (its plugins' signal says `why`). */
  abort(reason: string, why?: CancelWhy): void {
    this.call?.abort(reason, why);
    this.call = undefined;
  }
}

/** A reply sent: its outcome, or SERVICE_UNAVAILABLE in its place when over the output budget. */
function countReply(m: RunnerMetrics, call: Call, fits: boolean): void {
  if (!fits) m.frameRefused(REFUSED_OUTPUT_BUDGET);
  m.called(call.phase, fits ? call.outcome : Err.Code.SERVICE_UNAVAILABLE);
}
