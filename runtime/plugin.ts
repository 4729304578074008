/**
 * The plugin API: what a plugin author writes against.
 *
 * Modelled on the Go runner's four methods (Name / ParseConf / RequestFilter / ResponseFilter),
 * typed end to end: the config parsed once at PrepareConf time is what every filter call receives.
 *
 * This module holds types and one helper only; the runner implements the objects behind them.
 */
import type { Method } from './protocol/index.js';
import type { Logger } from './logger.js';

/** HTTP methods APISIX can send: the names of the protocol's `A6.Method` enum (`'GET'`, `'POST'`, …). */
export type HttpMethod = keyof typeof Method;

/** A body as a plugin may give it: text is encoded as UTF-8. */
export type BodyInit = string | Uint8Array;

/**
 * Case-insensitive multi-map of header fields. Names are compared lower-cased; values keep the
 * order in which the gateway sent them.
 */
export interface Headers {
  /** First value of the field, or undefined. */
  get(name: string): string | undefined;
  /** Every value of the field, in order (empty when absent). */
  getAll(name: string): readonly string[];
  has(name: string): boolean;
  /** Replace every value of the field with `value` (an array sets a repeated field). */
  set(name: string, value: string | readonly string[]): void;
  /** Add one more value to the field. */
  append(name: string, value: string): void;
  /** Remove the field. */
  delete(name: string): void;
  /** Every (lower-cased name, value) pair, repeated fields as several pairs. */
  entries(): IterableIterator<[string, string]>;
}

/** Query arguments: same shape as headers but names are case-sensitive. */
export type Args = Headers;

/** The three APISIX plugins that call an external runner, in the order a request meets them. */
export type Phase = 'ext-plugin-pre-req' | 'ext-plugin-post-req' | 'ext-plugin-post-resp';

/** Why a call's `signal` was aborted: see `CallCancelled`. */
export type CancelWhy = 'deadline' | 'shutdown' | 'disconnected';

/**
 * The reason of an aborted `signal`: the call can no longer be answered by its plugins.
 * `why` says which: `deadline` (the call deadline passed; `name` is `TimeoutError`, as for
 * `AbortSignal.timeout`), `shutdown` (the runner is closing and stopped waiting for the call) or
 * `disconnected` (the gateway closed the connection); for the last two `name` is `AbortError`.
 * `fetch(url, { signal })` rejects with this object.
 */
export class CallCancelled extends Error {
  constructor(
    message: string,
    readonly why: CancelWhy,
  ) {
    super(message);
    this.name = why === 'deadline' ? 'TimeoutError' : 'AbortError';
  }
}

/**
 * A plugin read a request (or an upstream response) after its call ended. What a filter gets is
 * valid while its call runs: until the filter returns, or until its promise settles. The runner
 * collects a connection's big request frames into one reused buffer, so a late read could only see
 * another request; it throws this instead. Read what a background task needs before the filter
 * returns. What was read during the call (a header value, the path) stays readable.
 */
export class CallEnded extends Error {
  constructor(what: string) {
    super(`${what} was read after its call ended: read it while the filter runs, before its promise settles`);
    this.name = 'CallEnded';
  }
}

/**
 * What every filter call carries besides the HTTP message, on the request (`req.log`) and on the
 * upstream response (`res.log`). Both are made on first use: a call that never touches them pays
 * nothing for them.
 */
export interface CallContext {
  /**
   * The runner's logger for this plugin in this call: every line carries `plugin`, `requestId` and
   * `key` (the route's conf key) and goes into the runner's JSON log. Use it instead of `console`.
   */
  readonly log: Logger;
  /**
   * Aborted when the call can no longer be answered: its deadline passed, the runner shuts down,
   * or the gateway closed the connection (`signal.reason` is a `CallCancelled` saying which).
   * Never aborted when the call ends normally. Pass it to `fetch` and timers so outbound work
   * stops with the call; abort listeners should not throw.
   */
  readonly signal: AbortSignal;
}

/** The request as seen by `requestFilter`. Mutations become the Rewrite sent back to APISIX. */
export interface PluginRequest extends CallContext {
  /** Request id chosen by APISIX (for logs; recycled). */
  readonly id: number;
  /** Client address in text form: `203.0.113.9` or `2001:db8::1`. */
  readonly srcIp: string;
  readonly method: HttpMethod;
  /** Path without the query string. Assign (decoded, starting with `/`) to rewrite the upstream path. */
  path: string;
  /** Request headers. Changes are sent to the upstream; setting `host` changes the upstream host. */
  readonly headers: Headers;
  /** Query arguments. Changes are sent to the upstream. */
  readonly args: Args;
  /**
   * Headers to add to the client's response once the upstream answers (protocol `resp_headers`).
   * Only takes effect when the request is rewritten (not stopped).
   */
  readonly respHeaders: Headers;
  /** An nginx variable (`ngx.var[name]`), fetched from APISIX on first use and cached for the call. */
  var(name: string): Promise<string | undefined>;
  /** The request body, fetched from APISIX on first use and cached for the call. */
  body(): Promise<Uint8Array>;
  /** The request body as UTF-8 text. */
  text(): Promise<string>;
  /** Replace the body sent to the upstream. */
  setBody(body: BodyInit): void;
}

