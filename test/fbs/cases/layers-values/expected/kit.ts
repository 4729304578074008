// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { readString, requiredOffset, writeBytes, writeOffsets, writeString } from './_support.js';

// Namespace Kit.

export class Rgb {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Rgb {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  r(): number {
    return this.bb!.readUint8(this.bb_pos);
  }

  g(): number {
    return this.bb!.readUint8(this.bb_pos + 1);
  }

  b(): number {
    return this.bb!.readUint8(this.bb_pos + 2);
  }

  static sizeOf(): number {
    return 3;
  }

  static createRgb(builder: flatbuffers.Builder, r: number, g: number, b: number): flatbuffers.Offset {
    builder.prep(1, 3);
    builder.writeInt8(b);
    builder.writeInt8(g);
    builder.writeInt8(r);
    return builder.offset();
  }

  /** Copies the struct into a plain value. */
  static toValue(obj: Rgb): RgbValue {
    return { r: obj.r(), g: obj.g(), b: obj.b() };
  }

  /** Writes `value` inline at the builder's position (inside a table or a vector being built). */
  static pack(builder: flatbuffers.Builder, value: RgbValue): flatbuffers.Offset {
    return Rgb.createRgb(builder, value.r, value.g, value.b);
  }
}

/** Plain, read-only form of {@link Rgb} (see `Rgb.toValue`). */
export interface RgbValue {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export class Label {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Label {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsLabel(bb: flatbuffers.ByteBuffer, obj?: Label): Label {
    return (obj || new Label()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsLabel(bb: flatbuffers.ByteBuffer, obj?: Label): Label {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Label()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  text(): string
  text(optionalEncoding: flatbuffers.Encoding): string|Uint8Array
  text(optionalEncoding?: any): string|Uint8Array {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    if (!offset) throw new Error('required field text is missing');
    return optionalEncoding === undefined ? readString(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);
  }

  /**
   * Absolute offset in `bb.bytes()` of the first UTF-8 byte of `text`, -1 when absent; with
   * `textByteLength()` it lets hot code compare or copy the bytes in place, allocating nothing.
   */
  textByteStart(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__indirect(this.bb_pos + offset) + 4 : -1;
  }

  /**
   * Length in bytes of `text` as stored (UTF-8, not JS string units), 0 when absent; allocates
   * nothing (the bytes: `bb.bytes().subarray(start, start + length)`, without the terminating 0).
   */
  textByteLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readInt32(this.bb!.__indirect(this.bb_pos + offset)) : 0;
  }

  static startLabel(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addText(builder: flatbuffers.Builder, textOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, textOffset, 0);
  }

  static endLabel(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    builder.requiredField(offset, 4); // text
    return offset;
  }

  static createLabel(builder: flatbuffers.Builder, textOffset: flatbuffers.Offset): flatbuffers.Offset {
    Label.startLabel(builder);
    Label.addText(builder, textOffset);
    return Label.endLabel(builder);
  }

  /** Reads a finished buffer whose root is a `Label` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): LabelValue {
    return Label.toValue(Label.getRootAsLabel(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Label): LabelValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_text = bb.__offset(pos, 4);
    const f_text = readString(bb, pos + requiredOffset(o_text, 'text'));
    return { text: f_text };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: LabelInit): flatbuffers.Offset {
    const f_text = value.text != null ? writeString(builder, value.text) : 0;
    builder.startObject(1);
    if (f_text !== 0) Label.addText(builder, f_text);
    return Label.endLabel(builder);
  }

  /** Encodes `value` as a finished buffer with `Label` as its root. */
  static encode(value: LabelInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Label.pack(builder, value));
    return builder.asUint8Array();
  }
}

/** Plain, read-only form of {@link Label} (see `Label.toValue`). */
export interface LabelValue {
  readonly text: string;
}

/** Input of `Label.pack` / `Label.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface LabelInit {
  readonly text: string;
}

export class Sticker {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Sticker {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsSticker(bb: flatbuffers.ByteBuffer, obj?: Sticker): Sticker {
    return (obj || new Sticker()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsSticker(bb: flatbuffers.ByteBuffer, obj?: Sticker): Sticker {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Sticker()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  glossy(): boolean {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? !!this.bb!.readInt8(this.bb_pos + offset) : false;
  }

  static startSticker(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addGlossy(builder: flatbuffers.Builder, glossy: boolean) {
    builder.addFieldInt8(0, +glossy, +false);
  }

  static endSticker(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createSticker(builder: flatbuffers.Builder, glossy: boolean): flatbuffers.Offset {
    Sticker.startSticker(builder);
    Sticker.addGlossy(builder, glossy);
    return Sticker.endSticker(builder);
  }

  /** Reads a finished buffer whose root is a `Sticker` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): StickerValue {
    return Sticker.toValue(Sticker.getRootAsSticker(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Sticker): StickerValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_glossy = bb.__offset(pos, 4);
    const f_glossy = o_glossy ? !!bb.readInt8(pos + o_glossy) : false;
    return { glossy: f_glossy };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: StickerInit): flatbuffers.Offset {
    builder.startObject(1);
    if (value.glossy != null) Sticker.addGlossy(builder, value.glossy);
    return Sticker.endSticker(builder);
  }

  /** Encodes `value` as a finished buffer with `Sticker` as its root. */
  static encode(value: StickerInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Sticker.pack(builder, value));
    return builder.asUint8Array();
  }
}

/** Plain, read-only form of {@link Sticker} (see `Sticker.toValue`). */
export interface StickerValue {
  readonly glossy: boolean;
}

/** Input of `Sticker.pack` / `Sticker.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface StickerInit {
  readonly glossy?: boolean | null;
}

export enum Decoration {
  NONE = 0,
  Label = 1,
  Sticker = 2
}

/** Reads the member of a `Decoration` field as the class its type tag names (null for NONE). */
export function unionToDecoration(type: Decoration, accessor: (obj: Label|Sticker) => Label|Sticker|null): Label|Sticker|null {
  switch (Decoration[type]) {
    case 'NONE': return null;
    case 'Label': return accessor(new Label())! as Label;
    case 'Sticker': return accessor(new Sticker())! as Sticker;
    default: return null;
  }
}

export function unionListToDecoration(type: Decoration, accessor: (index: number, obj: Label|Sticker) => Label|Sticker|null, index: number): Label|Sticker|null {
  switch (Decoration[type]) {
    case 'NONE': return null;
    case 'Label': return accessor(index, new Label())! as Label;
    case 'Sticker': return accessor(index, new Sticker())! as Sticker;
    default: return null;
  }
}

/** A `Decoration` union member as a plain value, discriminated by `type`. */
export type DecorationValue =
  | { readonly type: 'Label'; readonly value: LabelValue }
  | { readonly type: 'Sticker'; readonly value: StickerValue };

/** Input form of a `Decoration` union member. */
export type DecorationInit =
  | { readonly type: 'Label'; readonly value: LabelInit }
  | { readonly type: 'Sticker'; readonly value: StickerInit };

export enum Size {
  S = 0,
  M = 3,
  L = 4
}

export class Box {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Box {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsBox(bb: flatbuffers.ByteBuffer, obj?: Box): Box {
    return (obj || new Box()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsBox(bb: flatbuffers.ByteBuffer, obj?: Box): Box {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Box()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
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

  size(): Size {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.readInt8(this.bb_pos + offset) : Size.M;
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

  labels(index: number, obj?: Label): Label|null {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? (obj || new Label()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  labelsLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  colours(index: number, obj?: Rgb): Rgb|null {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? (obj || new Rgb()).__init(this.bb!.__vector(this.bb_pos + offset) + index * 3, this.bb!) : null;
  }

  coloursLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  weights(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 14);
    return offset ? this.bb!.readFloat32(this.bb!.__vector(this.bb_pos + offset) + index * 4) : 0;
  }

  weightsLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 14);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  weightsArray(): Float32Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 14);
    return offset ? new Float32Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  blob(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 16);
    return offset ? this.bb!.readUint8(this.bb!.__vector(this.bb_pos + offset) + index) : 0;
  }

  blobLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 16);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  blobArray(): Uint8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 16);
    return offset ? new Uint8Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  decorationType(): Decoration {
    const offset = this.bb!.__offset(this.bb_pos, 18);
    return offset ? this.bb!.readUint8(this.bb_pos + offset) : Decoration.NONE;
  }

