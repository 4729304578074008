// @generated — do not edit. Produced by `a6kit gen` from shared.fbs, schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString, requiredOffset, writeString } from './_support.js';
import { Money, type MoneyT, type MoneyValue } from './shop.js';

// Namespace Shop.Catalog.

/** An item on sale. */
export class Item implements flatbuffers.IUnpackableObject<ItemT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Item {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsItem(bb: flatbuffers.ByteBuffer, obj?: Item): Item {
    return (obj || new Item()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsItem(bb: flatbuffers.ByteBuffer, obj?: Item): Item {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Item()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  sku(): string
  sku(optionalEncoding: flatbuffers.Encoding): string|Uint8Array
  sku(optionalEncoding?: any): string|Uint8Array {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    if (!offset) throw new Error('required field sku is missing');
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `sku`, -1 when absent; with
   * `skuByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  skuByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `sku` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  skuByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  price(obj?: Money): Money|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? (obj || new Money()).__init(this.bb_pos + offset, this.bb!) : null;
  }

  static startItem(builder: flatbuffers.Builder) {
    builder.startObject(2);
  }

  static addSku(builder: flatbuffers.Builder, skuOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, skuOffset, 0);
  }

  static addPrice(builder: flatbuffers.Builder, priceOffset: flatbuffers.Offset) {
    builder.addFieldStruct(1, priceOffset, 0);
  }

  static endItem(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    builder.requiredField(offset, 4); // sku
    return offset;
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): ItemT {
    return new ItemT(
      this.sku(),
      (this.price() !== null ? this.price()!.unpack() : null)
    );
  }

  unpackTo(_o: ItemT): void {
    _o.sku = this.sku();
    _o.price = (this.price() !== null ? this.price()!.unpack() : null);
  }

  /** Reads a finished buffer whose root is a `Item` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): ItemValue {
    return Item.toValue(Item.getRootAsItem(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Item): ItemValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_sku = bb.__offset(pos, 4);
    const f_sku = readString(bb, pos + requiredOffset(o_sku, 'sku'));
    const o_price = bb.__offset(pos, 6);
    const f_price = o_price ? Money.toValue(new Money().__init(pos + o_price, bb)) : null;
    return { sku: f_sku, price: f_price };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: ItemInit): flatbuffers.Offset {
    const f_sku = value.sku != null ? writeString(builder, value.sku) : 0;
    builder.startObject(2);
    if (f_sku !== 0) Item.addSku(builder, f_sku);
    if (value.price != null) Item.addPrice(builder, Money.pack(builder, value.price));
    return Item.endItem(builder);
  }

  /** Encodes `value` as a finished buffer with `Item` as its root. */
  static encode(value: ItemInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Item.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Item` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Item.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Item'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    {
      const p = v.required(v.field(pos, vt, 4, 4, 'sku'), 'sku');
      if (p) {
        v.string(p, 'sku');
      }
    }
    v.field(pos, vt, 6, 16, 'price');
  }
}

/** flatc object API: mutable object form of {@link Item}. */
export class ItemT implements flatbuffers.IGeneratedObject {
  constructor(
    public sku: string|Uint8Array|null = null,
    public price: MoneyT|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const sku = (this.sku !== null ? builder.createString(this.sku!) : 0);

    Item.startItem(builder);
    Item.addSku(builder, sku);
    Item.addPrice(builder, (this.price !== null ? this.price!.pack(builder) : 0));
    return Item.endItem(builder);
  }
}

/** Plain, read-only form of {@link Item} (see `Item.toValue`). */
export interface ItemValue {
  readonly sku: string;
  readonly price: MoneyValue | null;
}

/** Input of `Item.pack` / `Item.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface ItemInit {
  readonly sku: string;
  readonly price?: MoneyValue | null;
}
