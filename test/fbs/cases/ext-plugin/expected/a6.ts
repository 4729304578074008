// @generated — do not edit. Produced by `a6kit gen` from ../../../../schema/ext-plugin.fbs, schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString, writeBytes, writeString } from './_support.js';

// Namespace A6.

/** A name/value pair of text: a header field, a query argument, a plugin's JSON config. */
export class TextEntry implements flatbuffers.IUnpackableObject<TextEntryT> {
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

  /** flatc object API: a mutable copy of this table. */
  unpack(): TextEntryT {
    return new TextEntryT(
      this.name(),
      this.value()
    );
  }

  unpackTo(_o: TextEntryT): void {
    _o.name = this.name();
    _o.value = this.value();
  }

  /** Reads a finished buffer whose root is a `TextEntry` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): TextEntryValue {
    return TextEntry.toValue(TextEntry.getRootAsTextEntry(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: TextEntry): TextEntryValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_name = bb.__offset(pos, 4);
    const f_name = o_name ? readString(bb, pos + o_name) : null;
    const o_value = bb.__offset(pos, 6);
    const f_value = o_value ? readString(bb, pos + o_value) : null;
    return { name: f_name, value: f_value };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: TextEntryInit): flatbuffers.Offset {
    const f_name = value.name != null ? writeString(builder, value.name) : 0;
    const f_value = value.value != null ? writeString(builder, value.value) : 0;
    builder.startObject(2);
    if (f_name !== 0) TextEntry.addName(builder, f_name);
    if (f_value !== 0) TextEntry.addValue(builder, f_value);
    return TextEntry.endTextEntry(builder);
  }

  /** Encodes `value` as a finished buffer with `TextEntry` as its root. */
  static encode(value: TextEntryInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(TextEntry.pack(builder, value));
    return builder.asUint8Array();
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

/** flatc object API: mutable object form of {@link TextEntry}. */
export class TextEntryT implements flatbuffers.IGeneratedObject {
  constructor(
    public name: string|Uint8Array|null = null,
    public value: string|Uint8Array|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const name = (this.name !== null ? builder.createString(this.name!) : 0);
    const value = (this.value !== null ? builder.createString(this.value!) : 0);

    TextEntry.startTextEntry(builder);
    TextEntry.addName(builder, name);
    TextEntry.addValue(builder, value);
    return TextEntry.endTextEntry(builder);
  }
}

/** Plain, read-only form of {@link TextEntry} (see `TextEntry.toValue`). */
export interface TextEntryValue {
  readonly name: string | null;
  /** Absent value means "delete this entry" where the entry is a change request. */
  readonly value: string | null;
}

/** Input of `TextEntry.pack` / `TextEntry.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface TextEntryInit {
  readonly name?: string | null;
  /** Absent value means "delete this entry" where the entry is a change request. */
  readonly value?: string | null;
}

/** A name/value pair whose value is raw bytes. */
export class DataEntry implements flatbuffers.IUnpackableObject<DataEntryT> {
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

  /** flatc object API: a mutable copy of this table. */
  unpack(): DataEntryT {
    return new DataEntryT(
      this.name(),
      this.bb!.createScalarList<number>(this.value.bind(this), this.valueLength())
    );
  }

  unpackTo(_o: DataEntryT): void {
    _o.name = this.name();
    _o.value = this.bb!.createScalarList<number>(this.value.bind(this), this.valueLength());
  }

  /** Reads a finished buffer whose root is a `DataEntry` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): DataEntryValue {
    return DataEntry.toValue(DataEntry.getRootAsDataEntry(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: DataEntry): DataEntryValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_name = bb.__offset(pos, 4);
    const f_name = o_name ? readString(bb, pos + o_name) : null;
    const o_value = bb.__offset(pos, 6);
    const f_value = o_value ? new Uint8Array(bb.bytes().buffer, bb.bytes().byteOffset + bb.__vector(pos + o_value), bb.__vector_len(pos + o_value)) : null;
    return { name: f_name, value: f_value };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: DataEntryInit): flatbuffers.Offset {
    const f_name = value.name != null ? writeString(builder, value.name) : 0;
    let f_value = 0;
    const f_valuev = value.value;
    if (f_valuev != null) {
      f_value = writeBytes(builder, f_valuev);
    }
    builder.startObject(2);
    if (f_name !== 0) DataEntry.addName(builder, f_name);
    if (f_value !== 0) DataEntry.addValue(builder, f_value);
    return DataEntry.endDataEntry(builder);
  }

  /** Encodes `value` as a finished buffer with `DataEntry` as its root. */
  static encode(value: DataEntryInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(DataEntry.pack(builder, value));
    return builder.asUint8Array();
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

/** flatc object API: mutable object form of {@link DataEntry}. */
export class DataEntryT implements flatbuffers.IGeneratedObject {
  constructor(
    public name: string|Uint8Array|null = null,
    public value: (number)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const name = (this.name !== null ? builder.createString(this.name!) : 0);
    const value = DataEntry.createValueVector(builder, this.value);

    DataEntry.startDataEntry(builder);
    DataEntry.addName(builder, name);
    DataEntry.addValue(builder, value);
    return DataEntry.endDataEntry(builder);
  }
}

/** Plain, read-only form of {@link DataEntry} (see `DataEntry.toValue`). */
export interface DataEntryValue {
  readonly name: string | null;
  readonly value: Uint8Array | null;
}

/** Input of `DataEntry.pack` / `DataEntry.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface DataEntryInit {
  readonly name?: string | null;
  readonly value?: Uint8Array | readonly number[] | null;
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
