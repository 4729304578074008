/**
 * Model-driven test values: fast-check arbitraries of `<T>Init` objects for any table, and
 * converters between the different shapes the same data takes (our values, flatc's object API,
 * flatc's JSON) into one canonical form that can be compared with `toEqual`.
 */
import fc from 'fast-check';
import type {
  ElemType,
  EnumModel,
  FieldModel,
  ScalarKind,
  StructModel,
  TableModel,
  TypeModel,
} from '../../../generator/fbs/model.js';
import { camel } from '../../../generator/fbs/names.js';

type Obj = Record<string, unknown>;
const live = (t: TableModel): FieldModel[] => t.fields.filter((f) => !f.deprecated);
const isBytes = (e: ElemType): boolean => e.kind === 'scalar' && (e.scalar === 'uint8' || e.scalar === 'int8');

const INT: Partial<Record<ScalarKind, [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

/** -0 cannot survive JSON, and is equal to 0 on the wire's reading side anyway. */
const noNegZero = (x: number): number => (Object.is(x, -0) ? 0 : x);

function scalarArb(s: ScalarKind): fc.Arbitrary<unknown> {
  if (s === 'bool') return fc.boolean();
  if (s === 'int64') return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
  if (s === 'uint64') return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
  if (s === 'float32') return fc.float({ noNaN: true, noDefaultInfinity: true }).map(noNegZero);
  if (s === 'float64') return fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegZero);
  const [min, max] = INT[s]!;
  return fc.integer({ min, max });
}

function enumArb(e: EnumModel): fc.Arbitrary<number | bigint> {
  const conv = (v: bigint): number | bigint => (e.scalar === 'int64' || e.scalar === 'uint64' ? v : Number(v));
  if (e.bitFlags) {
    return fc.subarray(e.values.map((v) => v.value)).map((vs) => conv(vs.reduce((a, b) => a | b, 0n)));
  }
  return fc.constantFrom(...e.values.map((v) => conv(v.value)));
}

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));

function structArb(s: StructModel): fc.Arbitrary<Obj> {
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of s.fields) rec[camel(f.name)] = structFieldArb(f.type);
  return fc.record(rec);
}

function structFieldArb(t: StructModel['fields'][number]['type']): fc.Arbitrary<unknown> {
  if (t.kind === 'struct') return structArb(t.struct);
  if (t.kind === 'enum') return enumArb(t.enum);
  if (t.kind === 'scalar') return scalarArb(t.scalar);
  const e = t.elem;
  const el =
    e.kind === 'struct'
      ? structArb(e.struct)
      : e.kind === 'enum'
        ? enumArb(e.enum)
        : scalarArb((e as { scalar: ScalarKind }).scalar);
  return fc.array(el, { minLength: t.length, maxLength: t.length });
}

function elemArb(e: ElemType, depth: number): fc.Arbitrary<unknown> {
  switch (e.kind) {
    case 'scalar':
      return scalarArb(e.scalar);
    case 'enum':
      return enumArb(e.enum);
    case 'string':
      return text;
    case 'struct':
      return structArb(e.struct);
    case 'table':
      return tableArb(e.table, depth + 1);
  }
}

function fieldArb(f: FieldModel, depth: number): fc.Arbitrary<unknown> {
  const t = f.type;
  switch (t.kind) {
    case 'scalar':
    case 'enum':
      return t.kind === 'enum' ? enumArb(t.enum) : scalarArb(t.scalar);
    case 'string':
      return text;
    case 'struct':
      return structArb(t.struct);
    case 'table':
      return depth > 2 ? fc.constant(null) : tableArb(t.table, depth + 1);
    case 'union':
      if (depth > 2 || t.union.members.length === 0) return fc.constant(null);
      return fc.oneof(
        ...t.union.members.map((m) => tableArb(m.table, depth + 1).map((value) => ({ type: m.name, value }))),
      );
    case 'vector': {
      if (isBytes(t.elem)) {
        const bytes = fc.uint8Array({ maxLength: 40 });
        return t.elem.kind === 'scalar' && t.elem.scalar === 'int8' ? bytes.map((b) => new Int8Array(b.buffer)) : bytes;
      }
      if (t.elem.kind === 'table' && depth > 2) return fc.constant([]);
      return fc.array(elemArb(t.elem, depth), { maxLength: 5 });
    }
  }
}

/** `<T>Init` objects: each optional field present, absent (undefined) or null. */
export function tableArb(t: TableModel, depth = 0): fc.Arbitrary<Obj> {
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const f of live(t)) {
    const key = camel(f.name);
    if (f.required) {
      rec[key] = fieldArb(f, depth);
      requiredKeys.push(key);
    } else {
      rec[key] = fc.option(fieldArb(f, depth), { nil: undefined, freq: 3 });
    }
  }
  return fc.record(rec, { requiredKeys: Object.keys(rec) }).map((o) => {
    const out: Obj = {};
    for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
    return out;
  });
}

// ---- canonical form -------------------------------------------------------------------------
// Scalars as they read back, byte vectors as number[] (absent = []), absent vectors = [],
// absent strings/tables/unions = null, unions as { type, value }.

