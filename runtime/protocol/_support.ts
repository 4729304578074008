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
