// @generated — do not edit. Produced by `a6kit gen` from schema.fbs.
/* eslint-disable */

import * as flatbuffers from 'flatbuffers';
import { Verifier, type VerifyLimits } from './_support.js';

// Namespace Geo.

export class Point implements flatbuffers.IUnpackableObject<PointT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Point {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  lat(): number {
    return this.bb!.readFloat64(this.bb_pos);
  }

  lon(): number {
    return this.bb!.readFloat64(this.bb_pos + 8);
  }

  static sizeOf(): number {
    return 16;
  }

  static createPoint(builder: flatbuffers.Builder, lat: number, lon: number): flatbuffers.Offset {
    builder.prep(8, 16);
    builder.writeFloat64(lon);
    builder.writeFloat64(lat);
    return builder.offset();
  }

  /** flatc object API: a mutable copy of this struct. */
  unpack(): PointT {
    return new PointT(
      this.lat(),
      this.lon()
    );
  }

  unpackTo(_o: PointT): void {
    _o.lat = this.lat();
    _o.lon = this.lon();
  }

  /** Copies the struct into a plain value. */
  static toValue(obj: Point): PointValue {
    return { lat: obj.lat(), lon: obj.lon() };
  }

  /** Writes `value` inline at the builder's position (inside a table or a vector being built). */
  static pack(builder: flatbuffers.Builder, value: PointValue): flatbuffers.Offset {
    return Point.createPoint(builder, value.lat, value.lon);
  }
}

/** flatc object API: mutable object form of {@link Point}. */
export class PointT implements flatbuffers.IGeneratedObject {
  constructor(
    public lat: number = 0,
    public lon: number = 0
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    return Point.createPoint(builder, this.lat, this.lon);
  }
}

/** Plain, read-only form of {@link Point} (see `Point.toValue`). */
export interface PointValue {
  readonly lat: number;
  readonly lon: number;
}

/** Padding between `level` and `origin`, and at the end. */
export class Tile implements flatbuffers.IUnpackableObject<TileT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Tile {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  level(): number {
    return this.bb!.readUint8(this.bb_pos);
  }

  origin(obj?: Point): Point {
    return (obj || new Point()).__init(this.bb_pos + 8, this.bb!);
  }

  flags(index: number): boolean|null {
    return !!this.bb!.readInt8(this.bb_pos + 24 + index * 1);
  }

  static sizeOf(): number {
    return 32;
  }

  static createTile(builder: flatbuffers.Builder, level: number, originLat: number, originLon: number, flags: readonly boolean[]|null): flatbuffers.Offset {
    builder.prep(16, 32);
    builder.pad(5);
    for (let i = 2; i >= 0; i--) {
      builder.writeInt8(+(flags?.[i] ?? false));
    }
    builder.prep(8, 16);
    builder.writeFloat64(originLon);
    builder.writeFloat64(originLat);
    builder.pad(7);
    builder.writeInt8(level);
    return builder.offset();
  }

  /** flatc object API: a mutable copy of this struct. */
  unpack(): TileT {
    return new TileT(
      this.level(),
      this.origin().unpack(),
      Array.from({ length: 3 }, (_, i) => this.flags(i)!)
    );
  }

  unpackTo(_o: TileT): void {
    _o.level = this.level();
    _o.origin = this.origin().unpack();
    _o.flags = Array.from({ length: 3 }, (_, i) => this.flags(i)!);
  }

  /** Copies the struct into a plain value. */
  static toValue(obj: Tile): TileValue {
    return { level: obj.level(), origin: Point.toValue(obj.origin()), flags: Array.from({ length: 3 }, (_, i) => obj.flags(i)!) };
  }

  /** Writes `value` inline at the builder's position (inside a table or a vector being built). */
  static pack(builder: flatbuffers.Builder, value: TileValue): flatbuffers.Offset {
    return Tile.createTile(builder, value.level, value.origin.lat, value.origin.lon, value.flags);
  }
}

/** flatc object API: mutable object form of {@link Tile}. */
export class TileT implements flatbuffers.IGeneratedObject {
  constructor(
    public level: number = 0,
    public origin: PointT|null = null,
    public flags: (boolean)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    return Tile.createTile(builder, this.level, (this.origin?.lat ?? 0), (this.origin?.lon ?? 0), this.flags);
  }
}

