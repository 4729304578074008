// @generated — do not edit. Produced by `a6kit gen` from ../../../../schema/ext-plugin.fbs, schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString, writeBytes, writeOffsets, writeString } from './_support.js';
import { Method, TextEntry, type TextEntryInit, type TextEntryT, type TextEntryValue } from './a6.js';

// Namespace A6.HTTPReqCall.

/** A client request reaching the ext-plugin-pre-req / ext-plugin-post-req phase. */
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

  /** Request id for correlation in logs; APISIX reuses ids once they run out. */
  id(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
  }

  /** Client address: 4 bytes (IPv4) or 16 bytes (IPv6). */
  srcIp(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readUint8(this.bb!.__vector(this.bb_pos + offset) + index) : 0;
  }

  srcIpLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  srcIpArray(): Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? new Uint8Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  method(): Method {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.readUint8(this.bb_pos + offset) : Method.GET;
  }

  /** Path without the query string. */
  path(): string|null
  path(optionalEncoding: flatbuffers.Encoding): string|Uint8Array|null
  path(optionalEncoding?: any): string|Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    if (!offset) return null;
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `path`, -1 when absent; with
   * `pathByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  pathByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `path` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  pathByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  args(index: number, obj?: TextEntry): TextEntry|null {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? (obj || new TextEntry()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  argsLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  headers(index: number, obj?: TextEntry): TextEntry|null {
    const offset = this.bb!.__offset(this.bb_pos, 14);
    return offset ? (obj || new TextEntry()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  headersLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 14);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  confToken(): number {
    const offset = this.bb!.__offset(this.bb_pos, 16);
    return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
  }

  static startReq(builder: flatbuffers.Builder) {
    builder.startObject(7);
  }

  static addId(builder: flatbuffers.Builder, id: number) {
    builder.addFieldInt32(0, id, 0);
  }

  static addSrcIp(builder: flatbuffers.Builder, srcIpOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, srcIpOffset, 0);
  }

  static createSrcIpVector(builder: flatbuffers.Builder, data: readonly number[]|Uint8Array): flatbuffers.Offset {
    if (data instanceof Uint8Array) return builder.createByteVector(data);
    builder.startVector(1, data.length, 1);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt8(data[i]!);
    }
    return builder.endVector();
  }

  static startSrcIpVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(1, numElems, 1);
  }

  static addMethod(builder: flatbuffers.Builder, method: Method) {
    builder.addFieldInt8(2, method, Method.GET);
  }

  static addPath(builder: flatbuffers.Builder, pathOffset: flatbuffers.Offset) {
    builder.addFieldOffset(3, pathOffset, 0);
  }

  static addArgs(builder: flatbuffers.Builder, argsOffset: flatbuffers.Offset) {
    builder.addFieldOffset(4, argsOffset, 0);
  }

  static createArgsVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startArgsVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static addHeaders(builder: flatbuffers.Builder, headersOffset: flatbuffers.Offset) {
    builder.addFieldOffset(5, headersOffset, 0);
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
    builder.addFieldInt32(6, confToken, 0);
  }

  static endReq(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createReq(builder: flatbuffers.Builder, id: number, srcIpOffset: flatbuffers.Offset, method: Method, pathOffset: flatbuffers.Offset, argsOffset: flatbuffers.Offset, headersOffset: flatbuffers.Offset, confToken: number): flatbuffers.Offset {
    Req.startReq(builder);
    Req.addId(builder, id);
    Req.addSrcIp(builder, srcIpOffset);
    Req.addMethod(builder, method);
    Req.addPath(builder, pathOffset);
    Req.addArgs(builder, argsOffset);
    Req.addHeaders(builder, headersOffset);
    Req.addConfToken(builder, confToken);
    return Req.endReq(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): ReqT {
    return new ReqT(
      this.id(),
      this.bb!.createScalarList<number>(this.srcIp.bind(this), this.srcIpLength()),
      this.method(),
      this.path(),
      this.bb!.createObjList<TextEntry, TextEntryT>(this.args.bind(this), this.argsLength()),
      this.bb!.createObjList<TextEntry, TextEntryT>(this.headers.bind(this), this.headersLength()),
      this.confToken()
    );
  }

  unpackTo(_o: ReqT): void {
    _o.id = this.id();
    _o.srcIp = this.bb!.createScalarList<number>(this.srcIp.bind(this), this.srcIpLength());
    _o.method = this.method();
    _o.path = this.path();
    _o.args = this.bb!.createObjList<TextEntry, TextEntryT>(this.args.bind(this), this.argsLength());
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
    const o_srcIp = bb.__offset(pos, 6);
    const f_srcIp = o_srcIp ? new Uint8Array(bb.bytes().buffer, bb.bytes().byteOffset + bb.__vector(pos + o_srcIp), bb.__vector_len(pos + o_srcIp)) : null;
    const o_method = bb.__offset(pos, 8);
    const f_method = o_method ? bb.readUint8(pos + o_method) : Method.GET;
    const o_path = bb.__offset(pos, 10);
    const f_path = o_path ? readString(bb, pos + o_path) : null;
    const o_args = bb.__offset(pos, 12);
    const f_args: TextEntryValue[] = [];
    if (o_args) {
      const base = bb.__vector(pos + o_args);
      const len = bb.__vector_len(pos + o_args);
      const el = new TextEntry();
      for (let i = 0; i < len; i++) f_args.push(TextEntry.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_headers = bb.__offset(pos, 14);
    const f_headers: TextEntryValue[] = [];
    if (o_headers) {
      const base = bb.__vector(pos + o_headers);
      const len = bb.__vector_len(pos + o_headers);
      const el = new TextEntry();
      for (let i = 0; i < len; i++) f_headers.push(TextEntry.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_confToken = bb.__offset(pos, 16);
    const f_confToken = o_confToken ? bb.readUint32(pos + o_confToken) : 0;
    return { id: f_id, srcIp: f_srcIp, method: f_method, path: f_path, args: f_args, headers: f_headers, confToken: f_confToken };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: ReqInit): flatbuffers.Offset {
    let f_srcIp = 0;
    const f_srcIpv = value.srcIp;
    if (f_srcIpv != null) {
      f_srcIp = writeBytes(builder, f_srcIpv);
    }
    const f_path = value.path != null ? writeString(builder, value.path) : 0;
    let f_args = 0;
    const f_argsv = value.args;
    if (f_argsv != null) {
      const offs: number[] = new Array(f_argsv.length);
      for (let i = 0; i < f_argsv.length; i++) offs[i] = TextEntry.pack(builder, f_argsv[i]!);
      f_args = writeOffsets(builder, offs);
    }
    let f_headers = 0;
    const f_headersv = value.headers;
    if (f_headersv != null) {
      const offs: number[] = new Array(f_headersv.length);
      for (let i = 0; i < f_headersv.length; i++) offs[i] = TextEntry.pack(builder, f_headersv[i]!);
      f_headers = writeOffsets(builder, offs);
    }
    builder.startObject(7);
    if (value.id != null) Req.addId(builder, value.id);
    if (f_srcIp !== 0) Req.addSrcIp(builder, f_srcIp);
    if (value.method != null) Req.addMethod(builder, value.method);
    if (f_path !== 0) Req.addPath(builder, f_path);
    if (f_args !== 0) Req.addArgs(builder, f_args);
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
    {
      const p = v.field(pos, vt, 6, 4, 'src_ip');
      if (p) {
        v.vector(p, 1, 'src_ip');
      }
    }
    v.field(pos, vt, 8, 1, 'method');
    {
      const p = v.field(pos, vt, 10, 4, 'path');
      if (p) {
        v.string(p, 'path');
      }
    }
    {
      const p = v.field(pos, vt, 12, 4, 'args');
      if (p) {
        const start = v.vector(p, 4, 'args');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { TextEntry.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'args', i); }
        }
      }
    }
    {
      const p = v.field(pos, vt, 14, 4, 'headers');
      if (p) {
        const start = v.vector(p, 4, 'headers');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { TextEntry.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'headers', i); }
        }
      }
    }
    v.field(pos, vt, 16, 4, 'conf_token');
  }
}

/** flatc object API: mutable object form of {@link Req}. */
export class ReqT implements flatbuffers.IGeneratedObject {
  constructor(
    public id: number = 0,
    public srcIp: (number)[] = [],
    public method: Method = Method.GET,
    public path: string|Uint8Array|null = null,
    public args: (TextEntryT)[] = [],
    public headers: (TextEntryT)[] = [],
    public confToken: number = 0
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const srcIp = Req.createSrcIpVector(builder, this.srcIp);
    const path = (this.path !== null ? builder.createString(this.path!) : 0);
    const args = Req.createArgsVector(builder, builder.createObjectOffsetList(this.args));
    const headers = Req.createHeadersVector(builder, builder.createObjectOffsetList(this.headers));

    Req.startReq(builder);
    Req.addId(builder, this.id);
    Req.addSrcIp(builder, srcIp);
    Req.addMethod(builder, this.method);
    Req.addPath(builder, path);
    Req.addArgs(builder, args);
    Req.addHeaders(builder, headers);
    Req.addConfToken(builder, this.confToken);
    return Req.endReq(builder);
  }
}

/** Plain, read-only form of {@link Req} (see `Req.toValue`). */
export interface ReqValue {
  /** Request id for correlation in logs; APISIX reuses ids once they run out. */
  readonly id: number;
  /** Client address: 4 bytes (IPv4) or 16 bytes (IPv6). */
  readonly srcIp: Uint8Array | null;
  readonly method: Method;
  /** Path without the query string. */
  readonly path: string | null;
  readonly args: readonly TextEntryValue[];
  readonly headers: readonly TextEntryValue[];
  readonly confToken: number;
}

/** Input of `Req.pack` / `Req.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface ReqInit {
  /** Request id for correlation in logs; APISIX reuses ids once they run out. */
  readonly id?: number | null;
  /** Client address: 4 bytes (IPv4) or 16 bytes (IPv6). */
  readonly srcIp?: Uint8Array | readonly number[] | null;
  readonly method?: Method | null;
  /** Path without the query string. */
  readonly path?: string | null;
  readonly args?: readonly TextEntryInit[] | null;
  readonly headers?: readonly TextEntryInit[] | null;
  readonly confToken?: number | null;
}