  decoration<T extends flatbuffers.Table>(obj: any): any|null {
    const offset = this.bb!.__offset(this.bb_pos, 20);
    return offset ? this.bb!.__union(obj, this.bb_pos + offset) : null;
  }

  /** A tree: a vector may alias a subtree many times over (the verifier's budget refuses it). */
  children(index: number, obj?: Box): Box|null {
    const offset = this.bb!.__offset(this.bb_pos, 22);
    return offset ? (obj || new Box()).__init(this.bb!.__indirect(this.bb!.__vector(this.bb_pos + offset) + index * 4), this.bb!) : null;
  }

  childrenLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 22);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  static startBox(builder: flatbuffers.Builder) {
    builder.startObject(10);
  }

  static addName(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, nameOffset, 0);
  }

  static addSize(builder: flatbuffers.Builder, size: Size) {
    builder.addFieldInt8(1, size, Size.M);
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

  static addLabels(builder: flatbuffers.Builder, labelsOffset: flatbuffers.Offset) {
    builder.addFieldOffset(3, labelsOffset, 0);
  }

  static createLabelsVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startLabelsVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static addColours(builder: flatbuffers.Builder, coloursOffset: flatbuffers.Offset) {
    builder.addFieldOffset(4, coloursOffset, 0);
  }

  static startColoursVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(3, numElems, 1);
  }

