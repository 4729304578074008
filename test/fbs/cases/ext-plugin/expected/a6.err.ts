// @generated — do not edit. Produced by `a6kit gen` from ../../../../schema/ext-plugin.fbs, schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits } from './_support.js';

// Namespace A6.Err.

/** Why the runner refused a call (sent in an RPC_ERROR frame). */
export enum Code {
  BAD_REQUEST = 0,
  SERVICE_UNAVAILABLE = 1,
  /** The conf token is unknown or expired: APISIX prepares the conf again and retries. */
  CONF_TOKEN_NOT_FOUND = 2
}

/** Error answer to any call. */
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

  code(): Code {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint8(this.bb_pos + offset) : Code.BAD_REQUEST;
  }

  static startResp(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addCode(builder: flatbuffers.Builder, code: Code) {
    builder.addFieldInt8(0, code, Code.BAD_REQUEST);
  }

  static endResp(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createResp(builder: flatbuffers.Builder, code: Code): flatbuffers.Offset {
    Resp.startResp(builder);
    Resp.addCode(builder, code);
    return Resp.endResp(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): RespT {
    return new RespT(
      this.code()
    );
  }

  unpackTo(_o: RespT): void {
    _o.code = this.code();
  }

  /** Reads a finished buffer whose root is a `Resp` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): RespValue {
    return Resp.toValue(Resp.getRootAsResp(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Resp): RespValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_code = bb.__offset(pos, 4);
    const f_code = o_code ? bb.readUint8(pos + o_code) : Code.BAD_REQUEST;
    return { code: f_code };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: RespInit): flatbuffers.Offset {
    builder.startObject(1);
    if (value.code != null) Resp.addCode(builder, value.code);
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
    v.field(pos, vt, 4, 1, 'code');
  }
}

/** flatc object API: mutable object form of {@link Resp}. */
export class RespT implements flatbuffers.IGeneratedObject {
  constructor(
    public code: Code = Code.BAD_REQUEST
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {

    Resp.startResp(builder);
    Resp.addCode(builder, this.code);
    return Resp.endResp(builder);
  }
}

/** Plain, read-only form of {@link Resp} (see `Resp.toValue`). */
export interface RespValue {
  readonly code: Code;
}

/** Input of `Resp.pack` / `Resp.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface RespInit {
  readonly code?: Code | null;
}
