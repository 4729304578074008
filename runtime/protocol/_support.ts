// @generated — do not edit. Produced by `a6kit gen` from schema/ext-plugin.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Reads the string whose offset is stored at `at`. Short ASCII strings (header names, small
 * values) are built directly: a TextDecoder call has a fixed cost of a few hundred nanoseconds,
 * which the copy loop only reaches around 16 characters. Anything else goes to the decoder.
 */
export function readString(bb: flatbuffers.ByteBuffer, at: number): string {
  const start = at + bb.readInt32(at);
  const len = bb.readInt32(start);
  const bytes = bb.bytes();
  const from = start + 4;
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

/** The offset of a required field, or an error naming it when the buffer lacks it. */
export function requiredOffset(offset: number, field: string): number {
  if (!offset) throw new Error(`required field ${field} is missing`);
  return offset;
}

/** Writes `s` as a FlatBuffers string (UTF-8, zero-terminated); ASCII is copied without an encoder. */
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
  return builder.createString(encoder.encode(s));
}

/** Writes a byte vector. */
export function writeBytes(builder: flatbuffers.Builder, data: Uint8Array | Int8Array | readonly number[]): flatbuffers.Offset {
  if (data instanceof Uint8Array) return builder.createByteVector(data);
  builder.startVector(1, data.length, 1);
  for (let i = data.length - 1; i >= 0; i--) builder.writeInt8(data[i]!);
  return builder.endVector();
}

/** Writes a vector of offsets (strings or tables written before). */
export function writeOffsets(builder: flatbuffers.Builder, offsets: readonly flatbuffers.Offset[]): flatbuffers.Offset {
  builder.startVector(4, offsets.length, 4);
  // The space is reserved and aligned by startVector: write each relative offset directly.
  for (let i = offsets.length - 1; i >= 0; i--) builder.writeInt32(builder.offset() - offsets[i]! + 4);
  return builder.endVector();
}

/** A buffer that does not hold what the schema says; `message` names the offending field. */
export class VerifyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerifyError';
  }
}

/** Where a table's fields are: its position, vtable and the lengths both declare. */
export interface TableBounds {
  readonly pos: number;
  readonly vt: number;
  readonly vtLen: number;
  readonly objLen: number;
}

/**
 * Bounds checks for the generated `verify` functions: every offset a reader would follow must land
 * inside the buffer, strings must be zero-terminated, required fields present; nesting depth and
 * table count are limited so a hostile buffer cannot make verification itself expensive.
 * Alignment is not checked (the readers do not need it). Checks name the field as
 * `where.name`; the path string is only built when a check fails.
 */
export class Verifier {
  private readonly view: DataView;
  private readonly size: number;
  private tables = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly maxDepth = 64,
    readonly maxTables = 1_000_000,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.size = bytes.byteLength;
  }

  fail(where: string, name: string, what: string): never {
    throw new VerifyError(`${name ? `${where}.${name}` : where}: ${what}`);
  }

  private need(pos: number, len: number, where: string, name: string, what: string): void {
    if (pos < 0 || len < 0 || pos + len > this.size) this.fail(where, name, `${what} out of bounds`);
  }

  /** Position of the root table. */
  root(where: string): number {
    this.need(0, 4, where, '', 'root offset');
    return this.view.getUint32(0, true);
  }

  /** Checks the table at `pos` and its vtable. */
  table(pos: number, where: string, depth: number): TableBounds {
    if (depth > this.maxDepth) this.fail(where, '', 'nested too deeply');
    if (++this.tables > this.maxTables) this.fail(where, '', 'too many tables');
    this.need(pos, 4, where, '', 'table');
    const vt = pos - this.view.getInt32(pos, true);
    this.need(vt, 4, where, '', 'vtable');
    const vtLen = this.view.getUint16(vt, true);
    const objLen = this.view.getUint16(vt + 2, true);
    if (vtLen < 4 || (vtLen & 1) !== 0) this.fail(where, '', `bad vtable size ${vtLen}`);
    this.need(vt, vtLen, where, '', 'vtable');
    if (objLen < 4) this.fail(where, '', `bad table size ${objLen}`);
    this.need(pos, objLen, where, '', 'table');
    return { pos, vt, vtLen, objLen };
  }

  /** Absolute position of the field at vtable offset `vo` (0 when absent), checked to hold `size` bytes. */
  field(t: TableBounds, vo: number, size: number, where: string, name: string): number {
    if (vo >= t.vtLen) return 0;
    const o = this.view.getUint16(t.vt + vo, true);
    if (o === 0) return 0;
    if (o + size > t.objLen) this.fail(where, name, 'field outside its table');
    return t.pos + o;
  }

  /** A required field's position; fails when it is absent. */
  required(at: number, where: string, name: string): number {
    if (at === 0) this.fail(where, name, 'required field missing');
    return at;
  }

  /** Follows the offset stored at `at` to what it points to. */
  offset(at: number, where: string, name: string): number {
    this.need(at, 4, where, name, 'offset');
    const target = at + this.view.getUint32(at, true);
    this.need(target, 4, where, name, 'offset target');
    return target;
  }

  /** Checks the string whose offset is stored at `at`. */
  string(at: number, where: string, name: string): void {
    const s = this.offset(at, where, name);
    const len = this.view.getUint32(s, true);
    this.need(s + 4, len + 1, where, name, 'string');
    if (this.bytes[s + 4 + len] !== 0) this.fail(where, name, 'string not zero-terminated');
  }

  /** Checks the vector whose offset is stored at `at`; returns its first element's position and length. */
  vector(at: number, elemSize: number, where: string, name: string): { start: number; len: number } {
    const v = this.offset(at, where, name);
    const len = this.view.getUint32(v, true);
    if (len > (this.size - v - 4) / elemSize) this.fail(where, name, `vector of ${len} elements out of bounds`);
    return { start: v + 4, len };
  }
}
