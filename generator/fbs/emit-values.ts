/**
 * Phase 3b — value emitter: the typed conveniences on top of the flyweights.
 *
 *  - `<T>Value`: a plain readonly object with every field (absent strings/tables/unions are null,
 *    absent vectors are empty, byte vectors are `Uint8Array` views or null, unions are
 *    discriminated `{ type: 'Member', value }` objects).
 *  - `<T>Init`: what `pack`/`encode` accept: every field optional (scalars fall back to the schema
 *    default), except `required` ones.
 *  - statics on each table class: `decode(bytes)`, `toValue(obj)`, `pack(builder, init)`,
 *    `encode(init)`; on each struct class: `toValue(obj)`, `pack(builder, value)`.
 *
 * The code reads each vector's base once and reuses one flyweight per element type, and strings go
 * through the ASCII fast path in `_support.ts`, which is where it gains on flatc's object API.
 */
import { builderKind, defaultLiteral, readFn, ref, scalarOrEnumTs, structArgsFrom, typedArray } from './emit-common.js';
import { liveFields } from './emit-flyweight.js';
import type { ElemType, FieldModel, StructModel, TableModel, TypeModel, UnionModel } from './model.js';
import { SCALAR_SIZE } from './model.js';
import { camel, pascal, propKey } from './names.js';
import type { ModuleWriter } from './printer.js';

const SUPPORT = './_support.js';

function support(w: ModuleWriter, name: string): string {
  return w.ref(SUPPORT, name, 'value', `__${name}`);
}

/** Field value type in `<T>Value`. */
function valueType(
  w: ModuleWriter,
  t: TypeModel,
  optionalScalar: boolean,
  inStruct: boolean,
  required: boolean,
): string {
  switch (t.kind) {
    case 'scalar':
    case 'enum':
      return scalarOrEnumTs(w, t) + (optionalScalar ? ' | null' : '');
    case 'string':
      return required ? 'string' : 'string | null';
    case 'struct':
      return `${ref(w, t.struct, 'type', 'Value')}${inStruct ? '' : ' | null'}`;
    case 'table':
      return `${ref(w, t.table, 'type', 'Value')} | null`;
    case 'union':
      return `${ref(w, t.union, 'type', 'Value')} | null`;
    case 'vector':
      return vectorValueType(w, t.elem);
    case 'array':
      return `readonly ${elemValueType(w, t.elem)}[]`;
  }
}

function isByteVector(e: ElemType): boolean {
  return e.kind === 'scalar' && (e.scalar === 'uint8' || e.scalar === 'int8');
}

function vectorValueType(w: ModuleWriter, e: ElemType): string {
  if (isByteVector(e)) return `${typedArray((e as { scalar: 'uint8' }).scalar)} | null`;
  return `readonly ${elemValueType(w, e)}[]`;
}

function elemValueType(w: ModuleWriter, e: ElemType): string {
  switch (e.kind) {
    case 'scalar':
    case 'enum':
      return scalarOrEnumTs(w, e);
    case 'string':
      return 'string';
    case 'struct':
      return ref(w, e.struct, 'type', 'Value');
    case 'table':
      return ref(w, e.table, 'type', 'Value');
  }
}

/** Field type in `<T>Init`. */
function initType(w: ModuleWriter, t: FieldModel['type']): string {
  switch (t.kind) {
    case 'scalar':
    case 'enum':
      return scalarOrEnumTs(w, t) + ' | null';
    case 'string':
      return 'string | null';
    case 'struct':
      return `${ref(w, t.struct, 'type', 'Value')} | null`;
    case 'table':
      return `${ref(w, t.table, 'type', 'Init')} | null`;
    case 'union':
      return `${ref(w, t.union, 'type', 'Init')} | null`;
    case 'vector': {
      const e = t.elem;
      if (isByteVector(e)) return `${typedArray((e as { scalar: 'uint8' }).scalar)} | readonly number[] | null`;
      const el = e.kind === 'table' ? ref(w, e.table, 'type', 'Init') : elemValueType(w, e);
      return `readonly ${el}[] | null`;
    }
  }
}