/** Plain, read-only form of {@link Tile} (see `Tile.toValue`). */
export interface TileValue {
  readonly level: number;
  readonly origin: PointValue;
  readonly flags: readonly boolean[];
}

export class Map implements flatbuffers.IUnpackableObject<MapT> {
  bb: flatbuffers.ByteBuffer|null = null;
  bb_pos = 0;

  __init(i: number, bb: flatbuffers.ByteBuffer): Map {
    this.bb_pos = i;
    this.bb = bb;
    return this;
  }

  static getRootAsMap(bb: flatbuffers.ByteBuffer, obj?: Map): Map {
    return (obj || new Map()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  static getSizePrefixedRootAsMap(bb: flatbuffers.ByteBuffer, obj?: Map): Map {
    bb.setPosition(bb.position() + flatbuffers.SIZE_PREFIX_LENGTH);
    return (obj || new Map()).__init(bb.readInt32(bb.position()) + bb.position(), bb);
  }

  tiles(index: number, obj?: Tile): Tile|null {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? (obj || new Tile()).__init(this.bb!.__vector(this.bb_pos + offset) + index * 32, this.bb!) : null;
  }

  tilesLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 4);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  home(obj?: Point): Point|null {
    const offset = this.bb!.__offset(this.bb_pos, 6);
    return offset ? (obj || new Point()).__init(this.bb_pos + offset, this.bb!) : null;
  }

  path(index: number, obj?: Point): Point|null {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? (obj || new Point()).__init(this.bb!.__vector(this.bb_pos + offset) + index * 16, this.bb!) : null;
  }

  pathLength(): number {
    const offset = this.bb!.__offset(this.bb_pos, 8);
    return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;
  }

  static startMap(builder: flatbuffers.Builder) {
    builder.startObject(3);
  }

  static addTiles(builder: flatbuffers.Builder, tilesOffset: flatbuffers.Offset) {
    builder.addFieldOffset(0, tilesOffset, 0);
  }

  static startTilesVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(32, numElems, 16);
  }

  static addHome(builder: flatbuffers.Builder, homeOffset: flatbuffers.Offset) {
    builder.addFieldStruct(1, homeOffset, 0);
  }

  static addPath(builder: flatbuffers.Builder, pathOffset: flatbuffers.Offset) {
    builder.addFieldOffset(2, pathOffset, 0);
  }

  static startPathVector(builder: flatbuffers.Builder, numElems: number) {
    builder.startVector(16, numElems, 8);
  }

  static endMap(builder: flatbuffers.Builder): flatbuffers.Offset {
    const offset = builder.endObject();
    return offset;
  }

  /** flatc object API: a mutable copy of this table. */
  unpack(): MapT {
    return new MapT(
      this.bb!.createObjList<Tile, TileT>(this.tiles.bind(this), this.tilesLength()),
      (this.home() !== null ? this.home()!.unpack() : null),
      this.bb!.createObjList<Point, PointT>(this.path.bind(this), this.pathLength())
    );
  }

  unpackTo(_o: MapT): void {
    _o.tiles = this.bb!.createObjList<Tile, TileT>(this.tiles.bind(this), this.tilesLength());
    _o.home = (this.home() !== null ? this.home()!.unpack() : null);
    _o.path = this.bb!.createObjList<Point, PointT>(this.path.bind(this), this.pathLength());
  }

  /** Reads a finished buffer whose root is a `Map` into a plain value (byte vectors are views into `bytes`). */
  static decode(bytes: Uint8Array): MapValue {
    return Map.toValue(Map.getRootAsMap(new flatbuffers.ByteBuffer(bytes)));
  }

  /** Copies every field of `obj` into a plain value. */
  static toValue(obj: Map): MapValue {
    const bb = obj.bb!;
    const pos = obj.bb_pos;
    const o_tiles = bb.__offset(pos, 4);
    const f_tiles: TileValue[] = [];
    if (o_tiles) {
      const base = bb.__vector(pos + o_tiles);
      const len = bb.__vector_len(pos + o_tiles);
      const el = new Tile();
      for (let i = 0; i < len; i++) f_tiles.push(Tile.toValue(el.__init(base + i * 32, bb)));
    }
    const o_home = bb.__offset(pos, 6);
    const f_home = o_home ? Point.toValue(new Point().__init(pos + o_home, bb)) : null;
    const o_path = bb.__offset(pos, 8);
    const f_path: PointValue[] = [];
    if (o_path) {
      const base = bb.__vector(pos + o_path);
      const len = bb.__vector_len(pos + o_path);
      const el = new Point();
      for (let i = 0; i < len; i++) f_path.push(Point.toValue(el.__init(base + i * 16, bb)));
    }
    return { tiles: f_tiles, home: f_home, path: f_path };
  }

