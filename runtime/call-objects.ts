/**
 * The objects a plugin sees during one call: they read the decoded frame lazily (a header is
 * only turned into a JS string when a plugin asks for headers) and record what plugins change.
 */
import {
  CallEnded,
  type BodyInit,
  type HttpMethod,
  type PluginRequest,
  type PluginResponseWriter,
  type PluginUpstreamResponse,
} from './plugin.js';
import { FieldMap, type FieldFinder, type FieldSource } from './fields.js';
import { Method, TextEntry, type HTTPReqCall, type HTTPRespCall } from './wire.js';
import type { Logger } from './logger.js';

/**
 * What a call may ask the gateway mid-call (ExtraInfo; results are raw bytes, absent = undefined),
 * and the plugin context it hands out (made on first use).
 */
export interface InfoChannel {
  askVar(name: string): Promise<Uint8Array | undefined>;
  askBody(which: 'request' | 'response'): Promise<Uint8Array | undefined>;
  readonly signal: AbortSignal;
  pluginLog(requestId: number): Logger;
}

/** Every method name, in the protocol's order: the generated `Method` enum is the one list. */
export const METHODS: readonly HttpMethod[] = Object.keys(Method).filter((k): k is HttpMethod =>
  Number.isNaN(Number(k)),
);

const utf8 = new TextDecoder();
const EMPTY = new Uint8Array(0);
const noop = (): void => {};

function toBytes(body: BodyInit): Uint8Array {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return body;
  throw new TypeError('a body must be a string or a Uint8Array');
}