function defaultOf(f: FieldModel): unknown {
  const v = f.defaultValue;
  if (typeof v === 'boolean' || v === null) return v;
  return v;
}

function canonScalar(t: TypeModel, v: unknown): unknown {
  if (typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (t.kind === 'scalar' && t.scalar === 'float32') return Math.fround(v);
    return v;
  }
  return v;
}

function canonStruct(s: StructModel, v: Obj): Obj {
  const out: Obj = {};
  for (const f of s.fields) {
    const x = v[camel(f.name)];
    const t = f.type;
    if (t.kind === 'struct') out[camel(f.name)] = canonStruct(t.struct, x as Obj);
    else if (t.kind === 'array')
      out[camel(f.name)] = [...(x as unknown[])].map((e) =>
        t.elem.kind === 'struct' ? canonStruct(t.elem.struct, e as Obj) : canonScalar(t.elem, e),
      );
    else out[camel(f.name)] = canonScalar(t, x);
  }
  return out;
}

function canonElem(e: ElemType, v: unknown, from: Source): unknown {
  switch (e.kind) {
    case 'scalar':
    case 'enum':
      return canonScalar(e, v);
    case 'string':
      return typeof v === 'string' ? v : new TextDecoder().decode(v as Uint8Array);
    case 'struct':
      return canonStruct(e.struct, from === 'flatcT' ? plainStruct(e.struct, v as Obj) : (v as Obj));
    case 'table':
      return canonTable(e.table, v as Obj, from);
  }
}

/** flatc's struct T objects hold nested T objects: read them as plain objects. */
function plainStruct(s: StructModel, v: Obj): Obj {
  const out: Obj = {};
  for (const f of s.fields) {
    const x = v[camel(f.name)];
    const t = f.type;
    if (t.kind === 'struct') out[camel(f.name)] = plainStruct(t.struct, x as Obj);
    else if (t.kind === 'array' && t.elem.kind === 'struct') {
      const es = t.elem.struct;
      out[camel(f.name)] = (x as Obj[]).map((e) => plainStruct(es, e));
    } else out[camel(f.name)] = x;
  }
  return out;
}

export type Source = 'init' | 'ours' | 'flatcT';

const utf8 = new TextEncoder();
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
const stable = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));

/**
 * flatc sorts vectors of tables that have a \`key\` field when it parses JSON (so they can be
 * binary-searched). This puts such vectors of a canonical value in that order, ties by content.
 */
export function sortKeyedVectors(t: TableModel, v: Obj | null): Obj | null {
  if (v === null) return v;
  const out: Obj = { ...v };
  for (const f of live(t)) {
    const k = camel(f.name);
    const ft = f.type;
    if (ft.kind === 'table') out[k] = sortKeyedVectors(ft.table, out[k] as Obj | null);
    if (ft.kind === 'union' && out[k]) {
      const u = out[k] as { type: string; value: Obj };
      const m = ft.union.members.find((mm) => mm.name === u.type)!;
      out[k] = { type: u.type, value: sortKeyedVectors(m.table, u.value) };
    }
    if (ft.kind !== 'vector' || ft.elem.kind !== 'table') continue;
    const et = ft.elem.table;
    const keyField = et.fields.find((x) => x.key);
    let arr = (out[k] as Obj[]).map((e) => sortKeyedVectors(et, e)!);
    if (keyField) {
      const kk = camel(keyField.name);
      arr = [...arr].sort((a, b) => {
        const x = a[kk];
        const y = b[kk];
        const c =
          typeof x === 'string' ? compareBytes(utf8.encode(x), utf8.encode(y as string)) : Number(x) - Number(y);
        return c !== 0 ? c : stable(a) < stable(b) ? -1 : stable(a) > stable(b) ? 1 : 0;
      });
    }
    out[k] = arr;
  }
  return out;
}

/** Canonical form of a table given as our Init, our Value, or flatc's object-API `T` object. */
export function canonTable(t: TableModel, v: Obj | null | undefined, from: Source): Obj | null {
  if (v == null) return null;
  const out: Obj = {};
  for (const f of live(t)) {
    const key = camel(f.name);
    let x = v[key];
    const ft = f.type;
    switch (ft.kind) {
      case 'scalar':
      case 'enum':
        out[key] = x == null ? defaultOf(f) : canonScalar(ft, x);
        break;
      case 'string':
        out[key] = x == null ? null : typeof x === 'string' ? x : new TextDecoder().decode(x as Uint8Array);
        break;
      case 'struct':
        out[key] =
          x == null ? null : canonStruct(ft.struct, from === 'flatcT' ? plainStruct(ft.struct, x as Obj) : (x as Obj));
        break;
      case 'table':
        out[key] = canonTable(ft.table, x as Obj | null, from);
        break;
      case 'union': {
        if (from === 'flatcT') {
          const type = v[`${key}Type`] as number;
          const m = ft.union.members.find((mm) => mm.value === type);
          out[key] = m && x != null ? { type: m.name, value: canonTable(m.table, x as Obj, from) } : null;
        } else {
          const u = x as { type: string; value: Obj } | null | undefined;
          const m = u ? ft.union.members.find((mm) => mm.name === u.type) : undefined;
          out[key] = u && m ? { type: u.type, value: canonTable(m.table, u.value, from) } : null;
        }
        break;
      }
      case 'vector':
        x ??= [];
        out[key] = Array.from(x as ArrayLike<unknown>).map((e) => canonElem(ft.elem, e, from));
        break;
    }
  }
  return out;
}

