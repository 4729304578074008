/**
 * Chain execution: one call runs its chain's filters for one phase (request or upstream
 * response) in order, until the end or until a request filter answers the client itself (Stop).
 * One loop serves both phases; a phase only says which filter to call, whether the call is
 * settled early, and how its reply is built.
 *
 * Synchronous filters cost no promise and no closure. A filter that returns a thenable suspends
 * the call under the call deadline; the thenable goes through Promise.resolve, so one whose then()
 * throws, or calls back twice, still settles the call exactly once.
 *
 * The call is also its plugins' channel to the gateway (ExtraInfo: vars and bodies, extra-info.ts)
 * and the source of their context (`req.log`, `req.signal`: call-context.ts, made on first use).
 * The signal is aborted when the call can no longer be answered: at its deadline, when the runner
 * stops waiting for it at shutdown, or when the connection goes away; never on a normal end.
 */
// Imported, not the global: `globalThis.performance` is a lazy getter that a hot loop pays for on
// every read (measured: ~1 % of a stop call's CPU with metrics on).
import { performance } from 'node:perf_hooks';
import type { Builder, HTTPReqCall, HTTPRespCall } from './wire.js';
import { Err } from './wire.js';
import { RPC_EXTRA_INFO, RPC_HTTP_REQ_CALL, RPC_HTTP_RESP_CALL, encodeFrame } from './frame.js';
import { buildBodyAsk, buildReqCallReply, buildRespCallReply, buildVarAsk } from './codec.js';
import { CallAborted, InfoExchange } from './extra-info.js';
import { CallRequest, ResponseWriter, UpstreamResponse, type InfoChannel } from './call-objects.js';
import type { Chain, ChainLink } from './chain.js';
import type { Engine } from './engine.js';
import { replyBuilder } from './reply.js';
import { CallContextState } from './call-context.js';
import { CallCancelled, type CancelWhy } from './plugin.js';
import type { Logger } from './logger.js';
import {
  FILTER_DEADLINE,
  FILTER_THROW,
  INFO_REQ_BODY,
  INFO_RESP_BODY,
  INFO_VAR,
  OUTCOME_NO_ACTION,
  OUTCOME_REWRITE,
  OUTCOME_STOP,
  PHASE_REQUEST,
  PHASE_RESPONSE,
} from './metrics-ids.js';

/** The connection side of a call (implemented by the dispatcher). */
export interface CallHost {
  readonly engine: Engine;
  /** The connection is gone: nothing can be sent any more. */
  readonly closed: boolean;
  /** Sends a frame that is not the reply (an ExtraInfo request). */
  send(frame: Buffer): void;
  /** The call waits on a promise: frames that arrive now belong to it. */
  suspended(call: Call): void;
  /** Ends the call with its reply: a payload of `type`, built in the shared builder. */
  replied(call: Call, type: number, payload: Uint8Array): void;
  /** Ends the call with an error code, or with no reply at all (`undefined`: the connection is gone). */
  failed(call: Call, code: Err.Code | undefined): void;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as PromiseLike<unknown>).then === 'function';
}

