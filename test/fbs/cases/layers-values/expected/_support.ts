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

