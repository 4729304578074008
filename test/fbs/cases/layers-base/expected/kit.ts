// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { readString } from './_support.js';

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
}

/** Plain, read-only form of {@link Rgb} (what struct builders take for array elements). */
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
}