export abstract class Call implements InfoChannel {
  done = false;
  /** Index of the next link to run. */
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The link whose promise the call waits on (for the deadline's log line). */
  private awaiting: ChainLink | undefined;
  /** Questions to the gateway (made on the first one). */
  private info: InfoExchange | undefined;
  /** The plugins' logger and signal (made on first use, or when the call is cancelled). */
  private context: CallContextState | undefined;

  constructor(
    protected readonly host: CallHost,
    readonly chain: Chain,
  ) {}

  /** Runs this phase's filter of `link`; returns what it returned (undefined when it has none). */
  protected abstract invoke(link: ChainLink): unknown;
  /** True once no further filter may run (a request answered by a plugin). */
  protected abstract get stopped(): boolean;
  protected abstract buildReply(b: Builder): Uint8Array;
  /** The call ended: its request (or response) stops reading the frame, whose buffer may be reused. */
  protected abstract seal(): void;
  protected abstract get replyType(): number;
  /** PHASE_REQUEST or PHASE_RESPONSE (metrics). */
  abstract get phase(): number;
  /** How the reply just built ends the call: OUTCOME_STOP, _REWRITE or _NO_ACTION (metrics). */
  abstract get outcome(): number;

  /**
   * Runs the filters from the next link on, until the chain ends or a filter suspends the call.
   * `at`: the current performance.now() when the caller just read it (metrics on).
   */
  run(at?: number): void {
    const links = this.chain.links;
    const metrics = this.host.engine.metrics;
    // performance.now() only with metrics on: off, the loop does nothing it did not do before. One
    // filter's end is the next one's start.
    let now = metrics === undefined ? 0 : (at ?? performance.now());
    while (this.next < links.length && !this.stopped) {
      const link = links[this.next++]!;
      let pending: PromiseLike<unknown> | undefined;
      const started = now;
      try {
        const out = this.invoke(link);
        if (out !== undefined && isThenable(out)) pending = out;
      } catch (err) {
        this.fail(link, err, started);
        return;
      }
      if (pending !== undefined) {
        this.suspend(link, pending, started);
        return;
      }
      if (metrics !== undefined) {
        now = performance.now();
        metrics.filterTook(link.slot, this.phase, now - started);
      }
    }
    this.end();
  }

  private end(): void {
    if (this.done) return;
    let payload: Uint8Array;
    try {
      payload = this.buildReply(replyBuilder());
    } catch (err) {
      this.fail(undefined, err);
      return;
    }
    this.finish('the call is already over');
    this.host.replied(this, this.replyType, payload);
  }

  /** Waits for a filter's thenable under the call deadline. */
  private suspend(link: ChainLink, p: PromiseLike<unknown>, started: number): void {
    this.awaiting = link;
    if (this.timer === undefined) {
      this.host.suspended(this);
      this.timer = setTimeout(missedDeadline, this.host.engine.settings.callTimeoutMs, this);
    }
    Promise.resolve(p).then(
      () => {
        if (this.done) return;
        const metrics = this.host.engine.metrics;
        if (metrics === undefined) {
          this.run();
          return;
        }
        const now = performance.now();
        metrics.filterTook(link.slot, this.phase, now - started);
        this.run(now);
      },
      (err: unknown) => this.fail(link, err, started),
    );
  }

  /** @internal called by the deadline timer */
  deadline(): void {
    if (this.done) return;
    this.host.engine.log.error(
      { key: this.chain.key, plugin: this.awaiting?.plugin.name, timeoutMs: this.host.engine.settings.callTimeoutMs },
      'plugin missed the call deadline',
    );
    if (this.awaiting !== undefined)
      this.host.engine.metrics?.filterFailed(this.awaiting.slot, this.phase, FILTER_DEADLINE);
    this.finish('the call missed its deadline');
    this.host.failed(this, Err.Code.SERVICE_UNAVAILABLE);
    this.cancel(`the call missed its deadline of ${this.host.engine.settings.callTimeoutMs} ms`, 'deadline');
  }

  /** A filter threw or rejected, or the reply could not be built: SERVICE_UNAVAILABLE. */
  private fail(link: ChainLink | undefined, err: unknown, started = 0): void {
    if (this.done) return;
    this.finish('the call is already over');
    if (err instanceof CallAborted || this.host.closed) {
      this.host.failed(this, undefined);
      return;
    }
    const metrics = this.host.engine.metrics;
    if (metrics !== undefined && link !== undefined) {
      metrics.filterTook(link.slot, this.phase, performance.now() - started);
      metrics.filterFailed(link.slot, this.phase, FILTER_THROW);
    }
    this.host.engine.log.error(
      { key: this.chain.key, plugin: link?.plugin.name, err: err instanceof Error ? err : String(err) },
      'plugin failed',
    );
    this.host.failed(this, Err.Code.SERVICE_UNAVAILABLE);
  }

  /** The connection went away or broke the protocol, or the runner shuts down: the call ends with no reply. */
  abort(reason: string, why: CancelWhy = 'disconnected'): void {
    if (this.done) return;
    this.finish(reason);
    this.cancel(reason, why);
  }

  // ------------------------------------------------------------------ plugin context

  get signal(): AbortSignal {
    return (this.context ??= new CallContextState()).signal;
  }

  /** The logger of the plugin running now (the link last started), bound to this call. */
  pluginLog(requestId: number): Logger {
    const index = this.next > 0 ? this.next - 1 : 0;
    const link = this.chain.links[index];
    return (this.context ??= new CallContextState()).logger(index, () =>
      this.host.engine.log.child({ plugin: link?.plugin.name, requestId, key: this.chain.key }),
    );
  }

  /** Rare (a call that cannot be answered any more), so the context is made here if need be. */
  private cancel(message: string, why: CancelWhy): void {
    (this.context ??= new CallContextState()).cancel(new CallCancelled(message, why));
  }

  // ------------------------------------------------------------------ ExtraInfo

  askVar(name: string): Promise<Uint8Array | undefined> {
    return this.ask(INFO_VAR, () => buildVarAsk(replyBuilder(), name));
  }

  askBody(which: 'request' | 'response'): Promise<Uint8Array | undefined> {
    return this.ask(which === 'request' ? INFO_REQ_BODY : INFO_RESP_BODY, () => buildBodyAsk(replyBuilder(), which));
  }

  private ask(kind: number, build: () => Uint8Array): Promise<Uint8Array | undefined> {
    if (this.done) return Promise.reject(new CallAborted('the call is already over'));
    const frame = encodeFrame(RPC_EXTRA_INFO, build());
    return (this.info ??= new InfoExchange(this.host, this.host.engine.metrics)).ask(frame, kind);
  }

  /** An ExtraInfo request is out: the gateway's next ExtraInfo frame answers it (even after the call ended). */
  get awaitingInfo(): boolean {
    return this.info?.outstanding === true;
  }

  /** An ExtraInfo answer arrived for the request in flight. */
  answer(payload: Buffer): void {
    this.info!.answer(payload);
  }

  private finish(reason: string): void {
    this.done = true;
    this.seal();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.info?.abort(reason);
  }
}

function missedDeadline(call: Call): void {
  call.deadline();
}

/** ext-plugin-pre-req / post-req: request filters, Stop or Rewrite. */
export class RequestCall extends Call {
  private readonly req: CallRequest;
  private readonly res = new ResponseWriter();

