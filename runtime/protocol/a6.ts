// @generated — do not edit. Produced by `a6kit gen` from schema/ext-plugin.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString } from './_support.js';

// Namespace A6.

/** A name/value pair of text: a header field, a query argument, a plugin's JSON config. */
export class TextEntry {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): TextEntry {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsTextEntry(bb: flatbuffers.ByteBuffer, obj?: TextEntry): TextEntry {
    return (obj || new TextEntry()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsTextEntry(bb: flatbuffers.ByteBuffer, obj?: TextEntry): TextEntry {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new TextEntry()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  name(): string|null
  name(optionalEncoding: flatbuffers.Encoding): string|Uint8Array|null
  name(optionalEncoding?: any): string|Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    if (!offset) return null;
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `name`, -1 when absent; with
   * `nameByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  nameByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `name` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  nameByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  /** Absent value means "delete this entry" where the entry is a change request. */
  value(): string|null
  value(optionalEncoding: flatbuffers.Encoding): string|Uint8Array|null
  value(optionalEncoding?: any): string|Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    if (!offset) return null;
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `value`, -1 when absent; with
   * `valueByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  valueByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `value` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  valueByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  static startTextEntry(builder: flatbuffers.Builder) {
    builder.startObject(2);
  }

  static addName(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, nameOffset, 0);
  }

  static addValue(builder: flatbuffers.Builder, valueOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, valueOffset, 0);
  }

  static endTextEntry(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createTextEntry(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset, valueOffset: flatbuffers.Offset): flatbuffers.Offset {
    TextEntry.startTextEntry(builder);
    TextEntry.addName(builder, nameOffset);
    TextEntry.addValue(builder, valueOffset);
    return TextEntry.endTextEntry(builder);
  }

  /**
   * Checks that `bytes` holds a well-formed `TextEntry` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { TextEntry.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'TextEntry'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    {
      const p = v.field(pos, vt, 4, 4, 'name');
      if (p) {
        v.string(p, 'name');
      }
    }
    {
      const p = v.field(pos, vt, 6, 4, 'value');
      if (p) {
        v.string(p, 'value');
      }
    }
  }
}

/** A name/value pair whose value is raw bytes. */
export class DataEntry {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): DataEntry {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsDataEntry(bb: flatbuffers.ByteBuffer, obj?: DataEntry): DataEntry {
    return (obj || new DataEntry()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsDataEntry(bb: flatbuffers.ByteBuffer, obj?: DataEntry): DataEntry {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new DataEntry()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  name(): string|null
  name(optionalEncoding: flatbuffers.Encoding): string|Uint8Array|null
  name(optionalEncoding?: any): string|Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    if (!offset) return null;
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `name`, -1 when absent; with
   * `nameByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  nameByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `name` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  nameByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  value(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readUint8(this.bb!.__vector(this.bb_pos + offset) + index) : 0;
  }

  valueLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  valueArray(): Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? new Uint8Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  static startDataEntry(builder: flatbuffers.Builder) {
    builder.startObject(2);
  }

  static addName(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, nameOffset, 0);
  }

  static addValue(builder: flatbuffers.Builder, valueOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, valueOffset, 0);
  }

  static createValueVector(builder: flatbuffers.Builder, data: readonly number[]|Uint8Array): flatbuffers.Offset {
    if (data instanceof Uint8Array) return builder.createByteVector(data);
    builder.startVector(1, data.length, 1);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt8(data[i]!);
    }
    return builder.endVector();
  }

  static startValueVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(1, numElems, 1);
  }

  static endDataEntry(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createDataEntry(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset, valueOffset: flatbuffers.Offset): flatbuffers.Offset {
    DataEntry.startDataEntry(builder);
    DataEntry.addName(builder, nameOffset);
    DataEntry.addValue(builder, valueOffset);
    return DataEntry.endDataEntry(builder);
  }

  /**
   * Checks that `bytes` holds a well-formed `DataEntry` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { DataEntry.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'DataEntry'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    {
      const p = v.field(pos, vt, 4, 4, 'name');
      if (p) {
        v.string(p, 'name');
      }
    }
    {
      const p = v.field(pos, vt, 6, 4, 'value');
      if (p) {
        v.vector(p, 1, 'value');
      }
    }
  }
}

/** HTTP request method, as APISIX numbers them. */
export enum Method {
  GET = 0,
  HEAD = 1,
  POST = 2,
  PUT = 3,
  DELETE = 4,
  MKCOL = 5,
  COPY = 6,
  MOVE = 7,
  OPTIONS = 8,
  PROPFIND = 9,
  PROPPATCH = 10,
  LOCK = 11,
  UNLOCK = 12,
  PATCH = 13,
  TRACE = 14
}