  static addWeights(builder: flatbuffers.Builder, weightsOffset: flatbuffers.Offset) {
    builder.addFieldOffset(5, weightsOffset, 0);
  }

  static createWeightsVector(builder: flatbuffers.Builder, data: readonly number[]|Float32Array): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeFloat32(data[i]!);
    }
    return builder.endVector();
  }

  static startWeightsVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static addBlob(builder: flatbuffers.Builder, blobOffset: flatbuffers.Offset) {
    builder.addFieldOffset(6, blobOffset, 0);
  }

  static createBlobVector(builder: flatbuffers.Builder, data: readonly number[]|Uint8Array): flatbuffers.Offset {
    if (data instanceof Uint8Array) return builder.createByteVector(data);
    builder.startVector(1, data.length, 1);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt8(data[i]!);
    }
    return builder.endVector();
  }

  static startBlobVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(1, numElems, 1);
  }

  static addDecorationType(builder: flatbuffers.Builder, decorationType: Decoration) {
    builder.addFieldInt8(7, decorationType, 0);
  }

  static addDecoration(builder: flatbuffers.Builder, decorationOffset: flatbuffers.Offset) {
    builder.addFieldOffset(8, decorationOffset, 0);
  }

  static addChildren(builder: flatbuffers.Builder, childrenOffset: flatbuffers.Offset) {
    builder.addFieldOffset(9, childrenOffset, 0);
  }

  static createChildrenVector(builder: flatbuffers.Builder, data: readonly flatbuffers.Offset[]): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(builder.offset() - data[i]! + 4);
    }
    return builder.endVector();
  }

  static startChildrenVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static endBox(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static finishBoxBuffer(builder: flatbuffers.Builder, offset: flatbuffers.Offset) {
    builder.finish(offset);
  }

  static finishSizePrefixedBoxBuffer(builder: flatbuffers.Builder, offset: flatbuffers.Offset) {
    builder.finish(offset, undefined, true);
  }

  static createBox(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset, size: Size, tagsOffset: flatbuffers.Offset, labelsOffset: flatbuffers.Offset, coloursOffset: flatbuffers.Offset, weightsOffset: flatbuffers.Offset, blobOffset: flatbuffers.Offset, decorationType: Decoration, decorationOffset: flatbuffers.Offset, childrenOffset: flatbuffers.Offset): flatbuffers.Offset {
    Box.startBox(builder);
    Box.addName(builder, nameOffset);
    Box.addSize(builder, size);
    Box.addTags(builder, tagsOffset);
    Box.addLabels(builder, labelsOffset);
    Box.addColours(builder, coloursOffset);
    Box.addWeights(builder, weightsOffset);
    Box.addBlob(builder, blobOffset);
    Box.addDecorationType(builder, decorationType);
    Box.addDecoration(builder, decorationOffset);
    Box.addChildren(builder, childrenOffset);
    return Box.endBox(builder);
  }

  /** Reads a finished buffer whose root is a `Box` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): BoxValue {
    return Box.toValue(Box.getRootAsBox(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Box): BoxValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_name = bb.__offset(pos, 4);
    const f_name = o_name ? readString(bb, pos + o_name) : null;
    const o_size = bb.__offset(pos, 6);
    const f_size = o_size ? bb.readInt8(pos + o_size) : Size.M;
    const o_tags = bb.__offset(pos, 8);
    const f_tags: string[] = [];
    if (o_tags) {
      const base = bb.__vector(pos + o_tags);
      const len = bb.__vector_len(pos + o_tags);
      for (let i = 0; i < len; i++) f_tags.push(readString(bb, base + i * 4));
    }
    const o_labels = bb.__offset(pos, 10);
    const f_labels: LabelValue[] = [];
    if (o_labels) {
      const base = bb.__vector(pos + o_labels);
      const len = bb.__vector_len(pos + o_labels);
      const el = new Label();
      for (let i = 0; i < len; i++) f_labels.push(Label.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    const o_colours = bb.__offset(pos, 12);
    const f_colours: RgbValue[] = [];
    if (o_colours) {
      const base = bb.__vector(pos + o_colours);
      const len = bb.__vector_len(pos + o_colours);
      const el = new Rgb();
      for (let i = 0; i < len; i++) f_colours.push(Rgb.toValue(el.__init(base + i * 3, bb)));
    }
    const o_weights = bb.__offset(pos, 14);
    const f_weights: number[] = [];
    if (o_weights) {
      const base = bb.__vector(pos + o_weights);
      const len = bb.__vector_len(pos + o_weights);
      for (let i = 0; i < len; i++) f_weights.push(bb.readFloat32(base + i * 4));
    }
    const o_blob = bb.__offset(pos, 16);
    const f_blob = o_blob ? new Uint8Array(bb.bytes().buffer, bb.bytes().byteOffset + bb.__vector(pos + o_blob), bb.__vector_len(pos + o_blob)) : null;
    const o_decoration = bb.__offset(pos, 20);
    const o_decorationt = bb.__offset(pos, 18);
    let f_decoration: DecorationValue | null = null;
    if (o_decoration && o_decorationt) {
      const at = bb.__indirect(pos + o_decoration);
      switch (bb.readUint8(pos + o_decorationt)) {
        case Decoration.Label: f_decoration = { type: 'Label', value: Label.toValue(new Label().__init(at, bb)) }; break;
        case Decoration.Sticker: f_decoration = { type: 'Sticker', value: Sticker.toValue(new Sticker().__init(at, bb)) }; break;
        default: break; // a member this schema does not know yet: read as absent
      }
    }
    const o_children = bb.__offset(pos, 22);
    const f_children: BoxValue[] = [];
    if (o_children) {
      const base = bb.__vector(pos + o_children);
      const len = bb.__vector_len(pos + o_children);
      const el = new Box();
      for (let i = 0; i < len; i++) f_children.push(Box.toValue(el.__init(bb.__indirect(base + i * 4), bb)));
    }
    return { name: f_name, size: f_size, tags: f_tags, labels: f_labels, colours: f_colours, weights: f_weights, blob: f_blob, decoration: f_decoration, children: f_children };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: BoxInit): flatbuffers.Offset {
    const f_name = value.name != null ? writeString(builder, value.name) : 0;
    let f_tags = 0;
    const f_tagsv = value.tags;
    if (f_tagsv != null) {
      const offs: number[] = new Array(f_tagsv.length);
      for (let i = 0; i < f_tagsv.length; i++) offs[i] = writeString(builder, f_tagsv[i]!);
      f_tags = writeOffsets(builder, offs);
    }
    let f_labels = 0;
    const f_labelsv = value.labels;
    if (f_labelsv != null) {
      const offs: number[] = new Array(f_labelsv.length);
      for (let i = 0; i < f_labelsv.length; i++) offs[i] = Label.pack(builder, f_labelsv[i]!);
      f_labels = writeOffsets(builder, offs);
    }
    let f_colours = 0;
    const f_coloursv = value.colours;
    if (f_coloursv != null) {
      builder.startVector(3, f_coloursv.length, 1);
      for (let i = f_coloursv.length - 1; i >= 0; i--) Rgb.pack(builder, f_coloursv[i]!);
      f_colours = builder.endVector();
    }
    let f_weights = 0;
    const f_weightsv = value.weights;
    if (f_weightsv != null) {
      builder.startVector(4, f_weightsv.length, 4);
      for (let i = f_weightsv.length - 1; i >= 0; i--) builder.writeFloat32(f_weightsv[i]!);
      f_weights = builder.endVector();
    }
    let f_blob = 0;
    const f_blobv = value.blob;
    if (f_blobv != null) {
      f_blob = writeBytes(builder, f_blobv);
    }
    let f_decoration = 0;
    const f_decorationu = value.decoration;
    if (f_decorationu != null) {
      switch (f_decorationu.type) {
        case 'Label': f_decoration = Label.pack(builder, f_decorationu.value); break;
        case 'Sticker': f_decoration = Sticker.pack(builder, f_decorationu.value); break;
      }
    }
    let f_children = 0;
    const f_childrenv = value.children;
    if (f_childrenv != null) {
      const offs: number[] = new Array(f_childrenv.length);
      for (let i = 0; i < f_childrenv.length; i++) offs[i] = Box.pack(builder, f_childrenv[i]!);
      f_children = writeOffsets(builder, offs);
    }
    builder.startObject(10);
    if (f_name !== 0) Box.addName(builder, f_name);
    if (value.size != null) Box.addSize(builder, value.size);
    if (f_tags !== 0) Box.addTags(builder, f_tags);
    if (f_labels !== 0) Box.addLabels(builder, f_labels);
    if (f_colours !== 0) Box.addColours(builder, f_colours);
    if (f_weights !== 0) Box.addWeights(builder, f_weights);
    if (f_blob !== 0) Box.addBlob(builder, f_blob);
    if (f_decoration !== 0) {
      Box.addDecorationType(builder, Decoration[f_decorationu!.type]);
      Box.addDecoration(builder, f_decoration);
    }
    if (f_children !== 0) Box.addChildren(builder, f_children);
    return Box.endBox(builder);
  }

  /** Encodes `value` as a finished buffer with `Box` as its root. */
  static encode(value: BoxInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Box.pack(builder, value));
    return builder.asUint8Array();
  }
}

/** Plain, read-only form of {@link Box} (see `Box.toValue`). */
export interface BoxValue {
  readonly name: string | null;
  readonly size: Size;
  readonly tags: readonly string[];
  readonly labels: readonly LabelValue[];
  readonly colours: readonly RgbValue[];
  readonly weights: readonly number[];
  readonly blob: Uint8Array | null;
  readonly decoration: DecorationValue | null;
  /** A tree: a vector may alias a subtree many times over (the verifier's budget refuses it). */
  readonly children: readonly BoxValue[];
}

/** Input of `Box.pack` / `Box.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface BoxInit {
  readonly name?: string | null;
  readonly size?: Size | null;
  readonly tags?: readonly string[] | null;
  readonly labels?: readonly LabelInit[] | null;
  readonly colours?: readonly RgbValue[] | null;
  readonly weights?: readonly number[] | null;
  readonly blob?: Uint8Array | readonly number[] | null;
  readonly decoration?: DecorationInit | null;
  /** A tree: a vector may alias a subtree many times over (the verifier's budget refuses it). */
  readonly children?: readonly BoxInit[] | null;
}