  /** Writes `value` (and everything it contains) into `builder`; returns the table's offset. */
  static pack(builder: flatbuffers.Builder, value: MapInit): flatbuffers.Offset {
    let f_tiles = 0;
    const f_tilesv = value.tiles;
    if (f_tilesv != null) {
      builder.startVector(32, f_tilesv.length, 16);
      for (let i = f_tilesv.length - 1; i >= 0; i--) Tile.pack(builder, f_tilesv[i]!);
      f_tiles = builder.endVector();
    }
    let f_path = 0;
    const f_pathv = value.path;
    if (f_pathv != null) {
      builder.startVector(16, f_pathv.length, 8);
      for (let i = f_pathv.length - 1; i >= 0; i--) Point.pack(builder, f_pathv[i]!);
      f_path = builder.endVector();
    }
    builder.startObject(3);
    if (f_tiles !== 0) Map.addTiles(builder, f_tiles);
    if (value.home != null) Map.addHome(builder, Point.pack(builder, value.home));
    if (f_path !== 0) Map.addPath(builder, f_path);
    return Map.endMap(builder);
  }

  /** Encodes `value` as a finished buffer with `Map` as its root. */
  static encode(value: MapInit, builder: flatbuffers.Builder = new flatbuffers.Builder(256)): Uint8Array {
    builder.clear();
    builder.finish(Map.pack(builder, value));
    return builder.asUint8Array();
  }

  /**
   * Checks that `bytes` holds a well-formed `Map` (every offset in bounds, strings terminated,
   * vector counts within the bytes, required fields present, and no more reachable data than
   * `limits.sizeFactor` × its length, so reading it costs O(its size) however offsets alias);
   * throws a `VerifyError` naming the field otherwise. Call it before reading a buffer from a
   * peer you do not trust: whatever it accepts, the readers read without an exception.
   */
  static verify(bytes: Uint8Array, limits?: VerifyLimits): void {
    const v = new Verifier(bytes, limits);
    try { Map.verifyAt(v, v.root(), 0); } catch (e) { throw v.within(e, 'Map'); }
  }

  static verifyAt(v: Verifier, pos: number, depth: number): void {
    const vt = v.table(pos, depth);
    {
      const p = v.field(pos, vt, 4, 4, 'tiles');
      if (p) {
        v.vector(p, 32, 'tiles');
      }
    }
    v.field(pos, vt, 6, 16, 'home');
    {
      const p = v.field(pos, vt, 8, 4, 'path');
      if (p) {
        v.vector(p, 16, 'path');
      }
    }
  }
}

/** flatc object API: mutable object form of {@link Map}. */
export class MapT implements flatbuffers.IGeneratedObject {
  constructor(
    public tiles: (TileT)[] = [],
    public home: PointT|null = null,
    public path: (PointT)[] = []
  ) {}

  pack(builder: flatbuffers.Builder): flatbuffers.Offset {
    const tiles = builder.createStructOffsetList(this.tiles, Map.startTilesVector);
    const path = builder.createStructOffsetList(this.path, Map.startPathVector);

    Map.startMap(builder);
    Map.addTiles(builder, tiles);
    Map.addHome(builder, (this.home !== null ? this.home!.pack(builder) : 0));
    Map.addPath(builder, path);
    return Map.endMap(builder);
  }
}

/** Plain, read-only form of {@link Map} (see `Map.toValue`). */
export interface MapValue {
  readonly tiles: readonly TileValue[];
  readonly home: PointValue | null;
  readonly path: readonly PointValue[];
}

/** Input of `Map.pack` / `Map.encode`: omitted fields are left out of the buffer (readers see the default). */
export interface MapInit {
  readonly tiles?: readonly TileValue[] | null;
  readonly home?: PointValue | null;
  readonly path?: readonly PointValue[] | null;
}
