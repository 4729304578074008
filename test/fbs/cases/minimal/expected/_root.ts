// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString, writeString } from './_support.js';

// Namespace (root).

export class Ping implements flatbuffers.IUnpackableObject<PingT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Ping {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsPing(bb: flatbuffers.ByteBuffer, obj?: Ping): Ping {
    return (obj || new Ping()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsPing(bb: flatbuffers.ByteBuffer, obj?: Ping): Ping {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Ping()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  seq(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint32(this.bb_pos + offset) : 0;
  }

  note(): string|null
  note(optionalEncoding: flatbuffers.Encoding): string|Uint8Array|null
  note(optionalEncoding?: any): string|Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    if (!offset) return null;
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `note`, -1 when absent; with
   * `noteByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  noteByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `note` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  noteByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  static startPing(builder: flatbuffers.Builder) {
    builder.startObject(2);
  }

  static addSeq(builder: flatbuffers.Builder, seq: number) {
    builder.addFieldInt32(0, seq, 0);
  }

  static addNote(builder: flatbuffers.Builder, noteOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, noteOffset, 0);
  }

  static endPing(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createPing(builder: flatbuffers.Builder, seq: number, noteOffset: flatbuffers.Offset): flatbuffers.Offset {
    Ping.startPing(builder);
    Ping.addSeq(builder, seq);
    Ping.addNote(builder, noteOffset);
    return Ping.endPing(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): PingT {
    return new PingT(
      this.seq(),
      this.note()
    );
  }

  unpackTo(_o: PingT): void {
    _o.seq = this.seq();
    _o.note = this.note();
  }

  /** Reads a finished buffer whose root is a `Ping` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): PingValue {
    return Ping.toValue(Ping.getRootAsPing(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Ping): PingValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_seq = bb.__offset(pos, 4);
    const f_seq = o_seq ? bb.readUint32(pos + o_seq) : 0;
    const o_note = bb.__offset(pos, 6);
    const f_note = o_note ? readString(bb, pos + o_note) : null;
    return { seq: f_seq, note: f_note };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: PingInit): flatbuffers.Offset {
    const f_note = value.note != null ? writeString(builder, value.note) : 0;
    builder.startObject(2);
    if (value.seq != null) Ping.addSeq(builder, value.seq);
    if (f_note !== 0) Ping.addNote(builder, f_note);
    return Ping.endPing(builder);
  }

  /** Encodes `value` as a finished buffer with `Ping` as its root. */
  static encode(value: PingInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Ping.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Ping` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Ping.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Ping'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    v.field(pos, vt, 4, 4, 'seq');
    {
      const p = v.field(pos, vt, 6, 4, 'note');
      if (p) {
        v.string(p, 'note');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Ping}. */
export class PingT implements flatbuffers.IGeneratedObject {
  constructor(
    public seq: number = 0,
    public note: string|Uint8Array|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const note = (this.note !== null ? builder.createString(this.note!) : 0);

    Ping.startPing(builder);
    Ping.addSeq(builder, this.seq);
    Ping.addNote(builder, note);
    return Ping.endPing(builder);
  }
}

/** Plain, read-only form of {@link Ping} (see `Ping.toValue`). */
export interface PingValue {
  readonly seq: number;
  readonly note: string | null;
}

/** Input of `Ping.pack` / `Ping.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface PingInit {
  readonly seq?: number | null;
  readonly note?: string | null;
}
