// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

import type * as flatbuffers from 'flatbuffers';

/** Node's Buffer, found without depending on Node's types; undefined elsewhere. */
const NodeBuffer = (globalThis as {
  Buffer?: { prototype?: { utf8Slice?: unknown }; from?: unknown };
}).Buffer;

/** Node's native UTF-8 slice of a byte range; undefined outside Node (the portable path is used). */
type Utf8Slice = (this: Uint8Array, start: number, end: number) => string;
const nodeUtf8Slice = typeof NodeBuffer?.prototype?.utf8Slice === 'function' ? (NodeBuffer.prototype.utf8Slice as Utf8Slice) : undefined;

/** Node's native UTF-8 encoder (`Buffer.from(s, 'utf8')`); undefined outside Node. */
const nodeUtf8Bytes = typeof NodeBuffer?.from === 'function'
  ? ((s: string): Uint8Array => (NodeBuffer.from as (s: string, e: 'utf8') => Uint8Array)(s, 'utf8'))
  : undefined;
const decoder = new TextDecoder();

/**
 * The path strings take in this process: `node` (Buffer's native UTF-8 slice to read, which works
 * on any Uint8Array and beats both TextDecoder and a JS copy loop at every length, and
 * `Buffer.from` to write long strings) or `portable` (TextDecoder / TextEncoder). Exported so a
 * test can fail when the fast path silently stops being taken.
 */
export const stringPath: 'node' | 'portable' = nodeUtf8Slice !== undefined && nodeUtf8Bytes !== undefined ? 'node' : 'portable';

/**
 * Reads the string whose offset is stored at `at`. Outside Node, short ASCII strings are built
 * directly (a TextDecoder call has a fixed cost of a few hundred nanoseconds) and anything else
 * goes to one shared decoder. Like flatc's readers this trusts the buffer: verify it first.
 */
export function readString(bb: flatbuffers.ByteBuffer, at: number): string {
  const start = at + bb.readInt32(at);
  const len = bb.readInt32(start);
  const bytes = bb.bytes();
  const from = start + 4;
  if (nodeUtf8Slice !== undefined) return nodeUtf8Slice.call(bytes, from, from + len);
  if (len <= 16) {
    let out = '';
    for (let i = from, end = from + len; i < end; i++) {
      const c = bytes[i]!;
      if (c >= 0x80) return decoder.decode(bytes.subarray(from, from + len));
      out += String.fromCharCode(c);
    }
    return out;
  }
  return decoder.decode(bytes.subarray(from, from + len));
}

const encoder = new TextEncoder();
const utf8Bytes = nodeUtf8Bytes ?? ((s: string): Uint8Array => encoder.encode(s));

/**
 * Writes `s` as a FlatBuffers string (UTF-8, zero-terminated): the bytes `builder.createString`
 * writes, but short ASCII strings (header names, most values) are copied without an encoder call,
 * whose fixed cost dominates small replies; longer ones go through Node's native encoder (about
 * three times cheaper than TextEncoder here) where there is one.
 */
