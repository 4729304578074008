// @generated — do not edit. Produced by `a6kit gen` from schema/ext-plugin.fbs.
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
