// @generated — do not edit. Produced by `a6kit gen` from shared.fbs, schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { RootThing, type RootThingInit, type RootThingT, type RootThingValue } from './_root.js';
import { Verifier, type VerifyLimits, readString, writeOffsets, writeString } from './_support.js';
import { Item as Shop_Catalog_Item, type ItemInit as Shop_Catalog_ItemInit, type ItemT as Shop_Catalog_ItemT, type ItemValue as Shop_Catalog_ItemValue } from './shop.catalog.js';
import { Money, type MoneyT, type MoneyValue } from './shop.js';

// Namespace Shop.Cart.

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

  /** The catalog entry. */
  product(obj?: Shop_Catalog_Item): Shop_Catalog_Item|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? (obj || new Shop_Catalog_Item()).__init(this.bb!.__indirect(this.bb_pos + offset), this.bb!) : null;
  }

  quantity(): number {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readUint16(this.bb_pos + offset) : 1;
  }

  owner(obj?: RootThing): RootThing|null {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? (obj || new RootThing()).__init(this.bb!.__indirect(this.bb_pos + offset), this.bb!) : null;
  }

  static startItem(builder: flatbuffers.Builder) {
    builder.startObject(3);
  }

  static addProduct(builder: flatbuffers.Builder, productOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, productOffset, 0);
  }

  static addQuantity(builder: flatbuffers.Builder, quantity: number) {
    builder.addFieldInt16(1, quantity, 1);
  }

  static addOwner(builder: flatbuffers.Builder, ownerOffset: flatbuffers.Offset) {
    builder.addFieldOffset(2, ownerOffset, 0);
  }

  static endItem(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createItem(builder: flatbuffers.Builder, productOffset: flatbuffers.Offset, quantity: number, ownerOffset: flatbuffers.Offset): flatbuffers.Offset {
    Item.startItem(builder);
    Item.addProduct(builder, productOffset);
    Item.addQuantity(builder, quantity);
    Item.addOwner(builder, ownerOffset);
    return Item.endItem(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): ItemT {
    return new ItemT(
      (this.product() !== null ? this.product()!.unpack() : null),
      this.quantity(),
      (this.owner() !== null ? this.owner()!.unpack() : null)
    );
  }

  unpackTo(_o: ItemT): void {
    _o.product = (this.product() !== null ? this.product()!.unpack() : null);
    _o.quantity = this.quantity();
    _o.owner = (this.owner() !== null ? this.owner()!.unpack() : null);
  }

  /** Reads a finished buffer whose root is a `Item` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): ItemValue {
    return Item.toValue(Item.getRootAsItem(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Item): ItemValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_product = bb.__offset(pos, 4);
    const f_product = o_product ? Shop_Catalog_Item.toValue(new Shop_Catalog_Item().__init(bb.__indirect(pos + o_product), bb)) : null;
    const o_quantity = bb.__offset(pos, 6);
    const f_quantity = o_quantity ? bb.readUint16(pos + o_quantity) : 1;
    const o_owner = bb.__offset(pos, 8);
    const f_owner = o_owner ? RootThing.toValue(new RootThing().__init(bb.__indirect(pos + o_owner), bb)) : null;
    return { product: f_product, quantity: f_quantity, owner: f_owner };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: ItemInit): flatbuffers.Offset {
    const f_product = value.product != null ? Shop_Catalog_Item.pack(builder, value.product) : 0;
    const f_owner = value.owner != null ? RootThing.pack(builder, value.owner) : 0;
    builder.startObject(3);
    if (f_product !== 0) Item.addProduct(builder, f_product);
    if (value.quantity != null) Item.addQuantity(builder, value.quantity);
    if (f_owner !== 0) Item.addOwner(builder, f_owner);
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
      const p = v.field(pos, vt, 4, 4, 'product');
      if (p) {
        const target = v.offset(p, 'product');
        try { Shop_Catalog_Item.verifyAt(v, target, depth + 1); } catch (e) { throw v.within(e, 'product'); }
      }
    }
    v.field(pos, vt, 6, 2, 'quantity');
    {
      const p = v.field(pos, vt, 8, 4, 'owner');
      if (p) {
        const target = v.offset(p, 'owner');
        try { RootThing.verifyAt(v, target, depth + 1); } catch (e) { throw v.within(e, 'owner'); }
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Item}. */
export class ItemT implements flatbuffers.IGeneratedObject {
  constructor(
    public product: Shop_Catalog_ItemT|null = null,
    public quantity: number = 1,
    public owner: RootThingT|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const product = (this.product !== null ? this.product!.pack(builder) : 0);
    const owner = (this.owner !== null ? this.owner!.pack(builder) : 0);

    Item.startItem(builder);
    Item.addProduct(builder, product);
    Item.addQuantity(builder, this.quantity);
    Item.addOwner(builder, owner);
    return Item.endItem(builder);
  }
}

/** Plain, read-only form of {@link Item} (see `Item.toValue`). */
export interface ItemValue {
  /** The catalog entry. */
  readonly product: Shop_Catalog_ItemValue | null;
  readonly quantity: number;
  readonly owner: RootThingValue | null;
}

/** Input of `Item.pack` / `Item.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface ItemInit {
  /** The catalog entry. */
  readonly product?: Shop_Catalog_ItemInit | null;
  readonly quantity?: number | null;
  readonly owner?: RootThingInit | null;
}

export class Cart implements flatbuffers.IUnpackableObject<CartT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Cart {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsCart(bb: flatbuffers.ByteBuffer, obj?: Cart): Cart {
    return (obj || new Cart()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsCart(bb: flatbuffers.ByteBuffer, obj?: Cart): Cart {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Cart()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static bufferHasIdentifier(bb: flatbuffers.ByteBuffer): boolean {
    return bb.__has_identifier("CART");
  }

  items(index: number, obj?: Item): Item|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? (obj || new Item()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  itemsLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  total(obj?: Money): Money|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? (obj || new Money()).__init(this.bb_pos + offset, this.bb!) : null;
  }

  tags(index: number): string
  tags(index: number, optionalEncoding: flatbuffers.Encoding): string|Uint8Array
  tags(index: number, optionalEncoding?: any): string|Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    if (!offset) return null;
    return optionalEncoding === undefined ? readString(this.bb!, this.bb!.__vector(this.bb_pos + offset) + index * 4) : this.bb!.__string(this.bb!.__vector(this.bb_pos + offset) + index * 4, optionalEncoding);
  }

  tagsLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  static startCart(builder: flatbuffers.Builder) {
    builder.startObject(3);
  }

  static addItems(builder: flatbuffers.Builder, itemsOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, itemsOffset, 0);
  }

  static createItemsVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startItemsVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static addTotal(builder: flatbuffers.Builder, totalOffset: flatbuffers.Offset) {
    builder.addFieldStruct(1, totalOffset, 0);
  }

  static addTags(builder: flatbuffers.Builder, tagsOffset: flatbuffers.Offset) {
    builder.addFieldOffset(2, tagsOffset, 0);
  }

  static createTagsVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startTagsVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static endCart(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static finishCartBuffer(builder: flatbuffers.Builder, offset: flatbuffers.Offset) {
    builder.finish(offset, "CART");
  }

  static finishSizePrefixedCartBuffer(builder: flatbuffers.Builder, offset: flatbuffers.Offset) {
    builder.finish(offset, "CART", true);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): CartT {
    return new CartT(
      this.bb!.createObjList<Item, ItemT>(this.items.bind(this), this.itemsLength()),
      (this.total() !== null ? this.total()!.unpack() : null),
      this.bb!.createScalarList<string>(this.tags.bind(this), this.tagsLength())
    );
  }

  unpackTo(_o: CartT): void {
    _o.items = this.bb!.createObjList<Item, ItemT>(this.items.bind(this), this.itemsLength());
    _o.total = (this.total() !== null ? this.total()!.unpack() : null);
    _o.tags = this.bb!.createScalarList<string>(this.tags.bind(this), this.tagsLength());
  }

  /** Reads a finished buffer whose root is a `Cart` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): CartValue {
    return Cart.toValue(Cart.getRootAsCart(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Cart): CartValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_items = bb.__offset(pos, 4);
    const f_items: ItemValue[] = [];
    if (o_items) {
      const base = bb.__vector(pos + o_items);
      const len = bb.__vector_len(pos + o_items);
      const el = new Item();
      for (let i = 0; i < len; i++) f_items.push(Item.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_total = bb.__offset(pos, 6);
    const f_total = o_total ? Money.toValue(new Money().__init(pos + o_total, bb)) : null;
    const o_tags = bb.__offset(pos, 8);
    const f_tags: string[] = [];
    if (o_tags) {
      const base = bb.__vector(pos + o_tags);
      const len = bb.__vector_len(pos + o_tags);
      for (let i = 0; i < len; i++) f_tags.push(readString(bb, base + i * 4));
    }
    return { items: f_items, total: f_total, tags: f_tags };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: CartInit): flatbuffers.Offset {
    let f_items = 0;
    const f_itemsv = value.items;
    if (f_itemsv != null) {
      const offs: number[] = new Array(f_itemsv.length);
      for (let i = 0; i < f_itemsv.length; i++) offs[i] = Item.pack(builder, f_itemsv[i]!);
      f_items = writeOffsets(builder, offs);
    }
    let f_tags = 0;
    const f_tagsv = value.tags;
    if (f_tagsv != null) {
      const offs: number[] = new Array(f_tagsv.length);
      for (let i = 0; i < f_tagsv.length; i++) offs[i] = writeString(builder, f_tagsv[i]!);
      f_tags = writeOffsets(builder, offs);
    }
    builder.startObject(3);
    if (f_items !== 0) Cart.addItems(builder, f_items);
    if (value.total != null) Cart.addTotal(builder, Money.pack(builder, value.total));
    if (f_tags !== 0) Cart.addTags(builder, f_tags);
    return Cart.endCart(builder);
  }

  /** Encodes `value` as a finished buffer with `Cart` as its root (file identifier "CART"). */
  static encode(value: CartInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Cart.pack(builder, value), "CART");
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Cart` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Cart.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Cart'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    {
      const p = v.field(pos, vt, 4, 4, 'items');
      if (p) {
        const start = v.vector(p, 4, 'items');
        for (let i = 0, len = v.count(start); i < len; i++) {
          try { Item.verifyAt(v, v.offset(start + i * 4, ''), depth + 1); } catch (e) { throw v.within(e, 'items', i); }
        }
      }
    }
    v.field(pos, vt, 6, 16, 'total');
    {
      const p = v.field(pos, vt, 8, 4, 'tags');
      if (p) {
        const start = v.vector(p, 4, 'tags');
        v.strings(start, v.count(start), 'tags');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Cart}. */
export class CartT implements flatbuffers.IGeneratedObject {
  constructor(
    public items: (ItemT)[] = [],
    public total: MoneyT|null = null,
    public tags: (string)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const items = Cart.createItemsVector(builder, builder.createObjectOffsetList(this.items));
    const tags = Cart.createTagsVector(builder, builder.createObjectOffsetList(this.tags));

    Cart.startCart(builder);
    Cart.addItems(builder, items);
    Cart.addTotal(builder, (this.total !== null ? this.total!.pack(builder) : 0));
    Cart.addTags(builder, tags);
    return Cart.endCart(builder);
  }
}

/** Plain, read-only form of {@link Cart} (see `Cart.toValue`). */
export interface CartValue {
  readonly items: readonly ItemValue[];
  readonly total: MoneyValue | null;
  readonly tags: readonly string[];
}

/** Input of `Cart.pack` / `Cart.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface CartInit {
  readonly items?: readonly ItemInit[] | null;
  readonly total?: MoneyValue | null;
  readonly tags?: readonly string[] | null;
}