/** Text form of APISIX's `binary_remote_addr` (4 or 16 bytes). */
export function formatIp(b: Uint8Array | null): string {
  if (b === null) return '';
  if (b.length === 4) return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  if (b.length !== 16) return '';
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i]! << 8) | b[i + 1]!);
  // Compress the longest run of two or more zero groups, as RFC 5952 asks.
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt < 0) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLen).join(':')}`;
}

interface EntryVector {
  length(): number;
  at(i: number, e: TextEntry): TextEntry | null;
}

/*
 * The entry vectors below come from payloads the generated verifier accepted (codec.ts), so the
 * generated readers used here cannot throw or read outside the payload, however late a plugin asks.
 */

/**
 * Whether the name of entry `e` normalises to `key` (an ASCII key, already lower-cased when
 * `fold`), decided on the name's bytes: looking one header up in 64 KiB of them makes no string of
 * the names it passes. A name with non-ASCII bytes is decided on its string, as the map would
 * normalise it (toLowerCase turns U+212A KELVIN SIGN into "k"). The name's span comes from the
 * generated `nameByteStart()` / `nameByteLength()`: no vtable slot or string layout is written here.
 */
function nameIs(e: TextEntry, key: string, fold: boolean): boolean {
  const n = key.length;
  // The byte length alone settles most names (and costs one field look-up, not two): an ASCII name
  // of another length never matches; lower-casing non-ASCII characters can only shorten a name's
  // bytes into ASCII (never lengthen), so a shorter name never matches either. An absent name has
  // length 0, so only the empty key gets past here with one; its start (-1) tells it apart.
  const len = e.nameByteLength();
  if (len !== n && (!fold || len < n)) return false;
  const from = e.nameByteStart();
  if (from < 0) return false;
  const bytes = e.bb!.bytes();
  if (len === n) {
    let i = 0;
    for (; i < n; i++) {
      let c = bytes[from + i]!;
      if (c >= 0x80) break;
      if (fold && c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c !== key.charCodeAt(i)) return false;
    }
    if (i === n) return true;
  } else {
    // Longer and folded: it can only match if non-ASCII characters lower-case into ASCII.
    let ascii = true;
    for (let i = 0; i < len; i++) {
      if (bytes[from + i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return false;
  }
  const name = e.name();
  return name !== null && (fold ? name.toLowerCase() : name) === key;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Values of one field, decoding none of the other names (compared as bytes) nor their values; with
 * `first`, only up to the first match.
 */
function vectorFinder(v: EntryVector): FieldFinder {
  return (key, lowerCase, first) => {
    const out: string[] = [];
    const n = v.length();
    const e = new TextEntry();
    const bytewise = isAscii(key);
    for (let i = 0; i < n; i++) {
      if (v.at(i, e) === null) continue;
      if (bytewise) {
        if (!nameIs(e, key, lowerCase)) continue;
      } else {
        const name = e.name();
        if (name === null || (lowerCase ? name.toLowerCase() : name) !== key) continue;
      }
      out.push(e.value() ?? '');
      if (first) break;
    }
    return out;
  };
}

/** A field map over one of the call's entry vectors, decoded only as far as plugins read it. */
function entryMap(caseInsensitive: boolean, v: EntryVector): FieldMap {
  return new FieldMap(caseInsensitive, vectorSource(v), vectorFinder(v));
}

/** Every entry in order; entries without a value read as '' (query flags like `?a`). */
function vectorSource(v: EntryVector): FieldSource {
  return (add) => {
    const n = v.length();
    const e = new TextEntry();
    for (let i = 0; i < n; i++) {
      const name = v.at(i, e)?.name();
      if (name == null) continue;
      add(name, e.value() ?? '');
    }
  };
}

/**
 * What the request and the upstream response share: nginx variables and the body, asked from APISIX
 * through ExtraInfo on first use and memoised for the call, and a replacement body.
 */
abstract class ExtraInfoCall {
  private vars: Map<string, Promise<string | undefined>> | undefined;
  private bodyAnswer: Promise<Uint8Array> | undefined;
  newBody: Uint8Array | undefined;
  abstract readonly id: number;

  constructor(
    private readonly ch: InfoChannel,
    private readonly which: 'request' | 'response',
  ) {}

  /** The running plugin's logger for this call (plugin, request id, conf key). */
  get log(): Logger {
    return this.ch.pluginLog(this.id);
  }

  /** Aborted when the call can no longer be answered (deadline, shutdown, connection gone). */
  get signal(): AbortSignal {
    return this.ch.signal;
  }

  var(name: string): Promise<string | undefined> {
    if (typeof name !== 'string' || name.length === 0) {
      return Promise.reject(new TypeError('var() needs a variable name'));
    }
    const vars = (this.vars ??= new Map<string, Promise<string | undefined>>());
    let p = vars.get(name);
    if (p === undefined) {
      p = this.ch.askVar(name).then((b) => (b === undefined ? undefined : utf8.decode(b)));
      // A plugin that never awaits its var() must not turn a cancelled call into an
      // unhandled rejection; one that awaits still sees the error.
      p.catch(noop);
      vars.set(name, p);
    }
    return p;
  }

  body(): Promise<Uint8Array> {
    if (this.bodyAnswer === undefined) {
      this.bodyAnswer = this.ch.askBody(this.which).then((b) => b ?? EMPTY);
      this.bodyAnswer.catch(noop);
    }
    return this.bodyAnswer;
  }

  async text(): Promise<string> {
    return utf8.decode(await this.body());
  }

  setBody(body: BodyInit): void {
    this.newBody = toBytes(body);
  }
}

export class CallRequest extends ExtraInfoCall implements PluginRequest {
  readonly id: number;
  /** Set when the call ends: the frame's bytes may be reused from then on. */
  private sealed = false;
  private pathValue: string | undefined;
  private pathChanged = false;
  private hdrs: FieldMap | undefined;
  private argMap: FieldMap | undefined;
  private respHdrs: FieldMap | undefined;

  constructor(
    private readonly r: HTTPReqCall.Req,
    ch: InfoChannel,
  ) {
    super(ch, 'request');
    this.id = r.id();
  }

  /** The call ended: what was not read yet can no longer be. */
  seal(): void {
    this.sealed = true;
  }

  /** The decoded frame, while the call lasts. */
  private get live(): HTTPReqCall.Req {
    if (this.sealed) throw new CallEnded('the request');
    return this.r;
  }

  get srcIp(): string {
    return formatIp(this.live.srcIpArray());
  }

  get method(): HttpMethod {
    // decodeReqCall refused values the enum does not name.
    return Method[this.live.method()] as HttpMethod;
  }

  get path(): string {
    return (this.pathValue ??= this.live.path() ?? '');
  }

  set path(p: string) {
    if (typeof p !== 'string') throw new TypeError('path must be a string');
    // APISIX proxies to `<scheme>://<upstream><path>`: without a leading slash the path would run
    // into the upstream's name, and an empty one is silently replaced by the original URI.
    if (!p.startsWith('/')) throw new RangeError(`path must start with "/", got ${JSON.stringify(p.slice(0, 64))}`);
    if (p === this.path) return;
    this.pathValue = p;
    this.pathChanged = true;
  }

  get headers(): FieldMap {
    return (this.hdrs ??= entryMap(true, {
      length: () => this.live.headersLength(),
      at: (i, e) => this.live.headers(i, e),
    }));
  }

  get args(): FieldMap {
    return (this.argMap ??= entryMap(false, {
      length: () => this.live.argsLength(),
      at: (i, e) => this.live.args(i, e),
    }));
  }

  get respHeaders(): FieldMap {
    return (this.respHdrs ??= new FieldMap(true));
  }

  /** What changed, for the Rewrite reply. */
  get changedPath(): string | undefined {
    return this.pathChanged ? this.pathValue : undefined;
  }
  get changedHeaders(): FieldMap | undefined {
    return this.hdrs?.changed ? this.hdrs : undefined;
  }
  get changedArgs(): FieldMap | undefined {
    return this.argMap?.changed ? this.argMap : undefined;
  }
  get addedRespHeaders(): FieldMap | undefined {
    return this.respHdrs?.changed ? this.respHdrs : undefined;
  }
  get modified(): boolean {
    return (
      this.pathChanged ||
      this.newBody !== undefined ||
      this.hdrs?.changed === true ||
      this.argMap?.changed === true ||
      this.respHdrs?.changed === true
    );
  }
}

