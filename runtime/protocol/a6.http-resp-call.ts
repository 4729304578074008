// @generated — do not edit. Produced by `a6kit gen` from schema/ext-plugin.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits } from './_support.js';
import { TextEntry } from './a6.js';

// Namespace A6.HTTPRespCall.

/** An upstream response reaching the ext-plugin-post-resp phase. */
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

/** Changes to the upstream response before it goes to the client. */
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
