/**
 * A gateway simulator: speaks to a runner the way APISIX's ext-plugin client does and applies the
 * reply the way the gateway would, so tests can say "this request, these plugins -> this upstream
 * request / this client response".
 *
 * Behaviour mirrored from APISIX (apisix/plugins/ext-plugin/init.lua):
 * - PrepareConf runs on its own pooled connection while the call waits on another one;
 * - tokens are cached per conf key; CONF_TOKEN_NOT_FOUND flushes the cache and retries, 3 tries in all;
 * - every other error answers the client 503 (or passes the request on with allow_degradation);
 * - connections are kept alive (pool of 32) and closed after any error;
 * - ExtraInfo requests are answered one by one from the given vars and bodies.
 */
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { isIPv4, isIPv6 } from 'node:net';
import type { HttpMethod } from '../plugin.js';
import { Builder, ByteBuffer, Err, ExtraInfo, HTTPReqCall, HTTPRespCall, PrepareConf, TextEntry } from '../wire.js';
import {
  FrameReader,
  encodeFrame,
  RPC_ERROR,
  RPC_EXTRA_INFO,
  RPC_HTTP_REQ_CALL,
  RPC_HTTP_RESP_CALL,
  RPC_PREPARE_CONF,
} from '../frame.js';
import { METHODS } from '../call-objects.js';

export type PluginConf = { name: string; value: string } | { name: string; conf: unknown };

export interface SimRequest {
  method?: HttpMethod;
  path?: string;
  args?: Record<string, string | string[]>;
  headers?: Record<string, string | string[]>;
  srcIp?: string;
  body?: string | Uint8Array;
  vars?: Record<string, string>;
}

export type SimErrorCode = 'BAD_REQUEST' | 'SERVICE_UNAVAILABLE' | 'CONF_TOKEN_NOT_FOUND';

/** What becomes of a request (or, from `response()`, of an upstream response): one shape, told apart by `kind`. */
export type SimResult =
  | SimResponseResult
  | {
      kind: 'upstream';
      request: {
        method: HttpMethod;
        path: string;
        args: Record<string, string | string[]>;
        headers: Record<string, string | string[]>;
        body: string;
        bodyBytes: Uint8Array;
      };
      respHeaders: Record<string, string | string[]>;
    }
  | SimError;

/** The runner answered with an error: APISIX answers the client 503. `reason` says why. */
export interface SimError {
  kind: 'error';
  code: SimErrorCode;
  status: 503;
  /**
   * Why, as far as it can be known: the step the runner refused, and — with a runner whose log
   * the simulator sees (`startTestRunner`) — the plugin, its error or the refused conf's JSON
   * pointer, and the runner's log records of the call. Not enumerable: deep equality and JSON
   * output compare what APISIX does (kind, code, status), not the diagnosis.
   */
  readonly reason: SimFailure;
}

/** Which exchange the runner answered with an error. */
export type SimStep = 'PrepareConf' | 'HTTPReqCall' | 'HTTPRespCall';

export interface SimFailure {
  /** One line: what failed and why. */
  message: string;
  step: SimStep;
  /** The plugin that failed or whose conf was refused. */
  plugin?: string;
  /** JSON pointer into the refused conf. */
  pointer?: string;
  /** What the plugin threw. */
  error?: { name: string; message: string; stack?: string };
  /** The runner's log records of this call (pino objects), oldest first. */
  logs: readonly Record<string, unknown>[];
}

/**
 * Sees each call a simulator makes, to explain failures (the test runner reads its runner's log).
 * `begin` runs as a call starts; the function it returns runs only if the call ends in an error.
 */
export interface CallObserver {
  begin(confKey: string): (failure: SimFailure) => SimFailure;
}

export interface SimUpstreamResponse {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array;
  vars?: Record<string, string>;
}

/** What the client receives after ext-plugin-post-resp (same shape as a request's `response`). */
export interface SimResponseResult {
  kind: 'response';
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
  bodyBytes: Uint8Array;
}

export interface SimulatorOptions {
  /** APISIX's `allow_degradation`: on runner errors pass the request on instead of answering 503. */
  allowDegradation?: boolean;
  /** Explains failures from what the runner logged (startTestRunner sets it). */
  observer?: CallObserver;
}