export class ResponseWriter implements PluginResponseWriter {
  private statusValue: number | undefined;
  private hdrs: FieldMap | undefined;
  bodyBytes: Uint8Array | undefined;

  get status(): number | undefined {
    return this.statusValue;
  }

  set status(s: number | undefined) {
    if (s !== undefined && !(Number.isInteger(s) && s >= 0 && s <= 0xffff)) {
      throw new RangeError(`status must be an integer from 0 to 65535, got ${String(s)}`);
    }
    this.statusValue = s;
  }

  get headers(): FieldMap {
    return (this.hdrs ??= new FieldMap(true));
  }

  write(body: BodyInit): void {
    this.bodyBytes = toBytes(body);
  }

  respond(status: number, body?: BodyInit, headers?: Record<string, string | readonly string[]>): void {
    this.status = status;
    if (body !== undefined) this.write(body);
    if (headers !== undefined) for (const [k, v] of Object.entries(headers)) this.headers.set(k, v);
  }

  get responded(): boolean {
    return this.statusValue !== undefined || this.bodyBytes !== undefined || this.hdrs?.changed === true;
  }

  get writtenHeaders(): FieldMap | undefined {
    return this.hdrs;
  }
}

export class UpstreamResponse extends ExtraInfoCall implements PluginUpstreamResponse {
  readonly id: number;
  /** Set when the call ends (as CallRequest's). */
  private sealed = false;
  private statusValue: number;
  statusChanged = false;
  private hdrs: FieldMap | undefined;

  constructor(
    private readonly r: HTTPRespCall.Req,
    ch: InfoChannel,
  ) {
    super(ch, 'response');
    this.id = r.id();
    this.statusValue = r.status();
  }

  get status(): number {
    return this.statusValue;
  }

  set status(s: number) {
    if (!(Number.isInteger(s) && s >= 100 && s <= 999)) {
      throw new RangeError(`status must be an integer from 100 to 999, got ${String(s)}`);
    }
    if (s === this.statusValue) return;
    this.statusValue = s;
    this.statusChanged = true;
  }

  seal(): void {
    this.sealed = true;
  }

  private get live(): HTTPRespCall.Req {
    if (this.sealed) throw new CallEnded('the upstream response');
    return this.r;
  }

  get headers(): FieldMap {
    return (this.hdrs ??= entryMap(true, {
      length: () => this.live.headersLength(),
      at: (i, e) => this.live.headers(i, e),
    }));
  }

  get changedHeaders(): FieldMap | undefined {
    return this.hdrs?.changed ? this.hdrs : undefined;
  }
}