/**
 * Lets `requestFilter` answer the client itself. Writing anything (status, a header or a body) makes
 * the runner stop the chain and send a Stop action; APISIX then answers the client without
 * calling the upstream. Status defaults to 200 when only headers or a body are written.
 */
export interface PluginResponseWriter {
  /** Status to answer with (undefined until set). */
  status: number | undefined;
  readonly headers: Headers;
  /** Set the body to answer with (replaces any earlier body). */
  write(body: BodyInit): void;
  /** Shorthand: status, optional body and headers in one call. */
  respond(status: number, body?: BodyInit, headers?: Record<string, string | readonly string[]>): void;
  /** True once anything was written: the chain stops after this plugin. */
  readonly responded: boolean;
}

/** The upstream response as seen by `responseFilter` (ext-plugin-post-resp). */
export interface PluginUpstreamResponse extends CallContext {
  readonly id: number;
  /** Upstream status; assign to change the status sent to the client. */
  status: number;
  /** Upstream headers; changes are sent to the client. */
  readonly headers: Headers;
  /** An nginx variable, fetched from APISIX on first use and cached for the call. */
  var(name: string): Promise<string | undefined>;
  /** The upstream body, fetched from APISIX on first use and cached for the call. */
  body(): Promise<Uint8Array>;
  text(): Promise<string>;
  /** Replace the body sent to the client. */
  setBody(body: BodyInit): void;
}

/** Where a config comes from, for plugins whose state must be told apart per route. */
export interface ConfContext {
  /**
   * APISIX's key of the conf (route or service id, its version and the phase): the same on every
   * gateway node for the same route version, different for another route or a changed conf.
   */
  readonly key: string;
}

/**
 * A plugin. `C` is its parsed config: what `parseConf` returns and every filter receives.
 *
 * `parseConf` runs once per PrepareConf (never per request) with the JSON text APISIX holds for
 * the route; throw (ideally a `ConfError`) to refuse the config, with a message saying what is wrong.
 * The runner always passes `ctx`; it is optional so tests may call `parseConf(text)` alone.
 */
export interface Plugin<C = unknown> {
  /** Name used in the route's `ext-plugin-*` conf list (1 to 128 characters). */
  readonly name: string;
  parseConf(raw: string, ctx?: ConfContext): C;
  /**
   * JSON Schema of the config, shown by `a6-runner plugins --json`. Optional: a generated
   * `parseConf` already carries its schema; set this when `parseConf` is your own wrapper.
   */
  readonly schema?: Record<string, unknown>;
  /**
   * The phases this plugin may be configured in. By default the phases its filters act in:
   * `requestFilter` in ext-plugin-pre-req and ext-plugin-post-req, `responseFilter` in
   * ext-plugin-post-resp. A route that lists the plugin in another phase is refused at PrepareConf
   * (it would silently do nothing there: an auth plugin in post-resp lets everything through).
   * Set this to allow such a phase on purpose, or to narrow the default.
   */
  readonly phases?: readonly Phase[];
  requestFilter?(conf: C, req: PluginRequest, res: PluginResponseWriter): void | Promise<void>;
  responseFilter?(conf: C, res: PluginUpstreamResponse): void | Promise<void>;
  /**
   * Called once for every config `parseConf` returned, when the runner no longer uses it: its conf
   * token expired or was replaced, the route's conf list was refused after it, or the runner is
   * closing. Release here what `parseConf` acquired (a shared connection, a timer). Filters may
   * still be running with `conf` (a call in flight). Should not throw; a throw is reported as a
   * process warning and ignored.
   */
  releaseConf?(conf: C): void;
}

/** Thrown by `parseConf` for a config that is refused; the runner logs `message` with the route key. */
export class ConfError extends Error {
  constructor(
    message: string,
    /** Where in the config, as a JSON pointer (`/headers/0/name`), when known. */
    readonly pointer?: string,
  ) {
    super(message);
    this.name = 'ConfError';
  }
}

/** Identity helper that infers `C` from `parseConf`, so filters get a typed config. */
export function definePlugin<C>(plugin: Plugin<C>): Plugin<C> {
  return plugin;
}

/**
 * Any plugin, whatever its config type (for registries). `Plugin<C>` is assignable to it because
 * the filters are declared as methods (parameters checked bivariantly) and `parseConf` returns `C`.
 */
export type AnyPlugin = Plugin<unknown>;