export function emitValueTypes(w: ModuleWriter, d: TableModel | StructModel, withStatics = true): void {
  w.doc([
    withStatics
      ? `Plain, read-only form of {@link ${d.name}} (see \`${d.name}.toValue\`).`
      : `Plain, read-only form of {@link ${d.name}} (what struct builders take for array elements).`,
  ]);
  w.block(`export interface ${d.name}Value`, () => {
    for (const f of d.kind === 'table' ? liveFields(d) : d.fields) {
      w.doc(f.doc);
      const opt = 'defaultValue' in f && f.defaultValue === null;
      const required = 'required' in f && f.required;
      w.line(`readonly ${propKey(camel(f.name))}: ${valueType(w, f.type, opt, d.kind === 'struct', required)};`);
    }
  });
  w.line();
  if (d.kind !== 'table') return;
  w.doc([
    `Input of \`${d.name}.pack\` / \`${d.name}.encode\`: omitted fields are left out of the buffer (readers see the default).`,
  ]);
  w.block(`export interface ${d.name}Init`, () => {
    for (const f of liveFields(d)) {
      w.doc(f.doc);
      const ty = initType(w, f.type);
      w.line(
        `readonly ${propKey(camel(f.name))}${f.required ? '' : '?'}: ${f.required ? ty.replace(/ \| null$/, '') : ty};`,
      );
    }
  });
  w.line();
}

export function emitUnionValue(w: ModuleWriter, u: UnionModel): void {
  const variant = (suffix: 'Value' | 'Init'): string =>
    u.members.length === 0
      ? 'never'
      : u.members
          .map((m) => `\n  | { readonly type: '${m.name}'; readonly value: ${ref(w, m.table, 'type', suffix)} }`)
          .join('');
  w.doc([`A \`${u.name}\` union member as a plain value, discriminated by \`type\`.`]);
  w.line(`export type ${u.name}Value =${variant('Value')};`);
  w.line();
  w.doc([`Input form of a \`${u.name}\` union member.`]);
  w.line(`export type ${u.name}Init =${variant('Init')};`);
  w.line();
}

/** Statics appended inside a table class. */
export function emitValueStatics(
  w: ModuleWriter,
  t: TableModel,
  fileIdentifier: string | undefined,
  isRoot: boolean,
): void {
  const fb = w.fb('type');
  const n = t.name;
  const fields = liveFields(t);

  w.doc([
    `Reads a finished buffer whose root is a \`${n}\` into a plain value (byte vectors are views into \`bytes\`).`,
  ]);
  w.block(`static decode(bytes: Uint8Array): ${n}Value`, () => {
    w.line(`return ${n}.toValue(${n}.getRootAs${n}(new ${w.fb('value')}.ByteBuffer(bytes)));`);
  });
  w.line();

  w.doc([`Copies every field of \`obj\` into a plain value.`]);
  w.block(`static toValue(obj: ${n}): ${n}Value`, () => {
    if (fields.length === 0) {
      w.line('return {};');
      return;
    }
    w.line('const bb = obj.bb!;');
    w.line('const pos = obj.bb_pos;');
    for (const f of fields) readField(w, f);
    w.line(`return { ${fields.map((f) => `${propKey(camel(f.name))}: ${local(f)}`).join(', ')} };`);
  });
  w.line();

  w.doc([`Writes \`value\` (and everything it contains) into \`builder\`; returns the table's offset.`]);
  w.block(`static pack(builder: ${fb}.Builder, value: ${n}Init): ${fb}.Offset`, () => {
    for (const f of fields) prepareField(w, f);
    w.line(`builder.startObject(${t.slotCount});`);
    for (const f of fields) addField(w, t, f);
    w.line(`return ${n}.end${n}(builder);`);
  });
  w.line();

  const id = isRoot && fileIdentifier !== undefined ? `, ${JSON.stringify(fileIdentifier)}` : '';
  w.doc([
    `Encodes \`value\` as a finished buffer with \`${n}\` as its root${id ? ` (file identifier ${JSON.stringify(fileIdentifier)})` : ''}.`,
  ]);
  w.block(
    `static encode(value: ${n}Init, builder: ${fb}.Builder = new ${w.fb('value')}.Builder(256)): Uint8Array`,
    () => {
      w.line('builder.clear();');
      w.line(`builder.finish(${n}.pack(builder, value)${id});`);
      w.line('return builder.asUint8Array();');
    },
  );
  w.line();
}

function local(f: FieldModel): string {
  return `f_${camel(f.name)}`;
}