export function writeString(builder: flatbuffers.Builder, s: string): flatbuffers.Offset {
  const n = s.length;
  if (n <= 64) {
    let ascii = true;
    for (let i = 0; i < n; i++) {
      if (s.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      builder.addInt8(0);
      builder.startVector(1, n, 1);
      for (let i = n - 1; i >= 0; i--) builder.writeInt8(s.charCodeAt(i));
      return builder.endVector();
    }
  }
  return builder.createString(utf8Bytes(s));
}

/** Writes a vector of offsets (strings or tables written before). */
export function writeOffsets(builder: flatbuffers.Builder, offsets: readonly flatbuffers.Offset[]): flatbuffers.Offset {
  builder.startVector(4, offsets.length, 4);
  // The space is reserved and aligned by startVector: write each relative offset directly.
  for (let i = offsets.length - 1; i >= 0; i--) builder.writeInt32(builder.offset() - offsets[i]! + 4);
  return builder.endVector();
}

/** The offset of a required field, or an error naming it when the buffer lacks it. */
export function requiredOffset(offset: number, field: string): number {
  if (!offset) throw new Error(`required field ${field} is missing`);
  return offset;
}

/** Writes a byte vector. */
export function writeBytes(builder: flatbuffers.Builder, data: Uint8Array | Int8Array | readonly number[]): flatbuffers.Offset {
  if (data instanceof Uint8Array) return builder.createByteVector(data);
  builder.startVector(1, data.length, 1);
  for (let i = data.length - 1; i >= 0; i--) builder.writeInt8(data[i]!);
  return builder.endVector();
}


/**
 * A buffer that does not hold what the schema says. `path` names where (`Req.headers[3].value`),
 * `problem` what; the message is both.
 */
export class VerifyError extends Error {
  constructor(
    public path: string,
    readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'VerifyError';
  }

  /** Puts the field (and element index) the problem was found under in front of the path. */
  within(name: string, index?: number): this {
    const step = index === undefined ? name : `${name}[${index}]`;
    this.path = this.path === '' ? step : this.path.startsWith('[') ? step + this.path : `${step}.${this.path}`;
    this.message = `${this.path}: ${this.problem}`;
    return this;
  }
}

/** What a verification may cost; every limit is checked before the work it bounds is done. */
export interface VerifyLimits {
  /** Deepest table nesting followed (default 64). */
  readonly maxDepth?: number;
  /**
   * Budget of the bytes readers could materialise, as a multiple of the buffer's length (default 2):
   * every table, string and vector visited counts its size each time it is reached. Objects a
   * builder writes once are disjoint, so a real buffer needs at most 1; offsets that alias shared
   * storage (2,000,000 vector elements pointing at one 4 KiB table) exceed it and are refused.
   */
  readonly sizeFactor?: number;
}

/**
 * Checks for the generated `verify` functions: every offset a reader would follow lands inside
 * the buffer, strings are zero-terminated, vector counts fit in the bytes that follow, required
 * fields are present, nesting is limited — and the total size of what is reachable stays within
 * `sizeFactor` × the buffer's length, so verifying and then reading a buffer costs time and memory
 * proportional to its length however its offsets alias. Alignment is not checked (the readers do
 * not need it). Shared vtables are not counted: builders deduplicate them.
 */
export class Verifier {
  private readonly view: DataView;
  private readonly size: number;
  private readonly maxDepth: number;
  private readonly budget: number;
  private spent = 0;
  /**
   * The vtable checked last, with its sizes: a builder writes one vtable for all tables of a
   * shape, so the 76 header entries of a big request share one and it is checked once.
   */
  private lastVt = -1;
  private lastVtLen = 0;
  private lastObjLen = 0;

  constructor(
    readonly bytes: Uint8Array,
    limits: VerifyLimits = {},
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.size = bytes.byteLength;
    this.maxDepth = limits.maxDepth ?? 64;
    this.budget = (limits.sizeFactor ?? 2) * bytes.byteLength;
  }

  fail(name: string, problem: string): never {
    throw new VerifyError(name, problem);
  }

  /** Adds the verifier's context to `e` when it is a VerifyError; anything else passes unchanged. */
  within(e: unknown, name: string, index?: number): unknown {
    return e instanceof VerifyError ? e.within(name, index) : e;
  }

  private need(pos: number, len: number, name: string, what: string): void {
    if (pos < 0 || len < 0 || pos + len > this.size) this.fail(name, `${what} out of bounds`);
  }

  /** Charges `n` bytes of reachable data to the budget. */
  private spend(n: number, name: string): void {
    this.spent += n;
    if (this.spent > this.budget) {
      this.fail(name, `reaches more than ${this.budget} bytes of data in a ${this.size}-byte buffer (offsets alias shared storage)`);
    }
  }

  /** Position of the root table. */
  root(): number {
    this.need(0, 4, '', 'root offset');
    return this.view.getUint32(0, true);
  }

  /** Checks the table at `pos` and its vtable; returns the vtable's position (for `field`). */
  table(pos: number, depth: number): number {
    if (depth > this.maxDepth) this.fail('', 'nested too deeply');
    this.need(pos, 4, '', 'table');
    const vt = pos - this.view.getInt32(pos, true);
    let objLen: number;
    if (vt === this.lastVt) {
      objLen = this.lastObjLen;
    } else {
      this.need(vt, 4, '', 'vtable');
      const vtLen = this.view.getUint16(vt, true);
      objLen = this.view.getUint16(vt + 2, true);
      if (vtLen < 4 || (vtLen & 1) !== 0) this.fail('', `bad vtable size ${vtLen}`);
      this.need(vt, vtLen, '', 'vtable');
      if (objLen < 4) this.fail('', `bad table size ${objLen}`);
      this.lastVt = vt;
      this.lastVtLen = vtLen;
      this.lastObjLen = objLen;
    }
    this.need(pos, objLen, '', 'table');
    this.spend(objLen, '');
    return vt;
  }

  /**
   * Absolute position of the field at vtable offset `vo` of the table at `pos` (vtable at `vt`,
   * checked by `table`), 0 when absent; checked to hold `size` bytes.
   */
  field(pos: number, vt: number, vo: number, size: number, name: string): number {
    if (vo >= (vt === this.lastVt ? this.lastVtLen : this.view.getUint16(vt, true))) return 0;
    const o = this.view.getUint16(vt + vo, true);
    if (o === 0) return 0;
    // Inside the buffer, as flatc's C++ verifier asks; not necessarily inside the table's inline
    // bytes: flatc's TypeScript object API writes struct fields before starting their table.
    this.need(pos + o, size, name, 'field');
    return pos + o;
  }

  /** A required field's position; fails when it is absent. */
  required(at: number, name: string): number {
    if (at === 0) this.fail(name, 'required field missing');
    return at;
  }

  /** Follows the offset stored at `at` to what it points to. */
  offset(at: number, name: string): number {
    this.need(at, 4, name, 'offset');
    const target = at + this.view.getUint32(at, true);
    this.need(target, 4, name, 'offset target');
    return target;
  }

  /** Checks the string whose offset is stored at `at`. */
  string(at: number, name: string): void {
    const s = this.offset(at, name);
    const len = this.view.getUint32(s, true);
    this.need(s + 4, len + 1, name, 'string');
    if (this.bytes[s + 4 + len] !== 0) this.fail(name, 'string not zero-terminated');
    this.spend(len + 5, name);
  }

  /** Checks a vector of `len` strings starting at `start`. */
  strings(start: number, len: number, name: string): void {
    for (let i = 0; i < len; i++) {
      try {
        this.string(start + i * 4, '');
      } catch (e) {
        throw this.within(e, name, i);
      }
    }
  }

  /** Checks the vector whose offset is stored at `at`; returns its first element's position. */
  vector(at: number, elemSize: number, name: string): number {
    const v = this.offset(at, name);
    const len = this.view.getUint32(v, true);
    // The count must fit in the bytes after it: refused before anything loops over it.
    if (len > (this.size - v - 4) / elemSize) this.fail(name, `vector of ${len} elements out of bounds`);
    this.spend(4 + len * elemSize, name);
    return v + 4;
  }

  /** Element count of a vector whose first element `vector` returned. */
  count(start: number): number {
    return this.view.getUint32(start - 4, true);
  }
}