// ---- flatc object API ------------------------------------------------------------------------

export type ModuleLoader = (fullName: string) => Promise<Record<string, unknown>>;

/** Builds flatc's `<T>T` object for an Init value (so flatc's `pack()` can encode it). */
export async function toFlatcT(t: TableModel, init: Obj, load: ModuleLoader): Promise<unknown> {
  const mod = await load(t.fullName);
  const Cls = mod[`${t.name}T`] as new () => Obj;
  const o = new Cls();
  for (const f of live(t)) {
    const key = camel(f.name);
    const x = init[key];
    if (x === undefined || x === null) continue;
    const ft = f.type;
    switch (ft.kind) {
      case 'scalar':
      case 'enum':
      case 'string':
        o[key] = x;
        break;
      case 'struct':
        o[key] = await structT(ft.struct, x as Obj, load);
        break;
      case 'table':
        o[key] = await toFlatcT(ft.table, x as Obj, load);
        break;
      case 'union': {
        const u = x as { type: string; value: Obj };
        const m = ft.union.members.find((mm) => mm.name === u.type)!;
        o[`${key}Type`] = m.value;
        o[key] = await toFlatcT(m.table, u.value, load);
        break;
      }
      case 'vector': {
        const e = ft.elem;
        const arr = Array.from(x as ArrayLike<unknown>);
        if (e.kind === 'table') o[key] = await Promise.all(arr.map((el) => toFlatcT(e.table, el as Obj, load)));
        else if (e.kind === 'struct') o[key] = await Promise.all(arr.map((el) => structT(e.struct, el as Obj, load)));
        else o[key] = arr;
        break;
      }
    }
  }
  return o;
}

async function structT(s: StructModel, v: Obj, load: ModuleLoader): Promise<unknown> {
  const mod = await load(s.fullName);
  const o = new (mod[`${s.name}T`] as new () => Obj)();
  for (const f of s.fields) {
    const key = camel(f.name);
    o[key] = f.type.kind === 'struct' ? await structT(f.type.struct, v[key] as Obj, load) : v[key];
  }
  return o;
}

// ---- flatc JSON -------------------------------------------------------------------------------

/** flatc JSON text for an Init value (field names as in the schema; 64-bit integers unquoted). */
export function toFlatcJson(t: TableModel, init: Obj): string {
  const big: string[] = [];
  const mark = (v: bigint): string => {
    big.push(v.toString());
    return `__a6kit_big_${big.length - 1}__`;
  };
  const conv = (x: unknown): unknown => {
    if (typeof x === 'bigint') return mark(x);
    if (x instanceof Uint8Array || x instanceof Int8Array) return [...x];
    if (Array.isArray(x)) return x.map(conv);
    return x;
  };
  const structJson = (s: StructModel, v: Obj): Obj => {
    const o: Obj = {};
    for (const f of s.fields) {
      const x = v[camel(f.name)];
      o[f.name] =
        f.type.kind === 'struct'
          ? structJson(f.type.struct, x as Obj)
          : f.type.kind === 'array' && f.type.elem.kind === 'struct'
            ? (x as Obj[]).map((e) => structJson((f.type as { elem: { struct: StructModel } }).elem.struct, e))
            : conv(x);
    }
    return o;
  };
  const tableJson = (tt: TableModel, v: Obj): Obj => {
    const o: Obj = {};
    for (const f of live(tt)) {
      const x = v[camel(f.name)];
      if (x === undefined || x === null) continue;
      const ft = f.type;
      if (ft.kind === 'table') o[f.name] = tableJson(ft.table, x as Obj);
      else if (ft.kind === 'struct') o[f.name] = structJson(ft.struct, x as Obj);
      else if (ft.kind === 'union') {
        const u = x as { type: string; value: Obj };
        const m = ft.union.members.find((mm) => mm.name === u.type)!;
        o[`${f.name}_type`] = m.name;
        o[f.name] = tableJson(m.table, u.value);
      } else if (ft.kind === 'vector' && ft.elem.kind === 'table') {
        const et = ft.elem.table;
        o[f.name] = (x as Obj[]).map((e) => tableJson(et, e));
      } else if (ft.kind === 'vector' && ft.elem.kind === 'struct') {
        const es = ft.elem.struct;
        o[f.name] = (x as Obj[]).map((e) => structJson(es, e));
      } else o[f.name] = conv(x);
    }
    return o;
  };
  return JSON.stringify(tableJson(t, init)).replace(/"__a6kit_big_(\d+)__"/g, (_, i: string) => big[Number(i)]!);
}
