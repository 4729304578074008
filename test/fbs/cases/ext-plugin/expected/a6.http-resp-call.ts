// @generated — do not edit. Produced by `a6kit gen` from ../../../../schema/ext-plugin.fbs, schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, writeBytes, writeOffsets } from './_support.js';
import { TextEntry, type TextEntryInit, type TextEntryT, type TextEntryValue } from './a6.js';

// Namespace A6.HTTPRespCall.

/** An upstream response reaching the ext-plugin-post-resp phase. */
export class Req implements flatbuffers.IUnpackableObject<ReqT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Req {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsReq(bb: flatbuffers.ByteBuffer, obj?: Req): Req {
    return (obj || new Req()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsReq(bb: flatbuffers.ByteBuffer, obj?: Req): Req {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Req()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  id(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
  }

  status(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readUint16(this.bb_pos + offset) : 0;
  }

  headers(index: number, obj?: TextEntry): TextEntry|null {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? (obj || new TextEntry()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  headersLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  confToken(): number {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
  }

  static startReq(builder: flatbuffers.Builder) {
    builder.startObject(4);
  }

  static addId(builder: flatbuffers.Builder, id: number) {
    builder.addFieldInt32(0, id, 0);
  }

  static addStatus(builder: flatbuffers.Builder, status: number) {
    builder.addFieldInt16(1, status, 0);
  }

  static addHeaders(builder: flatbuffers.Builder, headersOffset: flatbuffers.Offset) {
    builder.addFieldOffset(2, headersOffset, 0);
  }

  static createHeadersVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startHeadersVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static addConfToken(builder: flatbuffers.Builder, confToken: number) {
    builder.addFieldInt32(3, confToken, 0);
  }

  static endReq(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createReq(builder: flatbuffers.Builder, id: number, status: number, headersOffset: flatbuffers.Offset, confToken: number): flatbuffers.Offset {
    Req.startReq(builder);
    Req.addId(builder, id);
    Req.addStatus(builder, status);
    Req.addHeaders(builder, headersOffset);
    Req.addConfToken(builder, confToken);
    return Req.endReq(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): ReqT {
    return new ReqT(
      this.id(),
      this.status(),
      this.bb!.createObjList<TextEntry, TextEntryT>(this.headers.bind(this), this.headersLength()),
      this.confToken()
    );
  }

  unpackTo(_o: ReqT): void {
    _o.id = this.id();
    _o.status = this.status();
    _o.headers = this.bb!.createObjList<TextEntry, TextEntryT>(this.headers.bind(this), this.headersLength());
    _o.confToken = this.confToken();
  }

  /** Reads a finished buffer whose root is a `Req` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): ReqValue {
    return Req.toValue(Req.getRootAsReq(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Req): ReqValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_id = bb.__offset(pos, 4);
    const f_id = o_id ? bb.readUint32(pos + o_id) : 0;
    const o_status = bb.__offset(pos, 6);
    const f_status = o_status ? bb.readUint16(pos + o_status) : 0;
    const o_headers = bb.__offset(pos, 8);
    const f_headers: TextEntryValue[] = [];
    if (o_headers) {
      const base = bb.__vector(pos + o_headers);
      const len = bb.__vector_len(pos + o_headers);
      const el = new TextEntry();
      for (let i = 0; i < len; i++) f_headers.push(TextEntry.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_confToken = bb.__offset(pos, 10);
    const f_confToken = o_confToken ? bb.readUint32(pos + o_confToken) : 0;
    return { id: f_id, status: f_status, headers: f_headers, confToken: f_confToken };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: ReqInit): flatbuffers.Offset {
    let f_headers = 0;
    const f_headersv = value.headers;
    if (f_headersv != null) {
      const offs: number[] = new Array(f_headersv.length);
      for (let i = 0; i < f_headersv.length; i++) offs[i] = TextEntry.pack(builder, f_headersv[i]!);
      f_headers = writeOffsets(builder, offs);
    }
    builder.startObject(4);
    if (value.id != null) Req.addId(builder, value.id);
    if (value.status != null) Req.addStatus(builder, value.status);
    if (f_headers !== 0) Req.addHeaders(builder, f_headers);
    if (value.confToken != null) Req.addConfToken(builder, value.confToken);
    return Req.endReq(builder);
  }

  /** Encodes `value` as a finished buffer with `Req` as its root. */
  static encode(value: ReqInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Req.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Req` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Req.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Req'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    v.field(pos, vt, 4, 4, 'id');
    v.field(pos, vt, 6, 2, 'status');
    {
      const p = v.field(pos, vt, 8, 4, 'headers');
      if (p) {
        const start = v.vector(p, 4, 'headers');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { TextEntry.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'headers', i); }
        }
      }
    }
    v.field(pos, vt, 10, 4, 'conf_token');
  }
}

/** flatc object API: mutable object form of {@link Req}. */
export class ReqT implements flatbuffers.IGeneratedObject {
  constructor(
    public id: number = 0,
    public status: number = 0,
    public headers: (TextEntryT)[] = [],
    public confToken: number = 0
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const headers = Req.createHeadersVector(builder, builder.createObjectOffsetList(this.headers));

    Req.startReq(builder);
    Req.addId(builder, this.id);
    Req.addStatus(builder, this.status);
    Req.addHeaders(builder, headers);
    Req.addConfToken(builder, this.confToken);
    return Req.endReq(builder);
  }
}

/** Plain, read-only form of {@link Req} (see `Req.toValue`). */
export interface ReqValue {
  readonly id: number;
  readonly status: number;
  readonly headers: readonly TextEntryValue[];
  readonly confToken: number;
}

/** Input of `Req.pack` / `Req.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface ReqInit {
  readonly id?: number | null;
  readonly status?: number | null;
  readonly headers?: readonly TextEntryInit[] | null;
  readonly confToken?: number | null;
}

/** Changes to the upstream response before it goes to the client. */
export class Resp implements flatbuffers.IUnpackableObject<RespT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Resp {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsResp(bb: flatbuffers.ByteBuffer, obj?: Resp): Resp {
    return (obj || new Resp()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsResp(bb: flatbuffers.ByteBuffer, obj?: Resp): Resp {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Resp()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  id(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
  }

  /** New status (0: unchanged). */
  status(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readUint16(this.bb_pos + offset) : 0;
  }

  headers(index: number, obj?: TextEntry): TextEntry|null {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? (obj || new TextEntry()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  headersLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  /** New body (absent: unchanged). */
  body(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.readUint8(this.bb!.__vector(this.bb_pos + offset) + index) : 0;
  }

  bodyLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  bodyArray(): Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? new Uint8Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  static startResp(builder: flatbuffers.Builder) {
    builder.startObject(4);
  }

  static addId(builder: flatbuffers.Builder, id: number) {
    builder.addFieldInt32(0, id, 0);
  }

  static addStatus(builder: flatbuffers.Builder, status: number) {
    builder.addFieldInt16(1, status, 0);
  }

  static addHeaders(builder: flatbuffers.Builder, headersOffset: flatbuffers.Offset) {
    builder.addFieldOffset(2, headersOffset, 0);
  }

  static createHeadersVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startHeadersVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static addBody(builder: flatbuffers.Builder, bodyOffset: flatbuffers.Offset) {
    builder.addFieldOffset(3, bodyOffset, 0);
  }

  static createBodyVector(builder: flatbuffers.Builder, data: readonly number[]|Uint8Array): flatbuffers.Offset {
    if (data instanceof Uint8Array) return builder.createByteVector(data);
    builder.startVector(1, data.length, 1);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt8(data[i]!);
    }
    return builder.endVector();
  }

  static startBodyVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(1, numElems, 1);
  }

  static endResp(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createResp(builder: flatbuffers.Builder, id: number, status: number, headersOffset: flatbuffers.Offset, bodyOffset: flatbuffers.Offset): flatbuffers.Offset {
    Resp.startResp(builder);
    Resp.addId(builder, id);
    Resp.addStatus(builder, status);
    Resp.addHeaders(builder, headersOffset);
    Resp.addBody(builder, bodyOffset);
    return Resp.endResp(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): RespT {
    return new RespT(
      this.id(),
      this.status(),
      this.bb!.createObjList<TextEntry, TextEntryT>(this.headers.bind(this), this.headersLength()),
      this.bb!.createScalarList<number>(this.body.bind(this), this.bodyLength())
    );
  }

  unpackTo(_o: RespT): void {
    _o.id = this.id();
    _o.status = this.status();
    _o.headers = this.bb!.createObjList<TextEntry, TextEntryT>(this.headers.bind(this), this.headersLength());
    _o.body = this.bb!.createScalarList<number>(this.body.bind(this), this.bodyLength());
  }

  /** Reads a finished buffer whose root is a `Resp` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): RespValue {
    return Resp.toValue(Resp.getRootAsResp(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Resp): RespValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_id = bb.__offset(pos, 4);
    const f_id = o_id ? bb.readUint32(pos + o_id) : 0;
    const o_status = bb.__offset(pos, 6);
    const f_status = o_status ? bb.readUint16(pos + o_status) : 0;
    const o_headers = bb.__offset(pos, 8);
    const f_headers: TextEntryValue[] = [];
    if (o_headers) {
      const base = bb.__vector(pos + o_headers);
      const len = bb.__vector_len(pos + o_headers);
      const el = new TextEntry();
      for (let i = 0; i < len; i++) f_headers.push(TextEntry.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_body = bb.__offset(pos, 10);
    const f_body = o_body ? new Uint8Array(bb.bytes().buffer, bb.bytes().byteOffset + bb.__vector(pos + o_body), bb.__vector_len(pos + o_body)) : null;
    return { id: f_id, status: f_status, headers: f_headers, body: f_body };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: RespInit): flatbuffers.Offset {
    let f_headers = 0;
    const f_headersv = value.headers;
    if (f_headersv != null) {
      const offs: number[] = new Array(f_headersv.length);
      for (let i = 0; i < f_headersv.length; i++) offs[i] = TextEntry.pack(builder, f_headersv[i]!);
      f_headers = writeOffsets(builder, offs);
    }
    let f_body = 0;
    const f_bodyv = value.body;
    if (f_bodyv != null) {
      f_body = writeBytes(builder, f_bodyv);
    }
    builder.startObject(4);
    if (value.id != null) Resp.addId(builder, value.id);
    if (value.status != null) Resp.addStatus(builder, value.status);
    if (f_headers !== 0) Resp.addHeaders(builder, f_headers);
    if (f_body !== 0) Resp.addBody(builder, f_body);
    return Resp.endResp(builder);
  }

  /** Encodes `value` as a finished buffer with `Resp` as its root. */
  static encode(value: RespInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Resp.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Resp` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Resp.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Resp'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    v.field(pos, vt, 4, 4, 'id');
    v.field(pos, vt, 6, 2, 'status');
    {
      const p = v.field(pos, vt, 8, 4, 'headers');
      if (p) {
        const start = v.vector(p, 4, 'headers');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { TextEntry.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'headers', i); }
        }
      }
    }
    {
      const p = v.field(pos, vt, 10, 4, 'body');
      if (p) {
        v.vector(p, 1, 'body');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Resp}. */
export class RespT implements flatbuffers.IGeneratedObject {
  constructor(
    public id: number = 0,
    public status: number = 0,
    public headers: (TextEntryT)[] = [],
    public body: (number)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const headers = Resp.createHeadersVector(builder, builder.createObjectOffsetList(this.headers));
    const body = Resp.createBodyVector(builder, this.body);

    Resp.startResp(builder);
    Resp.addId(builder, this.id);
    Resp.addStatus(builder, this.status);
    Resp.addHeaders(builder, headers);
    Resp.addBody(builder, body);
    return Resp.endResp(builder);
  }
}

/** Plain, read-only form of {@link Resp} (see `Resp.toValue`). */
export interface RespValue {
  readonly id: number;
  /** New status (0: unchanged). */
  readonly status: number;
  readonly headers: readonly TextEntryValue[];
  /** New body (absent: unchanged). */
  readonly body: Uint8Array | null;
}

/** Input of `Resp.pack` / `Resp.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface RespInit {
  readonly id?: number | null;
  /** New status (0: unchanged). */
  readonly status?: number | null;
  readonly headers?: readonly TextEntryInit[] | null;
  /** New body (absent: unchanged). */
  readonly body?: Uint8Array | readonly number[] | null;
}