function readField(w: ModuleWriter, f: FieldModel): void {
  const v = local(f);
  const vo = 4 + 2 * f.id;
  const o = `o_${camel(f.name)}`;
  const t = f.type;
  if (t.kind === 'union') {
    const u = t.union;
    const U = ref(w, u, 'value');
    w.line(`const ${o} = bb.__offset(pos, ${vo});`);
    w.line(`const ${o}t = bb.__offset(pos, ${vo - 2});`);
    w.line(`let ${v}: ${ref(w, u, 'type', 'Value')} | null = null;`);
    w.block(`if (${o} && ${o}t)`, () => {
      w.line(`const at = bb.__indirect(pos + ${o});`);
      w.block(`switch (bb.readUint8(pos + ${o}t))`, () => {
        for (const m of u.members) {
          const C = ref(w, m.table, 'value');
          w.line(
            `case ${U}.${m.name}: ${v} = { type: '${m.name}', value: ${C}.toValue(new ${C}().__init(at, bb)) }; break;`,
          );
        }
        w.line('default: break; // a member this schema does not know yet: read as absent');
      });
    });
    return;
  }
  w.line(`const ${o} = bb.__offset(pos, ${vo});`);
  switch (t.kind) {
    case 'scalar':
    case 'enum': {
      const read = `bb.${readFn(t.scalar)}(pos + ${o})`;
      const def = defaultLiteral(w, f.defaultValue, t.kind === 'enum' ? t.enum : undefined);
      w.line(`const ${v} = ${o} ? ${t.scalar === 'bool' ? `!!${read}` : read} : ${def};`);
      break;
    }
    case 'string':
      if (f.required)
        w.line(
          `const ${v} = ${support(w, 'readString')}(bb, pos + ${support(w, 'requiredOffset')}(${o}, '${f.name}'));`,
        );
      else w.line(`const ${v} = ${o} ? ${support(w, 'readString')}(bb, pos + ${o}) : null;`);
      break;
    case 'struct': {
      const C = ref(w, t.struct, 'value');
      w.line(`const ${v} = ${o} ? ${C}.toValue(new ${C}().__init(pos + ${o}, bb)) : null;`);
      break;
    }
    case 'table': {
      const C = ref(w, t.table, 'value');
      w.line(`const ${v} = ${o} ? ${C}.toValue(new ${C}().__init(bb.__indirect(pos + ${o}), bb)) : null;`);
      break;
    }
    case 'vector': {
      const e = t.elem;
      if (isByteVector(e)) {
        const ta = typedArray((e as { scalar: 'uint8' }).scalar)!;
        w.line(
          `const ${v} = ${o} ? new ${ta}(bb.bytes().buffer, bb.bytes().byteOffset + bb.__vector(pos + ${o}), bb.__vector_len(pos + ${o})) : null;`,
        );
        break;
      }
      w.line(`const ${v}: ${elemValueType(w, e)}[] = [];`);
      w.block(`if (${o})`, () => {
        w.line(`const base = bb.__vector(pos + ${o});`);
        w.line(`const len = bb.__vector_len(pos + ${o});`);
        switch (e.kind) {
          case 'scalar':
          case 'enum': {
            const size = SCALAR_SIZE[e.scalar];
            const read = `bb.${readFn(e.scalar)}(base + i${size > 1 ? ` * ${size}` : ''})`;
            w.line(`for (let i = 0; i < len; i++) ${v}.push(${e.scalar === 'bool' ? `!!${read}` : read});`);
            break;
          }
          case 'string':
            w.line(`for (let i = 0; i < len; i++) ${v}.push(${support(w, 'readString')}(bb, base + i * 4));`);
            break;
          case 'table': {
            const C = ref(w, e.table, 'value');
            w.line(`const el = new ${C}();`);
            w.line(
              `for (let i = 0; i < len; i++) ${v}.push(${C}.toValue(el.__init(bb.__indirect(base + i * 4), bb)));`,
            );
            break;
          }
          case 'struct': {
            const C = ref(w, e.struct, 'value');
            w.line(`const el = new ${C}();`);
            w.line(
              `for (let i = 0; i < len; i++) ${v}.push(${C}.toValue(el.__init(base + i * ${e.struct.size}, bb)));`,
            );
            break;
          }
        }
      });
      break;
    }
  }
}

