// @generated — do not edit. Produced by `a6kit gen` from ../../../../schema/ext-plugin.fbs, schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString, writeBytes, writeString } from './_support.js';

// Namespace A6.ExtraInfo.

/** Ask for the value of the nginx variable `name`. */
export class Var implements flatbuffers.IUnpackableObject<VarT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Var {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsVar(bb: flatbuffers.ByteBuffer, obj?: Var): Var {
    return (obj || new Var()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsVar(bb: flatbuffers.ByteBuffer, obj?: Var): Var {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Var()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
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

  static startVar(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addName(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, nameOffset, 0);
  }

  static endVar(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createVar(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset): flatbuffers.Offset {
    Var.startVar(builder);
    Var.addName(builder, nameOffset);
    return Var.endVar(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): VarT {
    return new VarT(
      this.name()
    );
  }

  unpackTo(_o: VarT): void {
    _o.name = this.name();
  }

  /** Reads a finished buffer whose root is a `Var` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): VarValue {
    return Var.toValue(Var.getRootAsVar(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Var): VarValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_name = bb.__offset(pos, 4);
    const f_name = o_name ? readString(bb, pos + o_name) : null;
    return { name: f_name };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: VarInit): flatbuffers.Offset {
    const f_name = value.name != null ? writeString(builder, value.name) : 0;
    builder.startObject(1);
    if (f_name !== 0) Var.addName(builder, f_name);
    return Var.endVar(builder);
  }

  /** Encodes `value` as a finished buffer with `Var` as its root. */
  static encode(value: VarInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Var.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Var` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Var.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Var'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    {
      const p = v.field(pos, vt, 4, 4, 'name');
      if (p) {
        v.string(p, 'name');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Var}. */
export class VarT implements flatbuffers.IGeneratedObject {
  constructor(
    public name: string|Uint8Array|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const name = (this.name !== null ? builder.createString(this.name!) : 0);

    Var.startVar(builder);
    Var.addName(builder, name);
    return Var.endVar(builder);
  }
}

/** Plain, read-only form of {@link Var} (see `Var.toValue`). */
export interface VarValue {
  readonly name: string | null;
}

/** Input of `Var.pack` / `Var.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface VarInit {
  readonly name?: string | null;
}

/** Ask for the request body. */
export class ReqBody implements flatbuffers.IUnpackableObject<ReqBodyT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): ReqBody {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsReqBody(bb: flatbuffers.ByteBuffer, obj?: ReqBody): ReqBody {
    return (obj || new ReqBody()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsReqBody(bb: flatbuffers.ByteBuffer, obj?: ReqBody): ReqBody {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new ReqBody()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static startReqBody(builder: flatbuffers.Builder) {
    builder.startObject(0);
  }

  static endReqBody(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createReqBody(builder: flatbuffers.Builder): flatbuffers.Offset {
    ReqBody.startReqBody(builder);
    return ReqBody.endReqBody(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): ReqBodyT {
    return new ReqBodyT();
  }

  unpackTo(_o: ReqBodyT): void {
  }

  /** Reads a finished buffer whose root is a `ReqBody` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): ReqBodyValue {
    return ReqBody.toValue(ReqBody.getRootAsReqBody(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: ReqBody): ReqBodyValue {
    return {};
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: ReqBodyInit): flatbuffers.Offset {
    builder.startObject(0);
    return ReqBody.endReqBody(builder);
  }

  /** Encodes `value` as a finished buffer with `ReqBody` as its root. */
  static encode(value: ReqBodyInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(ReqBody.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `ReqBody` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { ReqBody.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'ReqBody'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    v.table(pos, depth);
  }
}

/** flatc object API: mutable object form of {@link ReqBody}. */
export class ReqBodyT implements flatbuffers.IGeneratedObject {
  constructor() {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {

    ReqBody.startReqBody(builder);
    return ReqBody.endReqBody(builder);
  }
}

/** Plain, read-only form of {@link ReqBody} (see `ReqBody.toValue`). */
export interface ReqBodyValue {
}

/** Input of `ReqBody.pack` / `ReqBody.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface ReqBodyInit {
}

/** Ask for the upstream response body. */
export class RespBody implements flatbuffers.IUnpackableObject<RespBodyT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): RespBody {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsRespBody(bb: flatbuffers.ByteBuffer, obj?: RespBody): RespBody {
    return (obj || new RespBody()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsRespBody(bb: flatbuffers.ByteBuffer, obj?: RespBody): RespBody {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new RespBody()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static startRespBody(builder: flatbuffers.Builder) {
    builder.startObject(0);
  }

  static endRespBody(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createRespBody(builder: flatbuffers.Builder): flatbuffers.Offset {
    RespBody.startRespBody(builder);
    return RespBody.endRespBody(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): RespBodyT {
    return new RespBodyT();
  }

  unpackTo(_o: RespBodyT): void {
  }

  /** Reads a finished buffer whose root is a `RespBody` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): RespBodyValue {
    return RespBody.toValue(RespBody.getRootAsRespBody(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: RespBody): RespBodyValue {
    return {};
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: RespBodyInit): flatbuffers.Offset {
    builder.startObject(0);
    return RespBody.endRespBody(builder);
  }

  /** Encodes `value` as a finished buffer with `RespBody` as its root. */
  static encode(value: RespBodyInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(RespBody.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `RespBody` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { RespBody.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'RespBody'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    v.table(pos, depth);
  }
}

/** flatc object API: mutable object form of {@link RespBody}. */
export class RespBodyT implements flatbuffers.IGeneratedObject {
  constructor() {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {

    RespBody.startRespBody(builder);
    return RespBody.endRespBody(builder);
  }
}

/** Plain, read-only form of {@link RespBody} (see `RespBody.toValue`). */
export interface RespBodyValue {
}

/** Input of `RespBody.pack` / `RespBody.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface RespBodyInit {
}

/** What the runner asks APISIX for while handling a call. */
export enum Info {
  NONE = 0,
  Var = 1,
  ReqBody = 2,
  RespBody = 3
}

/** Reads the member of a `Info` field as the class its type tag names (null for NONE). */
export function unionToInfo(type: Info, accessor: (obj: Var|ReqBody|RespBody) => Var|ReqBody|RespBody|null): Var|ReqBody|RespBody|null {
  switch (Info[type]) {
    case 'NONE': return null;
    case 'Var': return accessor(new Var())! as Var;
    case 'ReqBody': return accessor(new ReqBody())! as ReqBody;
    case 'RespBody': return accessor(new RespBody())! as RespBody;
    default: return null;
  }
}

export function unionListToInfo(type: Info, accessor: (index: number, obj: Var|ReqBody|RespBody) => Var|ReqBody|RespBody|null, index: number): Var|ReqBody|RespBody|null {
  switch (Info[type]) {
    case 'NONE': return null;
    case 'Var': return accessor(index, new Var())! as Var;
    case 'ReqBody': return accessor(index, new ReqBody())! as ReqBody;
    case 'RespBody': return accessor(index, new RespBody())! as RespBody;
    default: return null;
  }
}

/** A `Info` union member as a plain value, discriminated by `type`. */
export type InfoValue =
  | { readonly type: 'Var'; readonly value: VarValue }
  | { readonly type: 'ReqBody'; readonly value: ReqBodyValue }
  | { readonly type: 'RespBody'; readonly value: RespBodyValue };

/** Input form of a `Info` union member. */
export type InfoInit =
  | { readonly type: 'Var'; readonly value: VarInit }
  | { readonly type: 'ReqBody'; readonly value: ReqBodyInit }
  | { readonly type: 'RespBody'; readonly value: RespBodyInit };

/** Sent by the runner (in an RPC_EXTRA_INFO frame) in the middle of a call. */
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

  infoType(): Info {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint8(this.bb_pos + offset) : Info.NONE;
  }

  info<T extends flatbuffers.Table>(obj: any): any|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__union(obj, this.bb_pos + offset) : null;
  }

  static startReq(builder: flatbuffers.Builder) {
    builder.startObject(2);
  }

  static addInfoType(builder: flatbuffers.Builder, infoType: Info) {
    builder.addFieldInt8(0, infoType, 0);
  }

  static addInfo(builder: flatbuffers.Builder, infoOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, infoOffset, 0);
  }

  static endReq(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createReq(builder: flatbuffers.Builder, infoType: Info, infoOffset: flatbuffers.Offset): flatbuffers.Offset {
    Req.startReq(builder);
    Req.addInfoType(builder, infoType);
    Req.addInfo(builder, infoOffset);
    return Req.endReq(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): ReqT {
    return new ReqT(
      this.infoType(),
      (() => { const temp = unionToInfo(this.infoType(), this.info.bind(this)); return temp === null ? null : temp.unpack(); })()
    );
  }

  unpackTo(_o: ReqT): void {
    _o.infoType = this.infoType();
    _o.info = (() => { const temp = unionToInfo(this.infoType(), this.info.bind(this)); return temp === null ? null : temp.unpack(); })();
  }

  /** Reads a finished buffer whose root is a `Req` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): ReqValue {
    return Req.toValue(Req.getRootAsReq(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Req): ReqValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_info = bb.__offset(pos, 6);
    const o_infot = bb.__offset(pos, 4);
    let f_info: InfoValue | null = null;
    if (o_info && o_infot) {
      const at = bb.__indirect(pos + o_info);
      switch (bb.readUint8(pos + o_infot)) {
        case Info.Var: f_info = { type: 'Var', value: Var.toValue(new Var().__init(at, bb)) }; break;
        case Info.ReqBody: f_info = { type: 'ReqBody', value: ReqBody.toValue(new ReqBody().__init(at, bb)) }; break;
        case Info.RespBody: f_info = { type: 'RespBody', value: RespBody.toValue(new RespBody().__init(at, bb)) }; break;
        default: break; // a member this schema does not know yet: read as absent
      }
    }
    return { info: f_info };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: ReqInit): flatbuffers.Offset {
    let f_info = 0;
    const f_infou = value.info;
    if (f_infou != null) {
      switch (f_infou.type) {
        case 'Var': f_info = Var.pack(builder, f_infou.value); break;
        case 'ReqBody': f_info = ReqBody.pack(builder, f_infou.value); break;
        case 'RespBody': f_info = RespBody.pack(builder, f_infou.value); break;
      }
    }
    builder.startObject(2);
    if (f_info !== 0) {
      Req.addInfoType(builder, Info[f_infou!.type]);
      Req.addInfo(builder, f_info);
    }
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
    v.field(pos, vt, 6, 1, 'info');
    {
      const p = v.field(pos, vt, 6, 4, 'info');
      if (p) {
        const tp = v.field(pos, vt, 4, 1, 'info');
        const target = v.offset(p, 'info');
        try {
          switch (tp ? v.bytes[tp] : 0) {
            case Info.Var: Var.verifyAt(v, target, depth + 1); break;
            case Info.ReqBody: ReqBody.verifyAt(v, target, depth + 1); break;
            case Info.RespBody: RespBody.verifyAt(v, target, depth + 1); break;
            default: break; // unknown member: readers treat it as absent
          }
        } catch (e) { throw v.within(e, 'info'); }
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Req}. */
export class ReqT implements flatbuffers.IGeneratedObject {
  constructor(
    public infoType: Info = Info.NONE,
    public info: VarT|ReqBodyT|RespBodyT|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const info = builder.createObjectOffset(this.info);

    Req.startReq(builder);
    Req.addInfoType(builder, this.infoType);
    Req.addInfo(builder, info);
    return Req.endReq(builder);
  }
}

/** Plain, read-only form of {@link Req} (see `Req.toValue`). */
export interface ReqValue {
  readonly info: InfoValue | null;
}

/** Input of `Req.pack` / `Req.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface ReqInit {
  readonly info?: InfoInit | null;
}

/** APISIX's answer to an ExtraInfo request. */
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

  /** The requested bytes (absent when the variable or body does not exist). */
  result(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint8(this.bb!.__vector(this.bb_pos + offset) + index) : 0;
  }

  resultLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  resultArray(): Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? new Uint8Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  static startResp(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addResult(builder: flatbuffers.Builder, resultOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, resultOffset, 0);
  }

  static createResultVector(builder: flatbuffers.Builder, data: readonly number[]|Uint8Array): flatbuffers.Offset {
    if (data instanceof Uint8Array) return builder.createByteVector(data);
    builder.startVector(1, data.length, 1);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt8(data[i]!);
    }
    return builder.endVector();
  }

  static startResultVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(1, numElems, 1);
  }

  static endResp(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createResp(builder: flatbuffers.Builder, resultOffset: flatbuffers.Offset): flatbuffers.Offset {
    Resp.startResp(builder);
    Resp.addResult(builder, resultOffset);
    return Resp.endResp(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): RespT {
    return new RespT(
      this.bb!.createScalarList<number>(this.result.bind(this), this.resultLength())
    );
  }

  unpackTo(_o: RespT): void {
    _o.result = this.bb!.createScalarList<number>(this.result.bind(this), this.resultLength());
  }

  /** Reads a finished buffer whose root is a `Resp` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): RespValue {
    return Resp.toValue(Resp.getRootAsResp(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Resp): RespValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_result = bb.__offset(pos, 4);
    const f_result = o_result ? new Uint8Array(bb.bytes().buffer, bb.bytes().byteOffset + bb.__vector(pos + o_result), bb.__vector_len(pos + o_result)) : null;
    return { result: f_result };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: RespInit): flatbuffers.Offset {
    let f_result = 0;
    const f_resultv = value.result;
    if (f_resultv != null) {
      f_result = writeBytes(builder, f_resultv);
    }
    builder.startObject(1);
    if (f_result !== 0) Resp.addResult(builder, f_result);
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
    {
      const p = v.field(pos, vt, 4, 4, 'result');
      if (p) {
        v.vector(p, 1, 'result');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Resp}. */
export class RespT implements flatbuffers.IGeneratedObject {
  constructor(
    public result: (number)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const result = Resp.createResultVector(builder, this.result);

    Resp.startResp(builder);
    Resp.addResult(builder, result);
    return Resp.endResp(builder);
  }
}

/** Plain, read-only form of {@link Resp} (see `Resp.toValue`). */
export interface RespValue {
  /** The requested bytes (absent when the variable or body does not exist). */
  readonly result: Uint8Array | null;
}

/** Input of `Resp.pack` / `Resp.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface RespInit {
  /** The requested bytes (absent when the variable or body does not exist). */
  readonly result?: Uint8Array | readonly number[] | null;
}