  constructor(host: CallHost, chain: Chain, r: HTTPReqCall.Req) {
    super(host, chain);
    this.req = new CallRequest(r, this);
  }

  protected invoke(link: ChainLink): unknown {
    const plugin = link.plugin;
    return plugin.requestFilter === undefined ? undefined : plugin.requestFilter(link.conf, this.req, this.res);
  }

  protected get stopped(): boolean {
    return this.res.responded;
  }

  protected get replyType(): number {
    return RPC_HTTP_REQ_CALL;
  }

  get phase(): number {
    return PHASE_REQUEST;
  }

  get outcome(): number {
    return this.res.responded ? OUTCOME_STOP : this.req.modified ? OUTCOME_REWRITE : OUTCOME_NO_ACTION;
  }

  protected buildReply(b: Builder): Uint8Array {
    return buildReqCallReply(b, this.req, this.res);
  }

  protected seal(): void {
    this.req.seal();
  }
}

/** ext-plugin-post-resp: response filters over the upstream response. */
export class ResponseCall extends Call {
  private readonly res: UpstreamResponse;

  constructor(host: CallHost, chain: Chain, r: HTTPRespCall.Req) {
    super(host, chain);
    this.res = new UpstreamResponse(r, this);
  }

  protected invoke(link: ChainLink): unknown {
    const plugin = link.plugin;
    return plugin.responseFilter === undefined ? undefined : plugin.responseFilter(link.conf, this.res);
  }

  // A response filter cannot stop the chain: every one of them runs.
  protected readonly stopped = false;

  protected get replyType(): number {
    return RPC_HTTP_RESP_CALL;
  }

  get phase(): number {
    return PHASE_RESPONSE;
  }

  /** Rewrite: a filter changed the status, a header or the body. */
  get outcome(): number {
    const r = this.res;
    return r.statusChanged || r.changedHeaders !== undefined || r.newBody !== undefined
      ? OUTCOME_REWRITE
      : OUTCOME_NO_ACTION;
  }

  protected buildReply(b: Builder): Uint8Array {
    return buildRespCallReply(b, this.res);
  }

  protected seal(): void {
    this.res.seal();
  }
}
