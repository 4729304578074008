// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString, writeBytes, writeString } from './_support.js';

// Namespace Api.

export class Request implements flatbuffers.IUnpackableObject<RequestT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Request {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsRequest(bb: flatbuffers.ByteBuffer, obj?: Request): Request {
    return (obj || new Request()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsRequest(bb: flatbuffers.ByteBuffer, obj?: Request): Request {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Request()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  name(): string|null
  name(optionalEncoding: flatbuffers.Encoding): string|Uint8Array|null
  name(optionalEncoding?: any): string|Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    if (!offset) return null;
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `name`, -1 when absent; with
   * `nameByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  nameByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `name` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  nameByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  retries(): number {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.readInt16(this.bb_pos + offset) : 3;
  }

  payload(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.readUint8(this.bb!.__vector(this.bb_pos + offset) + index) : 0;
  }

  payloadLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  payloadArray(): Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? new Uint8Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  static startRequest(builder: flatbuffers.Builder) {
    builder.startObject(4);
  }

  static addName(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, nameOffset, 0);
  }

  static addRetries(builder: flatbuffers.Builder, retries: number) {
    builder.addFieldInt16(2, retries, 3);
  }

  static addPayload(builder: flatbuffers.Builder, payloadOffset: flatbuffers.Offset) {
    builder.addFieldOffset(3, payloadOffset, 0);
  }

  static createPayloadVector(builder: flatbuffers.Builder, data: readonly number[]|Uint8Array): flatbuffers.Offset {
    if (data instanceof Uint8Array) return builder.createByteVector(data);
    builder.startVector(1, data.length, 1);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt8(data[i]!);
    }
    return builder.endVector();
  }

  static startPayloadVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(1, numElems, 1);
  }

  static endRequest(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    builder.requiredField(offset, 10); // payload
    return offset;
  }

  static createRequest(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset, retries: number, payloadOffset: flatbuffers.Offset): flatbuffers.Offset {
    Request.startRequest(builder);
    Request.addName(builder, nameOffset);
    Request.addRetries(builder, retries);
    Request.addPayload(builder, payloadOffset);
    return Request.endRequest(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): RequestT {
    return new RequestT(
      this.name(),
      this.retries(),
      this.bb!.createScalarList<number>(this.payload.bind(this), this.payloadLength())
    );
  }

  unpackTo(_o: RequestT): void {
    _o.name = this.name();
    _o.retries = this.retries();
    _o.payload = this.bb!.createScalarList<number>(this.payload.bind(this), this.payloadLength());
  }

  /** Reads a finished buffer whose root is a `Request` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): RequestValue {
    return Request.toValue(Request.getRootAsRequest(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Request): RequestValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_name = bb.__offset(pos, 6);
    const f_name = o_name ? readString(bb, pos + o_name) : null;
    const o_retries = bb.__offset(pos, 8);
    const f_retries = o_retries ? bb.readInt16(pos + o_retries) : 3;
    const o_payload = bb.__offset(pos, 10);
    const f_payload = o_payload ? new Uint8Array(bb.bytes().buffer, bb.bytes().byteOffset + bb.__vector(pos + o_payload), bb.__vector_len(pos + o_payload)) : null;
    return { name: f_name, retries: f_retries, payload: f_payload };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: RequestInit): flatbuffers.Offset {
    const f_name = value.name != null ? writeString(builder, value.name) : 0;
    let f_payload = 0;
    const f_payloadv = value.payload;
    if (f_payloadv != null) {
      f_payload = writeBytes(builder, f_payloadv);
    }
    builder.startObject(4);
    if (f_name !== 0) Request.addName(builder, f_name);
    if (value.retries != null) Request.addRetries(builder, value.retries);
    if (f_payload !== 0) Request.addPayload(builder, f_payload);
    return Request.endRequest(builder);
  }

  /** Encodes `value` as a finished buffer with `Request` as its root. */
  static encode(value: RequestInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Request.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Request` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Request.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Request'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    v.field(pos, vt, 4, 1, 'legacy_flag');
    {
      const p = v.field(pos, vt, 6, 4, 'name');
      if (p) {
        v.string(p, 'name');
      }
    }
    v.field(pos, vt, 8, 2, 'retries');
    {
      const p = v.required(v.field(pos, vt, 10, 4, 'payload'), 'payload');
      if (p) {
        v.vector(p, 1, 'payload');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Request}. */
export class RequestT implements flatbuffers.IGeneratedObject {
  constructor(
    public name: string|Uint8Array|null = null,
    public retries: number = 3,
    public payload: (number)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const name = (this.name !== null ? builder.createString(this.name!) : 0);
    const payload = Request.createPayloadVector(builder, this.payload);

    Request.startRequest(builder);
    Request.addName(builder, name);
    Request.addRetries(builder, this.retries);
    Request.addPayload(builder, payload);
    return Request.endRequest(builder);
  }
}

/** Plain, read-only form of {@link Request} (see `Request.toValue`). */
export interface RequestValue {
  readonly name: string | null;
  readonly retries: number;
  readonly payload: Uint8Array | null;
}

/** Input of `Request.pack` / `Request.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface RequestInit {
  readonly name?: string | null;
  readonly retries?: number | null;
  readonly payload: Uint8Array | readonly number[];
}
