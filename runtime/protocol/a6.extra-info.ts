// @generated — do not edit. Produced by `a6kit gen` from schema/ext-plugin.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString } from './_support.js';

// Namespace A6.ExtraInfo.

/** Ask for the value of the nginx variable `name`. */
export class Var {
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

/** Ask for the request body. */
export class ReqBody {
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

/** Ask for the upstream response body. */
export class RespBody {
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

/** Sent by the runner (in an RPC_EXTRA_INFO frame) in the middle of a call. */
export class Req {
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

/** APISIX's answer to an ExtraInfo request. */
export class Resp {
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
