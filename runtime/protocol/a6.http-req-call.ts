// @generated — do not edit. Produced by `a6kit gen` from schema/ext-plugin.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString } from './_support.js';
import { Method, TextEntry } from './a6.js';

// Namespace A6.HTTPReqCall.

/** A client request reaching the ext-plugin-pre-req / ext-plugin-post-req phase. */
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

/** Answer the client directly; the upstream is not called. */
export class Stop {
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

/** Forward the request to the upstream with these changes. */
export class Rewrite {
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
