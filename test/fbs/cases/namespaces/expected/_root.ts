// @generated — do not edit. Produced by `a6kit gen` from shared.fbs, schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits } from './_support.js';

// Namespace (root).

export class RootThing implements flatbuffers.IUnpackableObject<RootThingT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): RootThing {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsRootThing(bb: flatbuffers.ByteBuffer, obj?: RootThing): RootThing {
    return (obj || new RootThing()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsRootThing(bb: flatbuffers.ByteBuffer, obj?: RootThing): RootThing {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new RootThing()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  id(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readInt32(this.bb_pos + offset) : 0;
  }

  static startRootThing(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addId(builder: flatbuffers.Builder, id: number) {
    builder.addFieldInt32(0, id, 0);
  }

  static endRootThing(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createRootThing(builder: flatbuffers.Builder, id: number): flatbuffers.Offset {
    RootThing.startRootThing(builder);
    RootThing.addId(builder, id);
    return RootThing.endRootThing(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): RootThingT {
    return new RootThingT(
      this.id()
    );
  }

  unpackTo(_o: RootThingT): void {
    _o.id = this.id();
  }

  /** Reads a finished buffer whose root is a `RootThing` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): RootThingValue {
    return RootThing.toValue(RootThing.getRootAsRootThing(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: RootThing): RootThingValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_id = bb.__offset(pos, 4);
    const f_id = o_id ? bb.readInt32(pos + o_id) : 0;
    return { id: f_id };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: RootThingInit): flatbuffers.Offset {
    builder.startObject(1);
    if (value.id != null) RootThing.addId(builder, value.id);
    return RootThing.endRootThing(builder);
  }

  /** Encodes `value` as a finished buffer with `RootThing` as its root. */
  static encode(value: RootThingInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(RootThing.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `RootThing` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { RootThing.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'RootThing'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    v.field(pos, vt, 4, 4, 'id');
  }
}

/** flatc object API: mutable object form of {@link RootThing}. */
export class RootThingT implements flatbuffers.IGeneratedObject {
  constructor(
    public id: number = 0
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {

    RootThing.startRootThing(builder);
    RootThing.addId(builder, this.id);
    return RootThing.endRootThing(builder);
  }
}

/** Plain, read-only form of {@link RootThing} (see `RootThing.toValue`). */
export interface RootThingValue {
  readonly id: number;
}

/** Input of `RootThing.pack` / `RootThing.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface RootThingInit {
  readonly id?: number | null;
}
