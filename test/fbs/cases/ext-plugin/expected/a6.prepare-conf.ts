// @generated — do not edit. Produced by `a6kit gen` from ../../../../schema/ext-plugin.fbs, schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString, writeOffsets, writeString } from './_support.js';
import { TextEntry, type TextEntryInit, type TextEntryT, type TextEntryValue } from './a6.js';

// Namespace A6.PrepareConf.

/** APISIX hands over a route's plugin configuration once; the runner answers with a token. */
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

  /** The plugins to run, in execution order: `name` is the plugin name, `value` its JSON config. */
  conf(index: number, obj?: TextEntry): TextEntry|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? (obj || new TextEntry()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  confLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  /** Idempotency key of this configuration (same key, same conf). */
  key(): string|null
  key(optionalEncoding: flatbuffers.Encoding): string|Uint8Array|null
  key(optionalEncoding?: any): string|Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    if (!offset) return null;
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `key`, -1 when absent; with
   * `keyByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  keyByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `key` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  keyByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  static startReq(builder: flatbuffers.Builder) {
    builder.startObject(2);
  }

  static addConf(builder: flatbuffers.Builder, confOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, confOffset, 0);
  }

  static createConfVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startConfVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static addKey(builder: flatbuffers.Builder, keyOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, keyOffset, 0);
  }

  static endReq(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createReq(builder: flatbuffers.Builder, confOffset: flatbuffers.Offset, keyOffset: flatbuffers.Offset): flatbuffers.Offset {
    Req.startReq(builder);
    Req.addConf(builder, confOffset);
    Req.addKey(builder, keyOffset);
    return Req.endReq(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): ReqT {
    return new ReqT(
      this.bb!.createObjList<TextEntry, TextEntryT>(this.conf.bind(this), this.confLength()),
      this.key()
    );
  }

  unpackTo(_o: ReqT): void {
    _o.conf = this.bb!.createObjList<TextEntry, TextEntryT>(this.conf.bind(this), this.confLength());
    _o.key = this.key();
  }

  /** Reads a finished buffer whose root is a `Req` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): ReqValue {
    return Req.toValue(Req.getRootAsReq(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Req): ReqValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_conf = bb.__offset(pos, 4);
    const f_conf: TextEntryValue[] = [];
    if (o_conf) {
      const base = bb.__vector(pos + o_conf);
      const len = bb.__vector_len(pos + o_conf);
      const el = new TextEntry();
      for (let i = 0; i < len; i++) f_conf.push(TextEntry.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_key = bb.__offset(pos, 6);
    const f_key = o_key ? readString(bb, pos + o_key) : null;
    return { conf: f_conf, key: f_key };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: ReqInit): flatbuffers.Offset {
    let f_conf = 0;
    const f_confv = value.conf;
    if (f_confv != null) {
      const offs: number[] = new Array(f_confv.length);
      for (let i = 0; i < f_confv.length; i++) offs[i] = TextEntry.pack(builder, f_confv[i]!);
      f_conf = writeOffsets(builder, offs);
    }
    const f_key = value.key != null ? writeString(builder, value.key) : 0;
    builder.startObject(2);
    if (f_conf !== 0) Req.addConf(builder, f_conf);
    if (f_key !== 0) Req.addKey(builder, f_key);
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
    {
      const p = v.field(pos, vt, 4, 4, 'conf');
      if (p) {
        const start = v.vector(p, 4, 'conf');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { TextEntry.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'conf', i); }
        }
      }
    }
    {
      const p = v.field(pos, vt, 6, 4, 'key');
      if (p) {
        v.string(p, 'key');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Req}. */
export class ReqT implements flatbuffers.IGeneratedObject {
  constructor(
    public conf: (TextEntryT)[] = [],
    public key: string|Uint8Array|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const conf = Req.createConfVector(builder, builder.createObjectOffsetList(this.conf));
    const key = (this.key !== null ? builder.createString(this.key!) : 0);

    Req.startReq(builder);
    Req.addConf(builder, conf);
    Req.addKey(builder, key);
    return Req.endReq(builder);
  }
}

/** Plain, read-only form of {@link Req} (see `Req.toValue`). */
export interface ReqValue {
  /** The plugins to run, in execution order: `name` is the plugin name, `value` its JSON config. */
  readonly conf: readonly TextEntryValue[];
  /** Idempotency key of this configuration (same key, same conf). */
  readonly key: string | null;
}

/** Input of `Req.pack` / `Req.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface ReqInit {
  /** The plugins to run, in execution order: `name` is the plugin name, `value` its JSON config. */
  readonly conf?: readonly TextEntryInit[] | null;
  /** Idempotency key of this configuration (same key, same conf). */
  readonly key?: string | null;
}

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

  /** Token that later calls quote to name this configuration. */
  confToken(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
  }

  static startResp(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addConfToken(builder: flatbuffers.Builder, confToken: number) {
    builder.addFieldInt32(0, confToken, 0);
  }

  static endResp(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createResp(builder: flatbuffers.Builder, confToken: number): flatbuffers.Offset {
    Resp.startResp(builder);
    Resp.addConfToken(builder, confToken);
    return Resp.endResp(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): RespT {
    return new RespT(
      this.confToken()
    );
  }

  unpackTo(_o: RespT): void {
    _o.confToken = this.confToken();
  }

  /** Reads a finished buffer whose root is a `Resp` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): RespValue {
    return Resp.toValue(Resp.getRootAsResp(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Resp): RespValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_confToken = bb.__offset(pos, 4);
    const f_confToken = o_confToken ? bb.readUint32(pos + o_confToken) : 0;
    return { confToken: f_confToken };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: RespInit): flatbuffers.Offset {
    builder.startObject(1);
    if (value.confToken != null) Resp.addConfToken(builder, value.confToken);
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
    v.field(pos, vt, 4, 4, 'conf_token');
  }
}

/** flatc object API: mutable object form of {@link Resp}. */
export class RespT implements flatbuffers.IGeneratedObject {
  constructor(
    public confToken: number = 0
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {

    Resp.startResp(builder);
    Resp.addConfToken(builder, this.confToken);
    return Resp.endResp(builder);
  }
}

/** Plain, read-only form of {@link Resp} (see `Resp.toValue`). */
export interface RespValue {
  /** Token that later calls quote to name this configuration. */
  readonly confToken: number;
}

/** Input of `Resp.pack` / `Resp.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface RespInit {
  /** Token that later calls quote to name this configuration. */
  readonly confToken?: number | null;
}
