// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits, readString, writeString } from './_support.js';

// Namespace Zoo.

/** Explicit values, negative ones included. */
export enum Temper {
  Calm = -2,
  Curious = 0,
  Grumpy = 7
}

/**
 * Bit flags: the values are bit positions.
 *
 * (bit_flags: each value is a mask; combine them with `|`.)
 */
export enum Diet {
  Meat = 1,
  Fish = 2,
  Plants = 16
}

export class Lion implements flatbuffers.IUnpackableObject<LionT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Lion {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsLion(bb: flatbuffers.ByteBuffer, obj?: Lion): Lion {
    return (obj || new Lion()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsLion(bb: flatbuffers.ByteBuffer, obj?: Lion): Lion {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Lion()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  roar(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readFloat32(this.bb_pos + offset) : 1;
  }

  static startLion(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addRoar(builder: flatbuffers.Builder, roar: number) {
    builder.addFieldFloat32(0, roar, 1);
  }

  static endLion(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createLion(builder: flatbuffers.Builder, roar: number): flatbuffers.Offset {
    Lion.startLion(builder);
    Lion.addRoar(builder, roar);
    return Lion.endLion(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): LionT {
    return new LionT(
      this.roar()
    );
  }

  unpackTo(_o: LionT): void {
    _o.roar = this.roar();
  }

  /** Reads a finished buffer whose root is a `Lion` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): LionValue {
    return Lion.toValue(Lion.getRootAsLion(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Lion): LionValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_roar = bb.__offset(pos, 4);
    const f_roar = o_roar ? bb.readFloat32(pos + o_roar) : 1;
    return { roar: f_roar };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: LionInit): flatbuffers.Offset {
    builder.startObject(1);
    if (value.roar != null) Lion.addRoar(builder, value.roar);
    return Lion.endLion(builder);
  }

  /** Encodes `value` as a finished buffer with `Lion` as its root. */
  static encode(value: LionInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Lion.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Lion` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Lion.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Lion'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    v.field(pos, vt, 4, 4, 'roar');
  }
}

/** flatc object API: mutable object form of {@link Lion}. */
export class LionT implements flatbuffers.IGeneratedObject {
  constructor(
    public roar: number = 1
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {

    Lion.startLion(builder);
    Lion.addRoar(builder, this.roar);
    return Lion.endLion(builder);
  }
}

/** Plain, read-only form of {@link Lion} (see `Lion.toValue`). */
export interface LionValue {
  readonly roar: number;
}

/** Input of `Lion.pack` / `Lion.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface LionInit {
  readonly roar?: number | null;
}

export class Penguin implements flatbuffers.IUnpackableObject<PenguinT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Penguin {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsPenguin(bb: flatbuffers.ByteBuffer, obj?: Penguin): Penguin {
    return (obj || new Penguin()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsPenguin(bb: flatbuffers.ByteBuffer, obj?: Penguin): Penguin {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Penguin()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  fishEaten(index: number): number|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint32(this.bb!.__vector(this.bb_pos + offset) + index * 4) : 0;
  }

  fishEatenLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  fishEatenArray(): Uint32Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? new Uint32Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  static startPenguin(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addFishEaten(builder: flatbuffers.Builder, fishEatenOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, fishEatenOffset, 0);
  }

  static createFishEatenVector(builder: flatbuffers.Builder, data: readonly number[]|Uint32Array): flatbuffers.Offset {
    builder.startVector(4, data.length, 4);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt32(data[i]!);
    }
    return builder.endVector();
  }

  static startFishEatenVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(4, numElems, 4);
  }

  static endPenguin(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createPenguin(builder: flatbuffers.Builder, fishEatenOffset: flatbuffers.Offset): flatbuffers.Offset {
    Penguin.startPenguin(builder);
    Penguin.addFishEaten(builder, fishEatenOffset);
    return Penguin.endPenguin(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): PenguinT {
    return new PenguinT(
      this.bb!.createScalarList<number>(this.fishEaten.bind(this), this.fishEatenLength())
    );
  }

  unpackTo(_o: PenguinT): void {
    _o.fishEaten = this.bb!.createScalarList<number>(this.fishEaten.bind(this), this.fishEatenLength());
  }

  /** Reads a finished buffer whose root is a `Penguin` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): PenguinValue {
    return Penguin.toValue(Penguin.getRootAsPenguin(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Penguin): PenguinValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_fishEaten = bb.__offset(pos, 4);
    const f_fishEaten: number[] = [];
    if (o_fishEaten) {
      const base = bb.__vector(pos + o_fishEaten);
      const len = bb.__vector_len(pos + o_fishEaten);
      for (let i = 0; i < len; i++) f_fishEaten.push(bb.readUint32(base + i * 4));
    }
    return { fishEaten: f_fishEaten };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: PenguinInit): flatbuffers.Offset {
    let f_fishEaten = 0;
    const f_fishEatenv = value.fishEaten;
    if (f_fishEatenv != null) {
      builder.startVector(4, f_fishEatenv.length, 4);
      for (let i = f_fishEatenv.length - 1; i >= 0; i--) builder.writeInt32(f_fishEatenv[i]!);
      f_fishEaten = builder.endVector();
    }
    builder.startObject(1);
    if (f_fishEaten !== 0) Penguin.addFishEaten(builder, f_fishEaten);
    return Penguin.endPenguin(builder);
  }

  /** Encodes `value` as a finished buffer with `Penguin` as its root. */
  static encode(value: PenguinInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Penguin.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Penguin` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Penguin.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Penguin'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    {
      const p = v.field(pos, vt, 4, 4, 'fish_eaten');
      if (p) {
        v.vector(p, 4, 'fish_eaten');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Penguin}. */
export class PenguinT implements flatbuffers.IGeneratedObject {
  constructor(
    public fishEaten: (number)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const fishEaten = Penguin.createFishEatenVector(builder, this.fishEaten);

    Penguin.startPenguin(builder);
    Penguin.addFishEaten(builder, fishEaten);
    return Penguin.endPenguin(builder);
  }
}

/** Plain, read-only form of {@link Penguin} (see `Penguin.toValue`). */
export interface PenguinValue {
  readonly fishEaten: readonly number[];
}

/** Input of `Penguin.pack` / `Penguin.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface PenguinInit {
  readonly fishEaten?: readonly number[] | null;
}

/** A table reachable under two member names. */
export class Keeper implements flatbuffers.IUnpackableObject<KeeperT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Keeper {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsKeeper(bb: flatbuffers.ByteBuffer, obj?: Keeper): Keeper {
    return (obj || new Keeper()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsKeeper(bb: flatbuffers.ByteBuffer, obj?: Keeper): Keeper {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Keeper()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
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

  static startKeeper(builder: flatbuffers.Builder) {
    builder.startObject(1);
  }

  static addName(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, nameOffset, 0);
  }

  static endKeeper(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createKeeper(builder: flatbuffers.Builder, nameOffset: flatbuffers.Offset): flatbuffers.Offset {
    Keeper.startKeeper(builder);
    Keeper.addName(builder, nameOffset);
    return Keeper.endKeeper(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): KeeperT {
    return new KeeperT(
      this.name()
    );
  }

  unpackTo(_o: KeeperT): void {
    _o.name = this.name();
  }

  /** Reads a finished buffer whose root is a `Keeper` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): KeeperValue {
    return Keeper.toValue(Keeper.getRootAsKeeper(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Keeper): KeeperValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_name = bb.__offset(pos, 4);
    const f_name = o_name ? readString(bb, pos + o_name) : null;
    return { name: f_name };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: KeeperInit): flatbuffers.Offset {
    const f_name = value.name != null ? writeString(builder, value.name) : 0;
    builder.startObject(1);
    if (f_name !== 0) Keeper.addName(builder, f_name);
    return Keeper.endKeeper(builder);
  }

  /** Encodes `value` as a finished buffer with `Keeper` as its root. */
  static encode(value: KeeperInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Keeper.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Keeper` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Keeper.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Keeper'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    {
      const p = v.field(pos, vt, 4, 4, 'name');
      if (p) {
        v.string(p, 'name');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Keeper}. */
export class KeeperT implements flatbuffers.IGeneratedObject {
  constructor(
    public name: string|Uint8Array|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const name = (this.name !== null ? builder.createString(this.name!) : 0);

    Keeper.startKeeper(builder);
    Keeper.addName(builder, name);
    return Keeper.endKeeper(builder);
  }
}

/** Plain, read-only form of {@link Keeper} (see `Keeper.toValue`). */
export interface KeeperValue {
  readonly name: string | null;
}

/** Input of `Keeper.pack` / `Keeper.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface KeeperInit {
  readonly name?: string | null;
}

/** Which animal a pen holds. */
export enum Animal {
  NONE = 0,
  Lion = 2,
  Penguin = 3,
  Guard = 4
}

/** Reads the member of a `Animal` field as the class its type tag names (null for NONE). */
export function unionToAnimal(type: Animal, accessor: (obj: Lion|Penguin|Keeper) => Lion|Penguin|Keeper|null): Lion|Penguin|Keeper|null {
  switch (Animal[type]) {
    case 'NONE': return null;
    case 'Lion': return accessor(new Lion())! as Lion;
    case 'Penguin': return accessor(new Penguin())! as Penguin;
    case 'Guard': return accessor(new Keeper())! as Keeper;
    default: return null;
  }
}

export function unionListToAnimal(type: Animal, accessor: (index: number, obj: Lion|Penguin|Keeper) => Lion|Penguin|Keeper|null, index: number): Lion|Penguin|Keeper|null {
  switch (Animal[type]) {
    case 'NONE': return null;
    case 'Lion': return accessor(index, new Lion())! as Lion;
    case 'Penguin': return accessor(index, new Penguin())! as Penguin;
    case 'Guard': return accessor(index, new Keeper())! as Keeper;
    default: return null;
  }
}

/** A `Animal` union member as a plain value, discriminated by `type`. */
export type AnimalValue =
  | { readonly type: 'Lion'; readonly value: LionValue }
  | { readonly type: 'Penguin'; readonly value: PenguinValue }
  | { readonly type: 'Guard'; readonly value: KeeperValue };

/** Input form of a `Animal` union member. */
export type AnimalInit =
  | { readonly type: 'Lion'; readonly value: LionInit }
  | { readonly type: 'Penguin'; readonly value: PenguinInit }
  | { readonly type: 'Guard'; readonly value: KeeperInit };

export class Pen implements flatbuffers.IUnpackableObject<PenT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Pen {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsPen(bb: flatbuffers.ByteBuffer, obj?: Pen): Pen {
    return (obj || new Pen()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsPen(bb: flatbuffers.ByteBuffer, obj?: Pen): Pen {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Pen()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  animalType(): Animal {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.readUint8(this.bb_pos + offset) : Animal.NONE;
  }

  animal<T extends flatbuffers.Table>(obj: any): any|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? this.bb!.__union(obj, this.bb_pos + offset) : null;
  }

  temper(): Temper {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.readInt8(this.bb_pos + offset) : Temper.Grumpy;
  }

  diet(): Diet {
    const offset = this.bb!.__offset(this.bb_pos, 10);
    return offset ? this.bb!.readUint32(this.bb_pos + offset) : Diet.Fish;
  }

  tempers(index: number): Temper|null {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? this.bb!.readInt8(this.bb!.__vector(this.bb_pos + offset) + index) : null;
  }

  tempersLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  tempersArray(): Int8Array|null {
    const offset = this.bb!.__offset(this.bb_pos, 12);
    return offset ? new Int8Array(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + this.bb!.__vector(this.bb_pos + offset), this.bb!.__vector_len(this.bb_pos + offset)) : null;
  }

  quiet(): Temper|null {
    const offset = this.bb!.__offset(this.bb_pos, 14);
    return offset ? this.bb!.readInt8(this.bb_pos + offset) : null;
  }

  static startPen(builder: flatbuffers.Builder) {
    builder.startObject(6);
  }

  static addAnimalType(builder: flatbuffers.Builder, animalType: Animal) {
    builder.addFieldInt8(0, animalType, 0);
  }

  static addAnimal(builder: flatbuffers.Builder, animalOffset: flatbuffers.Offset) {
    builder.addFieldOffset(1, animalOffset, 0);
  }

  static addTemper(builder: flatbuffers.Builder, temper: Temper) {
    builder.addFieldInt8(2, temper, Temper.Grumpy);
  }

  static addDiet(builder: flatbuffers.Builder, diet: Diet) {
    builder.addFieldInt32(3, diet, Diet.Fish);
  }

  static addTempers(builder: flatbuffers.Builder, tempersOffset: flatbuffers.Offset) {
    builder.addFieldOffset(4, tempersOffset, 0);
  }

  static createTempersVector(builder: flatbuffers.Builder, data: readonly Temper[]|Int8Array): flatbuffers.Offset {
    builder.startVector(1, data.length, 1);
    for (let i = data.length - 1; i >= 0; i--) {
      builder.writeInt8(data[i]!);
    }
    return builder.endVector();
  }

  static startTempersVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(1, numElems, 1);
  }

  static addQuiet(builder: flatbuffers.Builder, quiet: Temper) {
    builder.addFieldInt8(5, quiet, null);
  }

  static endPen(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  static createPen(builder: flatbuffers.Builder, animalType: Animal, animalOffset: flatbuffers.Offset, temper: Temper, diet: Diet, tempersOffset: flatbuffers.Offset, quiet: Temper|null): flatbuffers.Offset {
    Pen.startPen(builder);
    Pen.addAnimalType(builder, animalType);
    Pen.addAnimal(builder, animalOffset);
    Pen.addTemper(builder, temper);
    Pen.addDiet(builder, diet);
    Pen.addTempers(builder, tempersOffset);
    if (quiet !== null) Pen.addQuiet(builder, quiet);
    return Pen.endPen(builder);
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): PenT {
    return new PenT(
      this.animalType(),
      (() => { const temp = unionToAnimal(this.animalType(), this.animal.bind(this)); return temp === null ? null : temp.unpack(); })(),
      this.temper(),
      this.diet(),
      this.bb!.createScalarList<Temper>(this.tempers.bind(this), this.tempersLength()),
      this.quiet()
    );
  }

  unpackTo(_o: PenT): void {
    _o.animalType = this.animalType();
    _o.animal = (() => { const temp = unionToAnimal(this.animalType(), this.animal.bind(this)); return temp === null ? null : temp.unpack(); })();
    _o.temper = this.temper();
    _o.diet = this.diet();
    _o.tempers = this.bb!.createScalarList<Temper>(this.tempers.bind(this), this.tempersLength());
    _o.quiet = this.quiet();
  }

  /** Reads a finished buffer whose root is a `Pen` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): PenValue {
    return Pen.toValue(Pen.getRootAsPen(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Pen): PenValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_animal = bb.__offset(pos, 6);
    const o_animalt = bb.__offset(pos, 4);
    let f_animal: AnimalValue | null = null;
    if (o_animal && o_animalt) {
      const at = bb.__indirect(pos + o_animal);
      switch (bb.readUint8(pos + o_animalt)) {
        case Animal.Lion: f_animal = { type: 'Lion', value: Lion.toValue(new Lion().__init(at, bb)) }; break;
        case Animal.Penguin: f_animal = { type: 'Penguin', value: Penguin.toValue(new Penguin().__init(at, bb)) }; break;
        case Animal.Guard: f_animal = { type: 'Guard', value: Keeper.toValue(new Keeper().__init(at, bb)) }; break;
        default: break; // a member this schema does not know yet: read as absent
      }
    }
    const o_temper = bb.__offset(pos, 8);
    const f_temper = o_temper ? bb.readInt8(pos + o_temper) : Temper.Grumpy;
    const o_diet = bb.__offset(pos, 10);
    const f_diet = o_diet ? bb.readUint32(pos + o_diet) : Diet.Fish;
    const o_tempers = bb.__offset(pos, 12);
    const f_tempers: Temper[] = [];
    if (o_tempers) {
      const base = bb.__vector(pos + o_tempers);
      const len = bb.__vector_len(pos + o_tempers);
      for (let i = 0; i < len; i++) f_tempers.push(bb.readInt8(base + i));
    }
    const o_quiet = bb.__offset(pos, 14);
    const f_quiet = o_quiet ? bb.readInt8(pos + o_quiet) : null;
    return { animal: f_animal, temper: f_temper, diet: f_diet, tempers: f_tempers, quiet: f_quiet };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: PenInit): flatbuffers.Offset {
    let f_animal = 0;
    const f_animalu = value.animal;
    if (f_animalu != null) {
      switch (f_animalu.type) {
        case 'Lion': f_animal = Lion.pack(builder, f_animalu.value); break;
        case 'Penguin': f_animal = Penguin.pack(builder, f_animalu.value); break;
        case 'Guard': f_animal = Keeper.pack(builder, f_animalu.value); break;
      }
    }
    let f_tempers = 0;
    const f_tempersv = value.tempers;
    if (f_tempersv != null) {
      builder.startVector(1, f_tempersv.length, 1);
      for (let i = f_tempersv.length - 1; i >= 0; i--) builder.writeInt8(f_tempersv[i]!);
      f_tempers = builder.endVector();
    }
    builder.startObject(6);
    if (f_animal !== 0) {
      Pen.addAnimalType(builder, Animal[f_animalu!.type]);
      Pen.addAnimal(builder, f_animal);
    }
    if (value.temper != null) Pen.addTemper(builder, value.temper);
    if (value.diet != null) Pen.addDiet(builder, value.diet);
    if (f_tempers !== 0) Pen.addTempers(builder, f_tempers);
    if (value.quiet != null) Pen.addQuiet(builder, value.quiet);
    return Pen.endPen(builder);
  }

  /** Encodes `value` as a finished buffer with `Pen` as its root. */
  static encode(value: PenInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Pen.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Pen` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Pen.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Pen'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    v.field(pos, vt, 6, 1, 'animal');
    {
      const p = v.field(pos, vt, 6, 4, 'animal');
      if (p) {
        const tp = v.field(pos, vt, 4, 1, 'animal');
        const target = v.offset(p, 'animal');
        try {
          switch (tp ? v.bytes[tp] : 0) {
            case Animal.Lion: Lion.verifyAt(v, target, depth + 1); break;
            case Animal.Penguin: Penguin.verifyAt(v, target, depth + 1); break;
            case Animal.Guard: Keeper.verifyAt(v, target, depth + 1); break;
            default: break; // unknown member: readers treat it as absent
          }
        } catch (e) { throw v.within(e, 'animal'); }
      }
    }
    v.field(pos, vt, 8, 1, 'temper');
    v.field(pos, vt, 10, 4, 'diet');
    {
      const p = v.field(pos, vt, 12, 4, 'tempers');
      if (p) {
        v.vector(p, 1, 'tempers');
      }
    }
    v.field(pos, vt, 14, 1, 'quiet');
  }
}

/** flatc object API: mutable object form of {@link Pen}. */
export class PenT implements flatbuffers.IGeneratedObject {
  constructor(
    public animalType: Animal = Animal.NONE,
    public animal: LionT|PenguinT|KeeperT|null = null,
    public temper: Temper = Temper.Grumpy,
    public diet: Diet = Diet.Fish,
    public tempers: (Temper)[] = [],
    public quiet: Temper|null = null
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const animal = builder.createObjectOffset(this.animal);
    const tempers = Pen.createTempersVector(builder, this.tempers);

    Pen.startPen(builder);
    Pen.addAnimalType(builder, this.animalType);
    Pen.addAnimal(builder, animal);
    Pen.addTemper(builder, this.temper);
    Pen.addDiet(builder, this.diet);
    Pen.addTempers(builder, tempers);
    if (this.quiet !== null) Pen.addQuiet(builder, this.quiet);
    return Pen.endPen(builder);
  }
}

/** Plain, read-only form of {@link Pen} (see `Pen.toValue`). */
export interface PenValue {
  readonly animal: AnimalValue | null;
  readonly temper: Temper;
  readonly diet: Diet;
  readonly tempers: readonly Temper[];
  readonly quiet: Temper | null;
}

/** Input of `Pen.pack` / `Pen.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface PenInit {
  readonly animal?: AnimalInit | null;
  readonly temper?: Temper | null;
  readonly diet?: Diet | null;
  readonly tempers?: readonly Temper[] | null;
  readonly quiet?: Temper | null;
}
