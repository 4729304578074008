/**
 * Drives a flatc-shaped API generically (by method names derived from the model), so one piece of
 * test code reads and builds buffers through flatc's generated classes and through ours alike.
 */
import * as flatbuffers from 'flatbuffers';
import type { FieldModel, StructModel, TableModel } from '../../../generator/fbs/model.js';
import { camel, pascal } from '../../../generator/fbs/names.js';
import type { ModuleLoader } from './values.js';

type Obj = Record<string, unknown>;
type Any = any;
const live = (t: TableModel): FieldModel[] => t.fields.filter((f) => !f.deprecated);

async function cls(load: ModuleLoader, d: { fullName: string; name: string }): Promise<Any> {
  return (await load(d.fullName))[d.name];
}

async function readStruct(s: StructModel, o: Any, load: ModuleLoader): Promise<Obj> {
  const out: Obj = {};
  for (const f of s.fields) {
    const k = camel(f.name);
    const t = f.type;
    if (t.kind === 'struct') out[k] = await readStruct(t.struct, o[k](), load);
    else if (t.kind === 'array') {
      const arr: unknown[] = [];
      for (let i = 0; i < t.length; i++)
        arr.push(t.elem.kind === 'struct' ? await readStruct(t.elem.struct, o[k](i), load) : o[k](i));
      out[k] = arr;
    } else out[k] = o[k]();
  }
  return out;
}

/** Reads every field through the accessor methods into a Value-shaped object. */
export async function readWithApi(t: TableModel, o: Any, load: ModuleLoader): Promise<Obj> {
  const out: Obj = {};
  for (const f of live(t)) {
    const k = camel(f.name);
    const ft = f.type;
    switch (ft.kind) {
      case 'scalar':
      case 'enum':
      case 'string':
        out[k] = o[k]();
        break;
      case 'struct': {
        const s = o[k]();
        out[k] = s === null ? null : await readStruct(ft.struct, s, load);
        break;
      }
      case 'table': {
        const s = o[k]();
        out[k] = s === null ? null : await readWithApi(ft.table, s, load);
        break;
      }
      case 'union': {
        const type = o[`${k}Type`]();
        const m = ft.union.members.find((mm) => mm.value === type);
        if (!m) {
          out[k] = null;
          break;
        }
        const C = await cls(load, m.table);
        out[k] = { type: m.name, value: await readWithApi(m.table, o[k](new C()), load) };
        break;
      }
      case 'vector': {
        const n = o[`${k}Length`]();
        const arr: unknown[] = [];
        for (let i = 0; i < n; i++) {
          const e = ft.elem;
          if (e.kind === 'table') arr.push(await readWithApi(e.table, o[k](i), load));
          else if (e.kind === 'struct') arr.push(await readStruct(e.struct, o[k](i), load));
          else arr.push(o[k](i));
        }
        out[k] = arr;
        break;
      }
    }
  }
  return out;
}

function structArgs(s: StructModel, v: Obj): unknown[] {
  const out: unknown[] = [];
  for (const f of s.fields) {
    const x = v[camel(f.name)];
    if (f.type.kind === 'struct') out.push(...structArgs(f.type.struct, x as Obj));
    else out.push(x);
  }
  return out;
}

/**
 * Builds a table from an Init value with the flyweight builder API only (createString,
 * create<F>Vector, start<F>Vector + create<Struct>, start<T>/add<F>/end<T>), in one fixed order,
 * so flatc's classes and ours must produce the same bytes.
 */