/** Answer the client directly; the upstream is not called. */
export class Stop implements flatbuffers.IUnpackableObject<StopT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Stop {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsStop(bb: flatbuffers.ByteBuffer, obj?: Stop): Stop {
    return (obj || new Stop()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsStop(bb: flatbuffers.ByteBuffer, obj?: Stop): Stop {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Stop()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  status(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint16(this.bb_pos + offset) : 0;
  }

  headers(index: number, obj?: TextEntry): TextEntry|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? (obj || new TextEntry()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  headersLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  body(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.readUint8(this.bb!.__vector(this.bb_pos + offset) + index) : 0;
  }

  bodyLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  bodyArray(): Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? new Uint8Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  static startStop(builder: flatbuffers.Builder) {
    builder.startObject(3);
  }

  static addStatus(builder: flatbuffers.Builder, status: number) {
    builder.addFieldInt16(0, status, 0);
  }

  static addHeaders(builder: flatbuffers.Builder, headersOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, headersOffset, 0);
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
    builder.addFieldOffset(2, bodyOffset, 0);
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

  static endStop(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createStop(builder: flatbuffers.Builder, status: number, headersOffset: flatbuffers.Offset, bodyOffset: flatbuffers.Offset): flatbuffers.Offset {
    Stop.startStop(builder);
    Stop.addStatus(builder, status);
    Stop.addHeaders(builder, headersOffset);
    Stop.addBody(builder, bodyOffset);
    return Stop.endStop(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): StopT {
    return new StopT(
      this.status(),
      this.bb!.createObjList<TextEntry, TextEntryT>(this.headers.bind(this), this.headersLength()),
      this.bb!.createScalarList<number>(this.body.bind(this), this.bodyLength())
    );
  }

  unpackTo(_o: StopT): void {
    _o.status = this.status();
    _o.headers = this.bb!.createObjList<TextEntry, TextEntryT>(this.headers.bind(this), this.headersLength());
    _o.body = this.bb!.createScalarList<number>(this.body.bind(this), this.bodyLength());
  }

  /** Reads a finished buffer whose root is a `Stop` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): StopValue {
    return Stop.toValue(Stop.getRootAsStop(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Stop): StopValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_status = bb.__offset(pos, 4);
    const f_status = o_status ? bb.readUint16(pos + o_status) : 0;
    const o_headers = bb.__offset(pos, 6);
    const f_headers: TextEntryValue[] = [];
    if (o_headers) {
      const base = bb.__vector(pos + o_headers);
      const len = bb.__vector_len(pos + o_headers);
      const el = new TextEntry();
      for (let i = 0; i < len; i++) f_headers.push(TextEntry.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_body = bb.__offset(pos, 8);
    const f_body = o_body ? new Uint8Array(bb.bytes().buffer, bb.bytes().byteOffset + bb.__vector(pos + o_body), bb.__vector_len(pos + o_body)) : null;
    return { status: f_status, headers: f_headers, body: f_body };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: StopInit): flatbuffers.Offset {
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
    builder.startObject(3);
    if (value.status != null) Stop.addStatus(builder, value.status);
    if (f_headers !== 0) Stop.addHeaders(builder, f_headers);
    if (f_body !== 0) Stop.addBody(builder, f_body);
    return Stop.endStop(builder);
  }

  /** Encodes `value` as a finished buffer with `Stop` as its root. */
  static encode(value: StopInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Stop.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Stop` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Stop.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Stop'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    v.field(pos, vt, 4, 2, 'status');
    {
      const p = v.field(pos, vt, 6, 4, 'headers');
      if (p) {
        const start = v.vector(p, 4, 'headers');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { TextEntry.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'headers', i); }
        }
      }
    }
    {
      const p = v.field(pos, vt, 8, 4, 'body');
      if (p) {
        v.vector(p, 1, 'body');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Stop}. */
export class StopT implements flatbuffers.IGeneratedObject {
  constructor(
    public status: number = 0,
    public headers: (TextEntryT)[] = [],
    public body: (number)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const headers = Stop.createHeadersVector(builder, builder.createObjectOffsetList(this.headers));
    const body = Stop.createBodyVector(builder, this.body);

    Stop.startStop(builder);
    Stop.addStatus(builder, this.status);
    Stop.addHeaders(builder, headers);
    Stop.addBody(builder, body);
    return Stop.endStop(builder);
  }
}

/** Plain, read-only form of {@link Stop} (see `Stop.toValue`). */
export interface StopValue {
  readonly status: number;
  readonly headers: readonly TextEntryValue[];
  readonly body: Uint8Array | null;
}

/** Input of `Stop.pack` / `Stop.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface StopInit {
  readonly status?: number | null;
  readonly headers?: readonly TextEntryInit[] | null;
  readonly body?: Uint8Array | readonly number[] | null;
}

/** Forward the request to the upstream with these changes. */
export class Rewrite implements flatbuffers.IUnpackableObject<RewriteT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Rewrite {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsRewrite(bb: flatbuffers.ByteBuffer, obj?: Rewrite): Rewrite {
    return (obj || new Rewrite()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsRewrite(bb: flatbuffers.ByteBuffer, obj?: Rewrite): Rewrite {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Rewrite()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  /** New upstream path (absent: unchanged). */
  path(): string|null
  path(optionalEncoding: flatbuffers.Encoding): string|Uint8Array|null
  path(optionalEncoding?: any): string|Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    if (!offset) return null;
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `path`, -1 when absent; with
   * `pathByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  pathByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `path` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  pathByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  /** Header changes: an entry without value deletes the header; name `host` changes the upstream host. */
  headers(index: number, obj?: TextEntry): TextEntry|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? (obj || new TextEntry()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  headersLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  /** Query argument changes: an entry without value deletes the argument. */
  args(index: number, obj?: TextEntry): TextEntry|null {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? (obj || new TextEntry()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  argsLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  /** Headers to set on the response sent to the client. */
  respHeaders(index: number, obj?: TextEntry): TextEntry|null {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? (obj || new TextEntry()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  respHeadersLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  /** New request body for the upstream. */
  body(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? this.bb!.readUint8(this.bb!.__vector(this.bb_pos + offset) + index) : 0;
  }

  bodyLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  bodyArray(): Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? new Uint8Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  static startRewrite(builder: flatbuffers.Builder) {
    builder.startObject(5);
  }

  static addPath(builder: flatbuffers.Builder, pathOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, pathOffset, 0);
  }

  static addHeaders(builder: flatbuffers.Builder, headersOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, headersOffset, 0);
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

  static addArgs(builder: flatbuffers.Builder, argsOffset: flatbuffers.Offset) {
    builder.addFieldOffset(2, argsOffset, 0);
  }

  static createArgsVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startArgsVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static addRespHeaders(builder: flatbuffers.Builder, respHeadersOffset: flatbuffers.Offset) {
    builder.addFieldOffset(3, respHeadersOffset, 0);
  }

  static createRespHeadersVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startRespHeadersVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static addBody(builder: flatbuffers.Builder, bodyOffset: flatbuffers.Offset) {
    builder.addFieldOffset(4, bodyOffset, 0);
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

  static endRewrite(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createRewrite(builder: flatbuffers.Builder, pathOffset: flatbuffers.Offset, headersOffset: flatbuffers.Offset, argsOffset: flatbuffers.Offset, respHeadersOffset: flatbuffers.Offset, bodyOffset: flatbuffers.Offset): flatbuffers.Offset {
    Rewrite.startRewrite(builder);
    Rewrite.addPath(builder, pathOffset);
    Rewrite.addHeaders(builder, headersOffset);
    Rewrite.addArgs(builder, argsOffset);
    Rewrite.addRespHeaders(builder, respHeadersOffset);
    Rewrite.addBody(builder, bodyOffset);
    return Rewrite.endRewrite(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): RewriteT {
    return new RewriteT(
      this.path(),
      this.bb!.createObjList<TextEntry, TextEntryT>(this.headers.bind(this), this.headersLength()),
      this.bb!.createObjList<TextEntry, TextEntryT>(this.args.bind(this), this.argsLength()),
      this.bb!.createObjList<TextEntry, TextEntryT>(this.respHeaders.bind(this), this.respHeadersLength()),
      this.bb!.createScalarList<number>(this.body.bind(this), this.bodyLength())
    );
  }

  unpackTo(_o: RewriteT): void {
    _o.path = this.path();
    _o.headers = this.bb!.createObjList<TextEntry, TextEntryT>(this.headers.bind(this), this.headersLength());
    _o.args = this.bb!.createObjList<TextEntry, TextEntryT>(this.args.bind(this), this.argsLength());
    _o.respHeaders = this.bb!.createObjList<TextEntry, TextEntryT>(this.respHeaders.bind(this), this.respHeadersLength());
    _o.body = this.bb!.createScalarList<number>(this.body.bind(this), this.bodyLength());
  }

  /** Reads a finished buffer whose root is a `Rewrite` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): RewriteValue {
    return Rewrite.toValue(Rewrite.getRootAsRewrite(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Rewrite): RewriteValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_path = bb.__offset(pos, 4);
    const f_path = o_path ? readString(bb, pos + o_path) : null;
    const o_headers = bb.__offset(pos, 6);
    const f_headers: TextEntryValue[] = [];
    if (o_headers) {
      const base = bb.__vector(pos + o_headers);
      const len = bb.__vector_len(pos + o_headers);
      const el = new TextEntry();
      for (let i = 0; i < len; i++) f_headers.push(TextEntry.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_args = bb.__offset(pos, 8);
    const f_args: TextEntryValue[] = [];
    if (o_args) {
      const base = bb.__vector(pos + o_args);
      const len = bb.__vector_len(pos + o_args);
      const el = new TextEntry();
      for (let i = 0; i < len; i++) f_args.push(TextEntry.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_respHeaders = bb.__offset(pos, 10);
    const f_respHeaders: TextEntryValue[] = [];
    if (o_respHeaders) {
      const base = bb.__vector(pos + o_respHeaders);
      const len = bb.__vector_len(pos + o_respHeaders);
      const el = new TextEntry();
      for (let i = 0; i < len; i++) f_respHeaders.push(TextEntry.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_body = bb.__offset(pos, 12);
    const f_body = o_body ? new Uint8Array(bb.bytes().buffer, bb.bytes().byteOffset + bb.__vector(pos + o_body), bb.__vector_len(pos + o_body)) : null;
    return { path: f_path, headers: f_headers, args: f_args, respHeaders: f_respHeaders, body: f_body };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: RewriteInit): flatbuffers.Offset {
    const f_path = value.path != null ? writeString(builder, value.path) : 0;
    let f_headers = 0;
    const f_headersv = value.headers;
    if (f_headersv != null) {
      const offs: number[] = new Array(f_headersv.length);
      for (let i = 0; i < f_headersv.length; i++) offs[i] = TextEntry.pack(builder, f_headersv[i]!);
      f_headers = writeOffsets(builder, offs);
    }
    let f_args = 0;
    const f_argsv = value.args;
    if (f_argsv != null) {
      const offs: number[] = new Array(f_argsv.length);
      for (let i = 0; i < f_argsv.length; i++) offs[i] = TextEntry.pack(builder, f_argsv[i]!);
      f_args = writeOffsets(builder, offs);
    }
    let f_respHeaders = 0;
    const f_respHeadersv = value.respHeaders;
    if (f_respHeadersv != null) {
      const offs: number[] = new Array(f_respHeadersv.length);
      for (let i = 0; i < f_respHeadersv.length; i++) offs[i] = TextEntry.pack(builder, f_respHeadersv[i]!);
      f_respHeaders = writeOffsets(builder, offs);
    }
    let f_body = 0;
    const f_bodyv = value.body;
    if (f_bodyv != null) {
      f_body = writeBytes(builder, f_bodyv);
    }
    builder.startObject(5);
    if (f_path !== 0) Rewrite.addPath(builder, f_path);
    if (f_headers !== 0) Rewrite.addHeaders(builder, f_headers);
    if (f_args !== 0) Rewrite.addArgs(builder, f_args);
    if (f_respHeaders !== 0) Rewrite.addRespHeaders(builder, f_respHeaders);
    if (f_body !== 0) Rewrite.addBody(builder, f_body);
    return Rewrite.endRewrite(builder);
  }

  /** Encodes `value` as a finished buffer with `Rewrite` as its root. */
  static encode(value: RewriteInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Rewrite.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Rewrite` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Rewrite.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Rewrite'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    {
      const p = v.field(pos, vt, 4, 4, 'path');
      if (p) {
        v.string(p, 'path');
      }
    }
    {
      const p = v.field(pos, vt, 6, 4, 'headers');
      if (p) {
        const start = v.vector(p, 4, 'headers');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { TextEntry.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'headers', i); }
        }
      }
    }
    {
      const p = v.field(pos, vt, 8, 4, 'args');
      if (p) {
        const start = v.vector(p, 4, 'args');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { TextEntry.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'args', i); }
        }
      }
    }
    {
      const p = v.field(pos, vt, 10, 4, 'resp_headers');
      if (p) {
        const start = v.vector(p, 4, 'resp_headers');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { TextEntry.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'resp_headers', i); }
        }
      }
    }
    {
      const p = v.field(pos, vt, 12, 4, 'body');
      if (p) {
        v.vector(p, 1, 'body');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Rewrite}. */
export class RewriteT implements flatbuffers.IGeneratedObject {
  constructor(
    public path: string|Uint8Array|null = null,
    public headers: (TextEntryT)[] = [],
    public args: (TextEntryT)[] = [],
    public respHeaders: (TextEntryT)[] = [],
    public body: (number)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const path = (this.path !== null ? builder.createString(this.path!) : 0);
    const headers = Rewrite.createHeadersVector(builder, builder.createObjectOffsetList(this.headers));
    const args = Rewrite.createArgsVector(builder, builder.createObjectOffsetList(this.args));
    const respHeaders = Rewrite.createRespHeadersVector(builder, builder.createObjectOffsetList(this.respHeaders));
    const body = Rewrite.createBodyVector(builder, this.body);

    Rewrite.startRewrite(builder);
    Rewrite.addPath(builder, path);
    Rewrite.addHeaders(builder, headers);
    Rewrite.addArgs(builder, args);
    Rewrite.addRespHeaders(builder, respHeaders);
    Rewrite.addBody(builder, body);
    return Rewrite.endRewrite(builder);
  }
}

/** Plain, read-only form of {@link Rewrite} (see `Rewrite.toValue`). */
export interface RewriteValue {
  /** New upstream path (absent: unchanged). */
  readonly path: string | null;
  /** Header changes: an entry without value deletes the header; name `host` changes the upstream host. */
  readonly headers: readonly TextEntryValue[];
  /** Query argument changes: an entry without value deletes the argument. */
  readonly args: readonly TextEntryValue[];
  /** Headers to set on the response sent to the client. */
  readonly respHeaders: readonly TextEntryValue[];
  /** New request body for the upstream. */
  readonly body: Uint8Array | null;
}

/** Input of `Rewrite.pack` / `Rewrite.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface RewriteInit {
  /** New upstream path (absent: unchanged). */
  readonly path?: string | null;
  /** Header changes: an entry without value deletes the header; name `host` changes the upstream host. */
  readonly headers?: readonly TextEntryInit[] | null;
  /** Query argument changes: an entry without value deletes the argument. */
  readonly args?: readonly TextEntryInit[] | null;
  /** Headers to set on the response sent to the client. */
  readonly respHeaders?: readonly TextEntryInit[] | null;
  /** New request body for the upstream. */
  readonly body?: Uint8Array | readonly number[] | null;
}

/** What the runner decided for the request. */
export enum Action {
  NONE = 0,
  Stop = 1,
  Rewrite = 2
}

/** Reads the member of a `Action` field as the class its type tag names (null for NONE). */
export function unionToAction(type: Action, accessor: (obj: Stop|Rewrite) => Stop|Rewrite|null): Stop|Rewrite|null {
  switch (Action[type]) {
    case 'NONE': return null;
    case 'Stop': return accessor(new Stop())! as Stop;
    case 'Rewrite': return accessor(new Rewrite())! as Rewrite;
    default: return null;
  }
}

export function unionListToAction(type: Action, accessor: (index: number, obj: Stop|Rewrite) => Stop|Rewrite|null, index: number): Stop|Rewrite|null {
  switch (Action[type]) {
    case 'NONE': return null;
    case 'Stop': return accessor(index, new Stop())! as Stop;
    case 'Rewrite': return accessor(index, new Rewrite())! as Rewrite;
    default: return null;
  }
}

/** A `Action` union member as a plain value, discriminated by `type`. */
export type ActionValue =
  | { readonly type: 'Stop'; readonly value: StopValue }
  | { readonly type: 'Rewrite'; readonly value: RewriteValue };

/** Input form of a `Action` union member. */
export type ActionInit =
  | { readonly type: 'Stop'; readonly value: StopInit }
  | { readonly type: 'Rewrite'; readonly value: RewriteInit };

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

  actionType(): Action {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readUint8(this.bb_pos + offset) : Action.NONE;
  }

  /** Absent action: let the request continue unchanged. */
  action<T extends flatbuffers.Table>(obj: any): any|null {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.__union(obj, this.bb_pos + offset) : null;
  }

  static startResp(builder: flatbuffers.Builder) {
    builder.startObject(3);
  }

  static addId(builder: flatbuffers.Builder, id: number) {
    builder.addFieldInt32(0, id, 0);
  }

  static addActionType(builder: flatbuffers.Builder, actionType: Action) {
    builder.addFieldInt8(1, actionType, 0);
  }

  static addAction(builder: flatbuffers.Builder, actionOffset: flatbuffers.Offset) {
    builder.addFieldOffset(2, actionOffset, 0);
  }

  static endResp(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createResp(builder: flatbuffers.Builder, id: number, actionType: Action, actionOffset: flatbuffers.Offset): flatbuffers.Offset {
    Resp.startResp(builder);
    Resp.addId(builder, id);
    Resp.addActionType(builder, actionType);
    Resp.addAction(builder, actionOffset);
    return Resp.endResp(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): RespT {
    return new RespT(
      this.id(),
      this.actionType(),
      (() => { const temp = unionToAction(this.actionType(), this.action.bind(this)); return temp === null ? null : temp.unpack(); })()
    );
  }

  unpackTo(_o: RespT): void {
    _o.id = this.id();
    _o.actionType = this.actionType();
    _o.action = (() => { const temp = unionToAction(this.actionType(), this.action.bind(this)); return temp === null ? null : temp.unpack(); })();
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
    const o_action = bb.__offset(pos, 8);
    const o_actiont = bb.__offset(pos, 6);
    let f_action: ActionValue | null = null;
    if (o_action && o_actiont) {
      const at = bb.__indirect(pos + o_action);
      switch (bb.readUint8(pos + o_actiont)) {
        case Action.Stop: f_action = { type: 'Stop', value: Stop.toValue(new Stop().__init(at, bb)) }; break;
        case Action.Rewrite: f_action = { type: 'Rewrite', value: Rewrite.toValue(new Rewrite().__init(at, bb)) }; break;
        default: break; // a member this schema does not know yet: read as absent
      }
    }
    return { id: f_id, action: f_action };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: RespInit): flatbuffers.Offset {
    let f_action = 0;
    const f_actionu = value.action;
    if (f_actionu != null) {
      switch (f_actionu.type) {
        case 'Stop': f_action = Stop.pack(builder, f_actionu.value); break;
        case 'Rewrite': f_action = Rewrite.pack(builder, f_actionu.value); break;
      }
    }
    builder.startObject(3);
    if (value.id != null) Resp.addId(builder, value.id);
    if (f_action !== 0) {
      Resp.addActionType(builder, Action[f_actionu!.type]);
      Resp.addAction(builder, f_action);
    }
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
    v.field(pos, vt, 8, 1, 'action');
    {
      const p = v.field(pos, vt, 8, 4, 'action');
      if (p) {
        const tp = v.field(pos, vt, 6, 1, 'action');
        const target = v.offset(p, 'action');
        try {
          switch (tp ? v.bytes[tp] : 0) {
            case Action.Stop: Stop.verifyAt(v, target, depth + 1); break;
            case Action.Rewrite: Rewrite.verifyAt(v, target, depth + 1); break;
            default: break; // unknown member: readers treat it as absent
          }
        } catch (e) { throw v.within(e, 'action'); }
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Resp}. */
export class RespT implements flatbuffers.IGeneratedObject {
  constructor(
    public id: number = 0,
    public actionType: Action = Action.NONE,
    public action: StopT|RewriteT|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const action = builder.createObjectOffset(this.action);

    Resp.startResp(builder);
    Resp.addId(builder, this.id);
    Resp.addActionType(builder, this.actionType);
    Resp.addAction(builder, action);
    return Resp.endResp(builder);
  }
}

/** Plain, read-only form of {@link Resp} (see `Resp.toValue`). */
export interface RespValue {
  readonly id: number;
  /** Absent action: let the request continue unchanged. */
  readonly action: ActionValue | null;
}

/** Input of `Resp.pack` / `Resp.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface RespInit {
  readonly id?: number | null;
  /** Absent action: let the request continue unchanged. */
  readonly action?: ActionInit | null;
}