/** Offsets that must exist before `startObject`: strings, vectors, tables, union members. */
function prepareField(w: ModuleWriter, f: FieldModel): void {
  const t = f.type;
  const key = `value.${camel(f.name)}`;
  const v = local(f);
  switch (t.kind) {
    case 'string':
      w.line(`const ${v} = ${key} != null ? ${support(w, 'writeString')}(builder, ${key}) : 0;`);
      break;
    case 'table': {
      const C = ref(w, t.table, 'value');
      w.line(`const ${v} = ${key} != null ? ${C}.pack(builder, ${key}) : 0;`);
      break;
    }
    case 'union': {
      const u = t.union;
      w.line(`let ${v} = 0;`);
      w.line(`const ${v}u = ${key};`);
      w.block(`if (${v}u != null)`, () => {
        w.block(`switch (${v}u.type)`, () => {
          for (const m of u.members) {
            w.line(`case '${m.name}': ${v} = ${ref(w, m.table, 'value')}.pack(builder, ${v}u.value); break;`);
          }
        });
      });
      break;
    }
    case 'vector': {
      const e = t.elem;
      w.line(`let ${v} = 0;`);
      w.line(`const ${v}v = ${key};`);
      w.block(`if (${v}v != null)`, () => {
        switch (e.kind) {
          case 'scalar':
          case 'enum': {
            const size = SCALAR_SIZE[e.scalar];
            if (isByteVector(e)) {
              w.line(`${v} = ${support(w, 'writeBytes')}(builder, ${v}v);`);
            } else {
              w.line(`builder.startVector(${size}, ${v}v.length, ${size});`);
              w.line(
                `for (let i = ${v}v.length - 1; i >= 0; i--) builder.write${builderKind(e.scalar)}(${e.scalar === 'bool' ? `+${v}v[i]!` : `${v}v[i]!`});`,
              );
              w.line(`${v} = builder.endVector();`);
            }
            break;
          }
          case 'string':
            w.line(`const offs: number[] = new Array(${v}v.length);`);
            w.line(
              `for (let i = 0; i < ${v}v.length; i++) offs[i] = ${support(w, 'writeString')}(builder, ${v}v[i]!);`,
            );
            w.line(`${v} = ${support(w, 'writeOffsets')}(builder, offs);`);
            break;
          case 'table': {
            const C = ref(w, e.table, 'value');
            w.line(`const offs: number[] = new Array(${v}v.length);`);
            w.line(`for (let i = 0; i < ${v}v.length; i++) offs[i] = ${C}.pack(builder, ${v}v[i]!);`);
            w.line(`${v} = ${support(w, 'writeOffsets')}(builder, offs);`);
            break;
          }
          case 'struct': {
            const C = ref(w, e.struct, 'value');
            w.line(`builder.startVector(${e.struct.size}, ${v}v.length, ${e.struct.align});`);
            w.line(`for (let i = ${v}v.length - 1; i >= 0; i--) ${C}.pack(builder, ${v}v[i]!);`);
            w.line(`${v} = builder.endVector();`);
            break;
          }
        }
      });
      break;
    }
    default:
      break;
  }
}

function addField(w: ModuleWriter, t: TableModel, f: FieldModel): void {
  const key = `value.${camel(f.name)}`;
  const v = local(f);
  const P = pascal(f.name);
  const ft = f.type;
  switch (ft.kind) {
    case 'scalar':
    case 'enum':
      w.line(`if (${key} != null) ${t.name}.add${P}(builder, ${key});`);
      break;
    case 'struct': {
      const C = ref(w, ft.struct, 'value');
      w.line(`if (${key} != null) ${t.name}.add${P}(builder, ${C}.pack(builder, ${key}));`);
      break;
    }
    case 'union': {
      const U = ref(w, ft.union, 'value');
      w.block(`if (${v} !== 0)`, () => {
        w.line(`${t.name}.add${P}Type(builder, ${U}[${v}u!.type]);`);
        w.line(`${t.name}.add${P}(builder, ${v});`);
      });
      break;
    }
    default:
      w.line(`if (${v} !== 0) ${t.name}.add${P}(builder, ${v});`);
  }
}

/** Statics appended inside a struct class. */
export function emitStructStatics(w: ModuleWriter, s: StructModel): void {
  const fb = w.fb('type');
  w.doc([`Copies the struct into a plain value.`]);
  w.block(`static toValue(obj: ${s.name}): ${s.name}Value`, () => {
    const parts = s.fields.map((f) => {
      const name = camel(f.name);
      const t = f.type;
      if (t.kind === 'struct') return `${propKey(name)}: ${ref(w, t.struct, 'value')}.toValue(obj.${name}())`;
      if (t.kind === 'array') {
        const e = t.elem;
        const inner = e.kind === 'struct' ? `${ref(w, e.struct, 'value')}.toValue(obj.${name}(i)!)` : `obj.${name}(i)!`;
        return `${propKey(name)}: Array.from({ length: ${t.length} }, (_, i) => ${inner})`;
      }
      return `${propKey(name)}: obj.${name}()`;
    });
    w.line(`return { ${parts.join(', ')} };`);
  });
  w.line();
  w.doc([`Writes \`value\` inline at the builder's position (inside a table or a vector being built).`]);
  w.block(`static pack(builder: ${fb}.Builder, value: ${s.name}Value): ${fb}.Offset`, () => {
    w.line(`return ${s.name}.create${s.name}(builder, ${structArgsFrom(w, s, 'value', false).join(', ')});`);
  });
  w.line();
}
