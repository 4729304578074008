/**
 * Helpers shared by the emitters: references to declarations across modules, TypeScript spellings
 * of FlatBuffers types, and literals.
 */
import type { DeclModel, DefaultValue, ElemType, EnumModel, ScalarKind, StructModel } from './model.js';
import { is64 } from './model.js';
import { camel, declModule } from './names.js';
import type { ModuleWriter } from './printer.js';

/** Import specifier of the module that declares `d`. */
function moduleOf(d: DeclModel): string {
  return `./${declModule(d.namespace)}.js`;
}

/** Local name of declaration `d` (plus `suffix`, e.g. `Value`) in the module being written. */
export function ref(w: ModuleWriter, d: DeclModel, use: 'type' | 'value', suffix = ''): string {
  return w.ref(moduleOf(d), d.name + suffix, use, d.fullName.replace(/\./g, '_') + suffix);
}

/** Exported name of a helper that belongs to declaration `d` (e.g. `unionToAction`). */
export function refNamed(w: ModuleWriter, d: DeclModel, exported: string, use: 'type' | 'value'): string {
  return w.ref(moduleOf(d), exported, use, `${d.fullName.replace(/\./g, '_')}_${exported}`);
}

export function scalarTs(s: ScalarKind): string {
  return s === 'bool' ? 'boolean' : is64(s) ? 'bigint' : 'number';
}

/** ByteBuffer read method suffix: `readUint32`, ... */
export function readFn(s: ScalarKind): string {
  switch (s) {
    case 'bool':
      return 'readInt8';
    case 'int8':
      return 'readInt8';
    case 'uint8':
      return 'readUint8';
    case 'int16':
      return 'readInt16';
    case 'uint16':
      return 'readUint16';
    case 'int32':
      return 'readInt32';
    case 'uint32':
      return 'readUint32';
    case 'int64':
      return 'readInt64';
    case 'uint64':
      return 'readUint64';
    case 'float32':
      return 'readFloat32';
    case 'float64':
      return 'readFloat64';
  }
}

/** Builder suffix for fields and vector elements: `Int8` (`addFieldInt8`, `addInt8`, `writeInt8`). */
export function builderKind(s: ScalarKind): string {
  switch (s) {
    case 'bool':
    case 'int8':
    case 'uint8':
      return 'Int8';
    case 'int16':
    case 'uint16':
      return 'Int16';
    case 'int32':
    case 'uint32':
      return 'Int32';
    case 'int64':
    case 'uint64':
      return 'Int64';
    case 'float32':
      return 'Float32';
    case 'float64':
      return 'Float64';
  }
}

/** Typed array class for a scalar vector's `...Array()` accessor (none for bool). */
export function typedArray(s: ScalarKind): string | undefined {
  switch (s) {
    case 'bool':
      return undefined;
    case 'int8':
      return 'Int8Array';
    case 'uint8':
      return 'Uint8Array';
    case 'int16':
      return 'Int16Array';
    case 'uint16':
      return 'Uint16Array';
    case 'int32':
      return 'Int32Array';
    case 'uint32':
      return 'Uint32Array';
    case 'int64':
      return 'BigInt64Array';
    case 'uint64':
      return 'BigUint64Array';
    case 'float32':
      return 'Float32Array';
    case 'float64':
      return 'Float64Array';
  }
}

function numberLiteral(v: number | bigint): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/** A scalar default as TypeScript: `0`, `true`, `0n`, `Method.GET`, `null`. */
export function defaultLiteral(w: ModuleWriter, v: DefaultValue, e: EnumModel | undefined): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (e) {
    const m = e.values.find((x) => x.value === BigInt(v));
    const name = ref(w, e, 'value');
    if (m) return `${name}.${m.name}`;
    return `${numberLiteral(v)} as ${name}`;
  }
  return numberLiteral(v);
}

/** TypeScript type of one scalar/enum value. */
export function scalarOrEnumTs(w: ModuleWriter, t: ElemType): string {
  if (t.kind === 'enum') return ref(w, t.enum, 'type');
  if (t.kind === 'scalar') return scalarTs(t.scalar);
  throw new Error('not a scalar');
}

/**
 * Arguments of `create<S>(builder, ...)` read from the object at `expr` (a `<S>Value` or `<S>T`):
 * nested struct fields are flattened in declaration order. With `optional`, every step may be
 * missing and missing leaves write zeros (as flatc's object API does).
 */
export function structArgsFrom(w: ModuleWriter, s: StructModel, expr: string, optional: boolean): string[] {
  const out: string[] = [];
  const dot = optional ? '?.' : '.';
  for (const f of s.fields) {
    const p = `${expr}${dot}${camel(f.name)}`;
    const t = f.type;
    if (t.kind === 'struct') out.push(...structArgsFrom(w, t.struct, p, optional));
    else if (t.kind === 'array') out.push(optional ? `(${p} ?? null)` : p);
    else if (!optional) out.push(p);
    else {
      const zero =
        t.scalar === 'bool'
          ? 'false'
          : is64(t.scalar)
            ? '0n'
            : t.kind === 'enum'
              ? `(0 as ${ref(w, t.enum, 'type')})`
              : '0';
      out.push(`(${p} ?? ${zero})`);
    }
  }
  return out;
}