/** The runner broke the protocol or the connection (APISIX would log it and answer 503). */
export class SimProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimProtocolError';
  }
}

const CODE_NAMES: Record<number, SimErrorCode> = {
  [Err.Code.BAD_REQUEST]: 'BAD_REQUEST',
  [Err.Code.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
  [Err.Code.CONF_TOKEN_NOT_FOUND]: 'CONF_TOKEN_NOT_FOUND',
};

/** Response headers APISIX never takes from a Rewrite's resp_headers (nor from an unchanged upstream reply). */
const EXCLUDED_RESP_HEADERS = new Set([
  'connection',
  'content-length',
  'transfer-encoding',
  'location',
  'server',
  'www-authenticate',
  'content-encoding',
  'content-type',
  'content-location',
  'content-language',
]);

const POOL_SIZE = 32;
/**
 * APISIX reads the request headers with ngx.req.get_headers() and its default limit: the runner
 * gets the first 100 header lines only (the upstream still gets them all).
 */
const MAX_REQ_HEADERS = 100;
const utf8 = new TextDecoder();

type Multi = Record<string, string | string[]>;
type Answer = (info: ExtraInfo.Req) => Uint8Array | undefined;

function bytesOf(b: string | Uint8Array | undefined): Uint8Array {
  if (b === undefined) return new Uint8Array(0);
  return typeof b === 'string' ? new Uint8Array(Buffer.from(b, 'utf8')) : b;
}

function pairs(m: Multi | undefined, lower: boolean): [string, string][] {
  const out: [string, string][] = [];
  if (!m) return out;
  for (const [k0, v] of Object.entries(m)) {
    const k = lower ? k0.toLowerCase() : k0;
    if (Array.isArray(v)) for (const x of v) out.push([k, x]);
    else out.push([k, v]);
  }
  return out;
}

/** Multi-map helpers with APISIX's "first set, then add" semantics. */
function setField(m: Multi, k: string, v: string): void {
  m[k] = v;
}
function addField(m: Multi, k: string, v: string): void {
  const cur = m[k];
  if (cur === undefined) m[k] = v;
  else if (Array.isArray(cur)) cur.push(v);
  else m[k] = [cur, v];
}

/**
 * One client-response header entry (Stop, resp_headers, HTTPRespCall reply) as APISIX applies it:
 * the first entry of a name goes through core.response.set_header, later ones through add_header.
 * nginx never sends a header with an empty value (setting one clears the name), and an entry
 * without value reaches set_header/add_header as a lone name, which clears the header too.
 */
function applyRespHeader(h: Multi, seen: Set<string>, k: string, v: string | null): void {
  const first = !seen.has(k);
  seen.add(k);
  if (v === null || (first && v === '')) delete h[k];
  else if (v === '') return;
  else if (first) setField(h, k, v);
  else addField(h, k, v);
}

function ipBytes(ip: string): Uint8Array {
  if (isIPv4(ip)) return Uint8Array.from(ip.split('.').map(Number));
  if (!isIPv6(ip)) throw new Error(`srcIp "${ip}" is not an IP address`);
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tail: number[] = [];
  if (v4) {
    const b = v4[1]!.split('.').map(Number);
    tail = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!];
    text = text.slice(0, -v4[1]!.length).replace(/:$/, ':0');
    if (text.endsWith('::0')) text = text.slice(0, -1);
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const h = head
    ? head
        .split(':')
        .filter((x) => x !== '')
        .map((x) => parseInt(x, 16))
    : [];
  const r = rest
    ? rest
        .split(':')
        .filter((x) => x !== '')
        .map((x) => parseInt(x, 16))
    : [];
  const want = 8 - tail.length;
  const groups = rest === undefined ? h : [...h, ...new Array<number>(want - h.length - r.length).fill(0), ...r];
  const all = [...groups.slice(0, want), ...tail];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

/**
 * nginx's ngx_escape_uri(NGX_ESCAPE_URI), which APISIX applies to a rewritten path: control
 * characters, space, `#`, `%`, `?`, DEL and non-ASCII bytes are percent-encoded. So a path set by
 * a plugin must not be encoded already, and cannot carry a query string.
 */
function escapeUri(path: string): string {
  let out = '';
  for (const b of Buffer.from(path, 'utf8')) {
    const escape = b < 0x20 || b === 0x20 || b === 0x23 || b === 0x25 || b === 0x3f || b >= 0x7f;
    out += escape ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
  }
  return out;
}

function queryString(args: [string, string][]): string {
  return args.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** The nginx variables a plugin is most likely to ask for, derived from the request. */
function defaultVars(req: SimRequest): Record<string, string> {
  const vars: Record<string, string> = {};
  const path = req.path ?? '/';
  const args = pairs(req.args, false);
  const qs = queryString(args);
  vars.uri = path;
  vars.args = qs;
  vars.query_string = qs;
  vars.is_args = qs ? '?' : '';
  vars.request_uri = qs ? `${path}?${qs}` : path;
  vars.request_method = req.method ?? 'GET';
  vars.remote_addr = req.srcIp ?? '127.0.0.1';
  vars.scheme = 'http';
  vars.server_protocol = 'HTTP/1.1';
  for (const [k, v] of pairs(req.headers, true)) {
    const n = `http_${k.replace(/-/g, '_')}`;
    vars[n] ??= v;
  }
  for (const [k, v] of args) if (vars[`arg_${k}`] === undefined) vars[`arg_${k}`] = v;
  if (vars.http_host !== undefined) vars.host = vars.http_host.replace(/:\d+$/, '');
  return vars;
}

/** One pooled connection to the runner. */
class SimConn {
  private readonly reader: FrameReader;
  private pending: { resolve(f: [number, Buffer]): void; reject(e: Error): void } | undefined;
  private frames: [number, Buffer][] = [];
  closed = false;
  private closeError: Error | undefined;

  private constructor(private readonly sock: Duplex) {
    this.reader = new FrameReader((t, p) => {
      const w = this.pending;
      if (w) {
        this.pending = undefined;
        w.resolve([t, p]);
      } else this.frames.push([t, p]);
    });
    sock.on('data', (c: Buffer) => this.reader.push(c));
    sock.on('error', (e) => (this.closeError = e));
    sock.on('close', () => {
      this.closed = true;
      const w = this.pending;
      this.pending = undefined;
      w?.reject(
        new SimProtocolError(`runner closed the connection${this.closeError ? `: ${this.closeError.message}` : ''}`),
      );
    });
  }

  static async open(dial: Dialer): Promise<SimConn> {
    return new SimConn(await dial());
  }

  send(type: number, payload: Uint8Array): void {
    this.sock.write(encodeFrame(type, payload));
  }

  receive(): Promise<[number, Buffer]> {
    const f = this.frames.shift();
    if (f) return Promise.resolve(f);
    if (this.closed) return Promise.reject(new SimProtocolError('runner closed the connection'));
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  /** Sends a request and answers ExtraInfo until the final reply arrives. */
  async call(type: number, payload: Uint8Array, answer: Answer): Promise<[number, Buffer]> {
    this.send(type, payload);
    for (;;) {
      const [t, p] = await this.receive();
      if (t !== RPC_EXTRA_INFO) return [t, p];
      const info = ExtraInfo.Req.getRootAsReq(new ByteBuffer(p));
      const result = answer(info);
      const b = new Builder(256 + (result?.length ?? 0));
      const r = result === undefined ? 0 : b.createByteVector(result);
      ExtraInfo.Resp.startResp(b);
      if (r) ExtraInfo.Resp.addResult(b, r);
      b.finish(ExtraInfo.Resp.endResp(b));
      this.send(RPC_EXTRA_INFO, b.asUint8Array());
    }
  }

  destroy(): void {
    this.sock.destroy();
  }

  end(): Promise<void> {
    return new Promise((r) => {
      if (this.closed) return r();
      this.sock.once('close', () => r());
      this.sock.end();
    });
  }
}

type Outcome<T> = { ok: T } | { err: SimErrorCode; step: SimStep };

const STEP_OF: Record<number, SimStep> = { [RPC_HTTP_REQ_CALL]: 'HTTPReqCall', [RPC_HTTP_RESP_CALL]: 'HTTPRespCall' };

/** What a code means at a step, for a reader who cannot see the runner's log. */
function describeFailure(code: SimErrorCode, step: SimStep): string {
  if (code === 'CONF_TOKEN_NOT_FOUND')
    return `the runner did not know the conf token even after a fresh PrepareConf (3 tries)`;
  if (step === 'PrepareConf') {
    return `the runner refused the route config at PrepareConf (${code}): a plugin it does not serve, or a config its parseConf refuses; its log says which`;
  }
  return `the runner failed the ${step} (${code}): a plugin threw or missed the call deadline; its log has the error`;
}

/** An error outcome, with its reason attached as a non-enumerable property. */
function errorResult(
  code: SimErrorCode,
  step: SimStep,
  explain: ((f: SimFailure) => SimFailure) | undefined,
): SimError {
  const base: SimFailure = { message: describeFailure(code, step), step, logs: [] };
  const result = { kind: 'error', code, status: 503 } as SimError;
  Object.defineProperty(result, 'reason', { value: explain ? explain(base) : base, enumerable: false });
  return result;
}

/** Opens one connection to the runner. */
export type Dialer = () => Promise<Duplex>;

function unixDialer(path: string): Dialer {
  return () =>
    new Promise((resolve, reject) => {
      const s = connect(path);
      s.once('connect', () => {
        s.off('error', reject);
        resolve(s);
      });
      s.once('error', (e) => reject(new SimProtocolError(`cannot connect to unix:${path}: ${e.message}`)));
    });
}

export class GatewaySimulator {
  private readonly idle: SimConn[] = [];
  private readonly all = new Set<SimConn>();
  /** conf key -> token, like APISIX's lrucache + shared dict. */
  private readonly tokens = new Map<string, number>();
  private readonly keys = new Map<string, string>();
  private nextId = 0;
  /** Number of PrepareConf exchanges sent (for tests of token reuse and retries). */
  prepareCount = 0;

  private constructor(
    private readonly dial: Dialer,
    private readonly opts: SimulatorOptions,
  ) {}

  static async connect(address: string, opts: SimulatorOptions = {}): Promise<GatewaySimulator> {
    const path = address.startsWith('unix:') ? address.slice(5) : address;
    return GatewaySimulator.over(unixDialer(path), opts);
  }

  /** A simulator over any transport (e.g. in-process pipes). Connects once to fail early. */
  static async over(dial: Dialer, opts: SimulatorOptions = {}): Promise<GatewaySimulator> {
    const sim = new GatewaySimulator(dial, opts);
    sim.release(await sim.open());
    return sim;
  }

  private async open(): Promise<SimConn> {
    const c = await SimConn.open(this.dial);
    this.all.add(c);
    return c;
  }

  private async acquire(): Promise<SimConn> {
    for (;;) {
      const c = this.idle.pop();
      if (c === undefined) return this.open();
      if (!c.closed) return c;
      this.all.delete(c);
    }
  }

  private release(c: SimConn): void {
    if (c.closed) {
      this.all.delete(c);
    } else if (this.idle.length < POOL_SIZE) {
      this.idle.push(c);
    } else {
      this.all.delete(c);
      void c.end();
    }
  }

  private discard(c: SimConn): void {
    this.all.delete(c);
    c.destroy();
  }

  /**
   * APISIX keys a conf as `<conf type>#<conf id>#<phase>#<conf version>` (core.lrucache.plugin_ctx_id
   * with the ext-plugin's name as extra key), so the runner can tell the phase; one route per
   * distinct conf list here, at version 1.
   */
  private keyOf(phase: string, conf: readonly { name: string; value: string }[]): string {
    const id = `${phase}\n${JSON.stringify(conf)}`;
    let k = this.keys.get(id);
    if (k === undefined) {
      k = `route#${this.keys.size + 1}#${phase}#1`;
      this.keys.set(id, k);
    }
    return k;
  }

  /** Forgets cached tokens, as APISIX does when its runner restarts. */
  flushTokens(): void {
    this.tokens.clear();
  }

  private async token(key: string, conf: readonly { name: string; value: string }[]): Promise<Outcome<number>> {
    const cached = this.tokens.get(key);
    if (cached !== undefined) return { ok: cached };
    const b = new Builder(256);
    const k = b.createString(key);
    const entries = conf.map((e) => TextEntry.createTextEntry(b, b.createString(e.name), b.createString(e.value)));
    const vec = PrepareConf.Req.createConfVector(b, entries);
    PrepareConf.Req.startReq(b);
    PrepareConf.Req.addConf(b, vec);
    PrepareConf.Req.addKey(b, k);
    b.finish(PrepareConf.Req.endReq(b));
    const c = await this.acquire();
    this.prepareCount++;
    let reply: [number, Buffer];
    try {
      reply = await c.call(RPC_PREPARE_CONF, b.asUint8Array(), () => undefined);
    } catch (e) {
      this.discard(c);
      throw e;
    }
    const [t, p] = reply;
    if (t === RPC_ERROR) {
      this.discard(c);
      return { err: errorCode(p), step: 'PrepareConf' };
    }
    if (t !== RPC_PREPARE_CONF) {
      this.discard(c);
      throw new SimProtocolError(`PrepareConf answered with frame type ${t}`);
    }
    this.release(c);
    const token = PrepareConf.Resp.getRootAsResp(new ByteBuffer(p)).confToken();
    this.tokens.set(key, token);
    return { ok: token };
  }

  /**
   * One rpc_call: token (maybe preparing on another connection), then the call on this one.
   * Returns the decoded reply or the error code the runner sent.
   */
  private async once(
    phase: string,
    conf: readonly { name: string; value: string }[],
    type: number,
    build: (b: Builder, token: number) => void,
    answer: Answer,
  ): Promise<Outcome<Buffer>> {
    const key = this.keyOf(phase, conf);
    const c = await this.acquire();
    let tok: Outcome<number>;
    try {
      tok = await this.token(key, conf);
    } catch (e) {
      this.release(c);
      throw e;
    }
    if ('err' in tok) {
      this.discard(c);
      return tok;
    }
    const b = new Builder(1024);
    build(b, tok.ok);
    let reply: [number, Buffer];
    try {
      reply = await c.call(type, b.asUint8Array(), answer);
    } catch (e) {
      this.discard(c);
      throw e;
    }
    const [t, p] = reply;
    if (t === RPC_ERROR) {
      this.discard(c);
      return { err: errorCode(p), step: STEP_OF[type] ?? 'HTTPReqCall' };
    }
    if (t !== type) {
      this.discard(c);
      throw new SimProtocolError(`expected a reply of type ${type}, got ${t}`);
    }
    this.release(c);
    return { ok: p };
  }

  /** APISIX's communicate(): up to 3 tries, re-preparing after CONF_TOKEN_NOT_FOUND. */
  private async communicate(run: () => Promise<Outcome<Buffer>>): Promise<Outcome<Buffer>> {
    let last: Outcome<Buffer> = { err: 'CONF_TOKEN_NOT_FOUND', step: 'PrepareConf' };
    for (let tries = 0; tries < 3; tries++) {
      last = await run();
      if ('ok' in last || last.err !== 'CONF_TOKEN_NOT_FOUND') return last;
      this.flushTokens();
    }
    return last;
  }

  /** ext-plugin-pre-req / ext-plugin-post-req: what becomes of this request. */
  async request(plugins: readonly PluginConf[], req: SimRequest = {}): Promise<SimResult> {
    const conf = normaliseConf(plugins);
    const method = req.method ?? 'GET';
    const methodIndex = METHODS.indexOf(method);
    if (methodIndex < 0) throw new Error(`unknown method ${method}`);
    const path = req.path ?? '/';
    const headers = pairs(req.headers, true);
    const args = pairs(req.args, false);
    const vars = { ...defaultVars(req), ...req.vars };
    const reqBody = bytesOf(req.body);
    const upstreamHost = vars.upstream_host ?? vars.http_host;
    const id = this.nextId++ & 0x3fffff;
    const explain = this.opts.observer?.begin(this.keyOf('ext-plugin-pre-req', conf));

    const outcome = await this.communicate(() =>
      this.once(
        'ext-plugin-pre-req',
        conf,
        RPC_HTTP_REQ_CALL,
        (b, token) => {
          const src = HTTPReqCall.Req.createSrcIpVector(b, ipBytes(req.srcIp ?? '127.0.0.1'));
          const p = b.createString(path);
          const a = HTTPReqCall.Req.createArgsVector(
            b,
            args.map(([k, v]) => TextEntry.createTextEntry(b, b.createString(k), b.createString(v))),
          );
          // APISIX sends the upstream host in place of the client's Host header.
          const h = HTTPReqCall.Req.createHeadersVector(
            b,
            headers
              .slice(0, MAX_REQ_HEADERS)
              .map(([k, v]) =>
                TextEntry.createTextEntry(b, b.createString(k), b.createString(k === 'host' ? (upstreamHost ?? v) : v)),
              ),
          );
          b.finish(HTTPReqCall.Req.createReq(b, id, src, methodIndex, p, a, h, token));
        },
        (info) => answerInfo(info, vars, reqBody, undefined),
      ),
    );

    const original = (): SimResult => {
      const h: Multi = {};
      // The upstream sees the upstream host, as the runner did.
      for (const [k, v] of headers) addField(h, k, k === 'host' ? (upstreamHost ?? v) : v);
      const a: Multi = {};
      for (const [k, v] of args) addField(a, k, v);
      return {
        kind: 'upstream',
        request: { method, path, args: a, headers: h, body: utf8.decode(reqBody), bodyBytes: reqBody },
        respHeaders: {},
      };
    };
    if ('err' in outcome)
      return this.opts.allowDegradation ? original() : errorResult(outcome.err, outcome.step, explain);

    const resp = HTTPReqCall.Resp.getRootAsResp(new ByteBuffer(outcome.ok));
    if (resp.id() !== id) throw new SimProtocolError(`reply carries id ${resp.id()}, expected ${id}`);
    const type = resp.actionType();
    if (type === HTTPReqCall.Action.Stop) {
      const stop = resp.action(new HTTPReqCall.Stop()) as HTTPReqCall.Stop;
      const h: Multi = {};
      const seen = new Set<string>();
      const e = new TextEntry();
      for (let i = 0; i < stop.headersLength(); i++) {
        const x = stop.headers(i, e)!;
        applyRespHeader(h, seen, (x.name() ?? '').toLowerCase(), x.value());
      }
      const body = stop.bodyLength() > 0 ? Uint8Array.from(stop.bodyArray()!) : new Uint8Array(0);
      const status = stop.status() === 0 ? 200 : stop.status();
      return { kind: 'response', status, headers: h, body: utf8.decode(body), bodyBytes: body };
    }
    const result = original();
    if (type !== HTTPReqCall.Action.Rewrite || result.kind !== 'upstream') return result;
    const rw = resp.action(new HTTPReqCall.Rewrite()) as HTTPReqCall.Rewrite;
    const up = result.request;
    const e = new TextEntry();
    const newPath = rw.path();
    if (newPath !== null) up.path = escapeUri(newPath);
    for (let i = 0; i < rw.headersLength(); i++) {
      const x = rw.headers(i, e)!;
      const k = (x.name() ?? '').toLowerCase();
      const v = x.value();
      // core.request.set_header: no value or an empty one removes the header (nginx drops empty ones).
      if (v === null || v === '') delete up.headers[k];
      else setField(up.headers, k, v);
    }
    if (rw.bodyLength() > 0) {
      up.bodyBytes = Uint8Array.from(rw.bodyArray()!);
      up.body = utf8.decode(up.bodyBytes);
    }
    const seen = new Set<string>();
    for (let i = 0; i < rw.respHeadersLength(); i++) {
      const x = rw.respHeaders(i, e)!;
      const k = (x.name() ?? '').toLowerCase();
      if (EXCLUDED_RESP_HEADERS.has(k)) continue;
      applyRespHeader(result.respHeaders, seen, k, x.value());
    }
    const changed = new Set<string>();
    for (let i = 0; i < rw.argsLength(); i++) {
      const x = rw.args(i, e)!;
      const k = x.name() ?? '';
      const v = x.value();
      if (v === null) {
        delete up.args[k];
      } else if (changed.has(k)) {
        addField(up.args, k, v);
      } else {
        up.args[k] = v;
        changed.add(k);
      }
    }
    return result;
  }

  /** ext-plugin-post-resp: what the client receives for this upstream response. */
  async response(
    plugins: readonly PluginConf[],
    upstream: SimUpstreamResponse,
    req: SimRequest = {},
  ): Promise<SimResponseResult | SimError> {
    const conf = normaliseConf(plugins);
    const status = upstream.status ?? 200;
    const upHeaders = pairs(upstream.headers, true);
    const vars = { ...defaultVars(req), ...req.vars, ...upstream.vars };
    const upBody = bytesOf(upstream.body);
    // ext-plugin-post-resp reads the upstream body to its end on RespBody and sends the client what
    // that read returned: a second RespBody in the same call reads nothing and empties the body.
    let clientBody = upBody;
    let bodyRead = false;
    const takeBody = (): Uint8Array => {
      clientBody = bodyRead ? new Uint8Array(0) : upBody;
      bodyRead = true;
      return clientBody;
    };
    const id = this.nextId++ & 0x3fffff;
    const explain = this.opts.observer?.begin(this.keyOf('ext-plugin-post-resp', conf));

    const outcome = await this.communicate(() =>
      this.once(
        'ext-plugin-post-resp',
        conf,
        RPC_HTTP_RESP_CALL,
        (b, token) => {
          const h = HTTPRespCall.Req.createHeadersVector(
            b,
            upHeaders.map(([k, v]) => TextEntry.createTextEntry(b, b.createString(k), b.createString(v))),
          );
          b.finish(HTTPRespCall.Req.createReq(b, id, status, h, token));
        },
        (info) => answerInfo(info, vars, bytesOf(req.body), takeBody),
      ),
    );
    if ('err' in outcome) {
      if (!this.opts.allowDegradation) return errorResult(outcome.err, outcome.step, explain);
      // APISIX then streams the upstream body with its status but copies none of its headers.
      return { kind: 'response', status, headers: {}, body: utf8.decode(clientBody), bodyBytes: clientBody };
    }
    const resp = HTTPRespCall.Resp.getRootAsResp(new ByteBuffer(outcome.ok));
    if (resp.id() !== id) throw new SimProtocolError(`reply carries id ${resp.id()}, expected ${id}`);
    const headers: Multi = {};
    const e = new TextEntry();
    // APISIX uses the reply's headers as soon as it carries at least one entry (even one without
    // value), and otherwise copies the upstream's minus the excluded names.
    if (resp.headersLength() > 0) {
      const seen = new Set<string>();
      for (let i = 0; i < resp.headersLength(); i++) {
        const x = resp.headers(i, e)!;
        applyRespHeader(headers, seen, (x.name() ?? '').toLowerCase(), x.value());
      }
    } else {
      for (const [k, v] of upHeaders) if (!EXCLUDED_RESP_HEADERS.has(k) && v !== '') addField(headers, k, v);
    }
    const body = resp.bodyLength() > 0 ? Uint8Array.from(resp.bodyArray()!) : clientBody;
    const code = resp.status() !== 0 ? resp.status() : status;
    return { kind: 'response', status: code, headers, body: utf8.decode(body), bodyBytes: body };
  }

  /** Open connections (pooled or in use). */
  get connections(): number {
    return this.all.size;
  }

  async close(): Promise<void> {
    const all = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(all.map((c) => c.end()));
  }
}

function normaliseConf(plugins: readonly PluginConf[]): { name: string; value: string }[] {
  return plugins.map((p) => ({ name: p.name, value: 'value' in p ? p.value : JSON.stringify(p.conf) }));
}

function errorCode(payload: Buffer): SimErrorCode {
  try {
    return CODE_NAMES[Err.Resp.getRootAsResp(new ByteBuffer(payload)).code()] ?? 'SERVICE_UNAVAILABLE';
  } catch {
    return 'SERVICE_UNAVAILABLE';
  }
}

function answerInfo(
  info: ExtraInfo.Req,
  vars: Record<string, string>,
  reqBody: Uint8Array,
  respBody: (() => Uint8Array) | undefined,
): Uint8Array | undefined {
  switch (info.infoType()) {
    case ExtraInfo.Info.Var: {
      const v = info.info(new ExtraInfo.Var()) as ExtraInfo.Var;
      const value = vars[v.name() ?? ''];
      return value === undefined ? undefined : Buffer.from(value, 'utf8');
    }
    case ExtraInfo.Info.ReqBody:
      // nginx has no body for an empty request: the runner gets no result.
      return reqBody.length > 0 ? reqBody : undefined;
    case ExtraInfo.Info.RespBody:
      // In the request phase APISIX has no upstream response: it logs an error and sends no result.
      return respBody?.();
    default:
      throw new SimProtocolError(`unsupported info type ${info.infoType()}`);
  }
}