export async function buildWithApi(
  t: TableModel,
  b: flatbuffers.Builder,
  init: Obj,
  load: ModuleLoader,
): Promise<number> {
  const C = await cls(load, t);
  const offsets = new Map<string, number>();
  for (const f of live(t)) {
    const k = camel(f.name);
    const x = init[k];
    if (x == null) continue;
    const ft = f.type;
    if (ft.kind === 'string') offsets.set(k, b.createString(x as string));
    else if (ft.kind === 'table') offsets.set(k, await buildWithApi(ft.table, b, x as Obj, load));
    else if (ft.kind === 'union') {
      const u = x as { type: string; value: Obj };
      const m = ft.union.members.find((mm) => mm.name === u.type)!;
      offsets.set(k, await buildWithApi(m.table, b, u.value, load));
    } else if (ft.kind === 'vector') {
      const e = ft.elem;
      const arr = Array.from(x as ArrayLike<unknown>);
      if (e.kind === 'struct') {
        const S = await cls(load, e.struct);
        C[`start${pascal(f.name)}Vector`](b, arr.length);
        for (let i = arr.length - 1; i >= 0; i--)
          S[`create${e.struct.name}`](b, ...structArgs(e.struct, arr[i] as Obj));
        offsets.set(k, b.endVector());
      } else if (e.kind === 'table') {
        const offs: number[] = [];
        for (const el of arr) offs.push(await buildWithApi(e.table, b, el as Obj, load));
        offsets.set(k, C[`create${pascal(f.name)}Vector`](b, offs));
      } else if (e.kind === 'string') {
        offsets.set(
          k,
          C[`create${pascal(f.name)}Vector`](
            b,
            arr.map((s) => b.createString(s as string)),
          ),
        );
      } else {
        offsets.set(k, C[`create${pascal(f.name)}Vector`](b, x instanceof Int8Array ? [...x] : x));
      }
    }
  }
  C[`start${t.name}`](b);
  for (const f of live(t)) {
    const k = camel(f.name);
    const x = init[k];
    if (x == null) continue;
    const ft = f.type;
    if (ft.kind === 'scalar' || ft.kind === 'enum') C[`add${pascal(f.name)}`](b, x);
    else if (ft.kind === 'struct') {
      const S = await cls(load, ft.struct);
      C[`add${pascal(f.name)}`](b, S[`create${ft.struct.name}`](b, ...structArgs(ft.struct, x as Obj)));
    } else if (ft.kind === 'union') {
      const u = x as { type: string };
      const m = ft.union.members.find((mm) => mm.name === u.type)!;
      C[`add${pascal(f.name)}Type`](b, m.value);
      C[`add${pascal(f.name)}`](b, offsets.get(k));
    } else C[`add${pascal(f.name)}`](b, offsets.get(k));
  }
  return C[`end${t.name}`](b);
}

/**
 * Every string field reached from table `t` (nested tables, table vectors, union members), as
 * `path: [start, length]` read through our `<f>ByteStart()` / `<f>ByteLength()`, and as flatc's
 * reader locates the same bytes (`<f>(Encoding.UTF8_BYTES)`, a view into the buffer), so the two
 * must agree; absent strings are `[-1, 0]`. `ours` and `theirs` read one buffer.
 */
export async function stringSpans(
  t: TableModel,
  ours: Any,
  theirs: Any,
  loadOurs: ModuleLoader,
  loadTheirs: ModuleLoader,
  path = t.name,
): Promise<{ ours: Record<string, [number, number]>; theirs: Record<string, [number, number]> }> {
  const out = { ours: {} as Record<string, [number, number]>, theirs: {} as Record<string, [number, number]> };
  const base = (theirs.bb as flatbuffers.ByteBuffer).bytes().byteOffset;
  const nested = async (tt: TableModel, o: Any, th: Any, at: string): Promise<void> => {
    const sub = await stringSpans(tt, o, th, loadOurs, loadTheirs, at);
    Object.assign(out.ours, sub.ours);
    Object.assign(out.theirs, sub.theirs);
  };
  for (const f of live(t)) {
    const k = camel(f.name);
    const ft = f.type;
    const at = `${path}.${f.name}`;
    if (ft.kind === 'string') {
      out.ours[at] = [ours[`${k}ByteStart`](), ours[`${k}ByteLength`]()];
      // flatc's required accessor reads whatever is there; the fields built here are present.
      const view = theirs[k](flatbuffers.Encoding.UTF8_BYTES) as Uint8Array | null;
      out.theirs[at] = view === null ? [-1, 0] : [view.byteOffset - base, view.length];
    } else if (ft.kind === 'table') {
      const o = ours[k]();
      if (o !== null) await nested(ft.table, o, theirs[k](), at);
    } else if (ft.kind === 'union') {
      const m = ft.union.members.find((mm) => mm.value === ours[`${k}Type`]());
      if (m) {
        const [O, T] = [await cls(loadOurs, m.table), await cls(loadTheirs, m.table)];
        await nested(m.table, ours[k](new O()), theirs[k](new T()), at);
      }
    } else if (ft.kind === 'vector' && ft.elem.kind === 'table') {
      const n = ours[`${k}Length`]();
      for (let i = 0; i < n; i++) await nested(ft.elem.table, ours[k](i), theirs[k](i), `${at}[${i}]`);
    }
  }
  return out;
}
