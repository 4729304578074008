/**
 * Phase 3a — flyweight emitter: the flatc-shaped API (what `flatc --ts` prints for the same schema):
 * reader classes over a ByteBuffer, static builder functions, enums, and union helpers.
 *
 * The shape is kept identical on purpose (names, parameters, return types) so code and tests written
 * against flatc's output run unchanged against ours.
 */
import {
  builderKind,
  defaultLiteral,
  readFn,
  ref,
  scalarOrEnumTs,
  structArgsFrom,
  scalarTs,
  typedArray,
} from './emit-common.js';
import type { Layers } from './layers.js';
import type { EnumModel, FieldModel, StructFieldModel, StructModel, TableModel, UnionModel } from './model.js';
import { SCALAR_SIZE, is64 } from './model.js';
import { camel, param, pascal } from './names.js';
import type { ModuleWriter } from './printer.js';

/** Strings read without an encoding argument take the ASCII fast path of `_support.ts`. */
function readStr(w: ModuleWriter): string {
  return w.ref('./_support.js', 'readString', 'value', '__readString');
}

export function emitEnum(w: ModuleWriter, e: EnumModel): void {
  w.doc(e.doc, e.bitFlags ? ['(bit_flags: each value is a mask; combine them with `|`.)'] : []);
  w.block(`export enum ${e.name}`, () => {
    e.values.forEach((v, i) => {
      w.doc(v.doc);
      w.line(`${v.name} = ${v.value}${i < e.values.length - 1 ? ',' : ''}`);
    });
  });
  w.line();
}

export function emitUnionEnum(w: ModuleWriter, u: UnionModel): void {
  w.doc(u.doc);
  w.block(`export enum ${u.name}`, () => {
    w.line(`NONE = 0${u.members.length > 0 ? ',' : ''}`);
    u.members.forEach((m, i) => {
      w.doc(m.doc);
      w.line(`${m.name} = ${m.value}${i < u.members.length - 1 ? ',' : ''}`);
    });
  });
  w.line();
  const tables = [...new Set(u.members.map((m) => ref(w, m.table, 'value')))];
  const all = tables.length > 0 ? tables.join('|') : 'never';
  const cases = (call: string): void => {
    w.line(`switch (${u.name}[type]) {`);
    w.line(`  case 'NONE': return null;`);
    for (const m of u.members) {
      w.line(
        `  case '${m.name}': return ${call.replace('$', `new ${ref(w, m.table, 'value')}()`)}! as ${ref(w, m.table, 'type')};`,
      );
    }
    w.line('  default: return null;');
    w.line('}');
  };
  w.doc([`Reads the member of a \`${u.name}\` field as the class its type tag names (null for NONE).`]);
  w.block(
    `export function unionTo${u.name}(type: ${u.name}, accessor: (obj: ${all}) => ${all}|null): ${all}|null`,
    () => cases('accessor($)'),
  );
  w.line();
  w.block(
    `export function unionListTo${u.name}(type: ${u.name}, accessor: (index: number, obj: ${all}) => ${all}|null, index: number): ${all}|null`,
    () => cases('accessor(index, $)'),
  );
  w.line();
}

function classHead(w: ModuleWriter, name: string): void {
  const fb = w.fb('type');
  w.line(`bb: ${fb}.ByteBuffer|null = null;`);
  w.line('bb_pos = 0;');
  w.line();
  w.block(`__init(i: number, bb: ${fb}.ByteBuffer): ${name}`, () => {
    w.line('this.bb_pos = i;');
    w.line('this.bb = bb;');
    w.line('return this;');
  });
  w.line();
}

/** flatc's readers implement the object API's interface; ours only when that layer is emitted. */
function implementsClause(w: ModuleWriter, name: string, l: Layers): string {
  return l.objectApi ? ` implements ${w.fb('type')}.IUnpackableObject<${name}T>` : '';
}

export function emitStruct(w: ModuleWriter, s: StructModel, l: Layers, extra?: () => void): void {
  const fb = w.fb('type');
  w.doc(s.doc);
  w.block(`export class ${s.name}${implementsClause(w, s.name, l)}`, () => {
    classHead(w, s.name);
    for (const f of s.fields) {
      w.doc(f.doc);
      const at = f.offset === 0 ? 'this.bb_pos' : `this.bb_pos + ${f.offset}`;
      const t = f.type;
      if (t.kind === 'struct') {
        const c = ref(w, t.struct, 'value');
        w.block(`${camel(f.name)}(obj?: ${c}): ${c}`, () =>
          w.line(`return (obj || new ${c}()).__init(${at}, this.bb!);`),
        );
      } else if (t.kind === 'array') {
        const e = t.elem;
        if (e.kind === 'struct') {
          const c = ref(w, e.struct, 'value');
          w.block(`${camel(f.name)}(index: number, obj?: ${c}): ${c}|null`, () =>
            w.line(`return (obj || new ${c}()).__init(${at} + index * ${e.struct.size}, this.bb!);`),
          );
        } else if (e.kind === 'scalar' || e.kind === 'enum') {
          const size = SCALAR_SIZE[e.scalar];
          const read = `this.bb!.${readFn(e.scalar)}(${at} + index * ${size})`;
          w.block(`${camel(f.name)}(index: number): ${scalarOrEnumTs(w, e)}|null`, () =>
            w.line(`return ${e.scalar === 'bool' ? `!!${read}` : read};`),
          );
        }
      } else {
        const read = `this.bb!.${readFn(t.scalar)}(${at})`;
        w.block(`${camel(f.name)}(): ${scalarOrEnumTs(w, t)}`, () =>
          w.line(`return ${t.scalar === 'bool' ? `!!${read}` : read};`),
        );
      }
      w.line();
    }
    w.block('static sizeOf(): number', () => w.line(`return ${s.size};`));
    w.line();
    const params = structParams(w, s, '', l);
    w.block(
      `static create${s.name}(builder: ${fb}.Builder, ${params.map((p) => `${p.name}: ${p.type}`).join(', ')}): ${fb}.Offset`,
      () => {
        writeStructBody(w, s, '', l);
        w.line('return builder.offset();');
      },
    );
    w.line();
    extra?.();
  });
  w.line();
}

/** Flattened constructor parameters of a struct: nested struct fields become `outer_inner`. */
function structParams(w: ModuleWriter, s: StructModel, prefix: string, l: Layers): { name: string; type: string }[] {
  const out: { name: string; type: string }[] = [];
  for (const f of s.fields) {
    const t = f.type;
    const n = prefix + camel(f.name);
    if (t.kind === 'struct') out.push(...structParams(w, t.struct, `${n}_`, l));
    else if (t.kind === 'array') {
      const e = t.elem;
      if (e.kind === 'struct') {
        const value = ref(w, e.struct, 'type', 'Value');
        const el = l.objectApi ? `${value}|${ref(w, e.struct, 'value', 'T')}` : value;
        out.push({ name: param(n), type: `readonly (${el})[]|null` });
      } else out.push({ name: param(n), type: `readonly ${scalarOrEnumTs(w, e)}[]|null` });
    } else out.push({ name: param(n), type: scalarOrEnumTs(w, t) });
  }
  return out;
}

function writeStructBody(w: ModuleWriter, s: StructModel, prefix: string, l: Layers): void {
  w.line(`builder.prep(${s.align}, ${s.size});`);
  for (const f of [...s.fields].reverse()) {
    if (f.padding > 0) w.line(`builder.pad(${f.padding});`);
    writeStructField(w, f, prefix, l);
  }
}

function writeStructField(w: ModuleWriter, f: StructFieldModel, prefix: string, l: Layers): void {
  const t = f.type;
  const n = prefix + camel(f.name);
  if (t.kind === 'struct') {
    writeStructBody(w, t.struct, `${n}_`, l);
  } else if (t.kind === 'array') {
    const e = t.elem;
    if (e.kind === 'scalar' || e.kind === 'enum') {
      const zero = e.scalar === 'bool' ? 'false' : is64(e.scalar) ? '0n' : '0';
      w.block(`for (let i = ${t.length - 1}; i >= 0; i--)`, () => {
        const v = `(${param(n)}?.[i] ?? ${zero})`;
        w.line(`builder.write${builderKind(e.scalar)}(${e.scalar === 'bool' ? `+${v}` : v});`);
      });
    } else if (e.kind === 'struct') {
      const S = ref(w, e.struct, 'value');
      w.block(`for (let i = ${t.length - 1}; i >= 0; i--)`, () => {
        w.line(`const item = ${param(n)}?.[i];`);
        if (l.objectApi) {
          w.block(`if (item instanceof ${ref(w, e.struct, 'value', 'T')})`, () => {
            w.line('item.pack(builder);');
            w.line('continue;');
          });
        }
        w.line(`${S}.create${e.struct.name}(builder, ${structArgsFrom(w, e.struct, 'item', true).join(', ')});`);
      });
    }
  } else {
    const v = param(n);
    w.line(`builder.write${builderKind(t.scalar)}(${t.scalar === 'bool' ? `+${v}` : v});`);
  }
}

/** Fields that get accessors and builder functions (deprecated ones keep their slot only). */
export function liveFields(t: TableModel): FieldModel[] {
  return t.fields.filter((f) => !f.deprecated);
}

export function emitTable(
  w: ModuleWriter,
  t: TableModel,
  fileIdentifier: string | undefined,
  isRoot: boolean,
  l: Layers,
  extra?: () => void,
): void {
  const fb = w.fb('type');
  const n = t.name;
  w.doc(t.doc);
  w.block(`export class ${n}${implementsClause(w, n, l)}`, () => {
    classHead(w, n);
    w.block(`static getRootAs${n}(bb: ${fb}.ByteBuffer, obj?: ${n}): ${n}`, () =>
      w.line(`return (obj || new ${n}()).__init(bb.readInt32(bb.position()) + bb.position(), bb);`),
    );
    w.line();
    w.block(`static getSizePrefixedRootAs${n}(bb: ${fb}.ByteBuffer, obj?: ${n}): ${n}`, () => {
      w.line(`bb.setPosition(bb.position() + ${w.fb('value')}.SIZE_PREFIX_LENGTH);`);
      w.line(`return (obj || new ${n}()).__init(bb.readInt32(bb.position()) + bb.position(), bb);`);
    });
    w.line();
    if (isRoot && fileIdentifier !== undefined) {
      w.block(`static bufferHasIdentifier(bb: ${fb}.ByteBuffer): boolean`, () =>
        w.line(`return bb.__has_identifier(${JSON.stringify(fileIdentifier)});`),
      );
      w.line();
    }
    for (const f of liveFields(t)) emitAccessors(w, f);
    w.block(`static start${n}(builder: ${fb}.Builder)`, () => w.line(`builder.startObject(${t.slotCount});`));
    w.line();
    for (const f of liveFields(t)) emitAdders(w, f);
    w.block(`static end${n}(builder: ${fb}.Builder): ${fb}.Offset`, () => {
      w.line('const offset = builder.endObject();');
      for (const f of liveFields(t)) {
        if (f.required) w.line(`builder.requiredField(offset, ${4 + 2 * f.id}); // ${f.name}`);
      }
      w.line('return offset;');
    });
    w.line();
    if (isRoot) {
      const id = fileIdentifier !== undefined ? `, ${JSON.stringify(fileIdentifier)}` : '';
      w.block(`static finish${n}Buffer(builder: ${fb}.Builder, offset: ${fb}.Offset)`, () =>
        w.line(`builder.finish(offset${id});`),
      );
      w.line();
      w.block(`static finishSizePrefixed${n}Buffer(builder: ${fb}.Builder, offset: ${fb}.Offset)`, () =>
        w.line(`builder.finish(offset${id || ', undefined'}, true);`),
      );
      w.line();
    }
    // flatc leaves out the all-in-one constructor when a struct field must be built inline.
    if (!liveFields(t).some((f) => f.type.kind === 'struct')) {
      const ps: string[] = [];
      const calls: string[] = [];
      for (const f of liveFields(t)) {
        const p = param(f.name);
        const k = f.type.kind;
        if (k === 'scalar' || k === 'enum') {
          const ty = scalarOrEnumTs(w, f.type);
          ps.push(`${p}: ${ty}${f.defaultValue === null ? '|null' : ''}`);
          calls.push(
            f.defaultValue === null
              ? `if (${p} !== null) ${n}.add${pascal(f.name)}(builder, ${p});`
              : `${n}.add${pascal(f.name)}(builder, ${p});`,
          );
        } else if (k === 'union') {
          ps.push(`${p}Type: ${ref(w, (f.type as { union: UnionModel }).union, 'type')}`);
          ps.push(`${p}Offset: ${fb}.Offset`);
          calls.push(`${n}.add${pascal(f.name)}Type(builder, ${p}Type);`);
          calls.push(`${n}.add${pascal(f.name)}(builder, ${p}Offset);`);
        } else {
          ps.push(`${p}Offset: ${fb}.Offset`);
          calls.push(`${n}.add${pascal(f.name)}(builder, ${p}Offset);`);
        }
      }
      w.block(`static create${n}(builder: ${fb}.Builder${ps.map((p) => `, ${p}`).join('')}): ${fb}.Offset`, () => {
        w.line(`${n}.start${n}(builder);`);
        for (const c of calls) w.line(c);
        w.line(`return ${n}.end${n}(builder);`);
      });
      w.line();
    }
    extra?.();
  });
  w.line();
}

function emitAccessors(w: ModuleWriter, f: FieldModel): void {
  const fb = w.fb('type');
  const name = camel(f.name);
  const vo = 4 + 2 * f.id;
  const off = `const offset = this.bb!.__offset(this.bb_pos, ${vo});`;
  const t = f.type;
  switch (t.kind) {
    case 'scalar':
    case 'enum': {
      const ty = scalarOrEnumTs(w, t);
      const read = `this.bb!.${readFn(t.scalar)}(this.bb_pos + offset)`;
      const r = t.scalar === 'bool' ? `!!${read}` : read;
      w.doc(f.doc);
      w.block(`${name}(): ${ty}${f.defaultValue === null ? '|null' : ''}`, () => {
        w.line(off);
        w.line(`return offset ? ${r} : ${defaultLiteral(w, f.defaultValue, t.kind === 'enum' ? t.enum : undefined)};`);
      });
      break;
    }
    case 'string':
      w.doc(f.doc);
      if (f.required) {
        // Required: never null for a valid buffer; an invalid one throws instead of reading garbage.
        w.line(`${name}(): string`);
        w.line(`${name}(optionalEncoding: ${fb}.Encoding): string|Uint8Array`);
        w.block(`${name}(optionalEncoding?: any): string|Uint8Array`, () => {
          w.line(off);
          w.line(`if (!offset) throw new Error('required field ${f.name} is missing');`);
          w.line(
            `return optionalEncoding === undefined ? ${readStr(w)}(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);`,
          );
        });
      } else {
        w.line(`${name}(): string|null`);
        w.line(`${name}(optionalEncoding: ${fb}.Encoding): string|Uint8Array|null`);
        w.block(`${name}(optionalEncoding?: any): string|Uint8Array|null`, () => {
          w.line(off);
          w.line('if (!offset) return null;');
          w.line(
            `return optionalEncoding === undefined ? ${readStr(w)}(this.bb!, this.bb_pos + offset) : this.bb!.__string(this.bb_pos + offset, optionalEncoding);`,
          );
        });
      }
      w.line();
      emitStringSpan(w, f.name, off);
      break;
    case 'struct': {
      const c = ref(w, t.struct, 'value');
      w.doc(f.doc);
      w.block(`${name}(obj?: ${c}): ${c}|null`, () => {
        w.line(off);
        w.line(`return offset ? (obj || new ${c}()).__init(this.bb_pos + offset, this.bb!) : null;`);
      });
      break;
    }
    case 'table': {
      const c = ref(w, t.table, 'value');
      w.doc(f.doc);
      w.block(`${name}(obj?: ${c}): ${c}|null`, () => {
        w.line(off);
        w.line(
          `return offset ? (obj || new ${c}()).__init(this.bb!.__indirect(this.bb_pos + offset), this.bb!) : null;`,
        );
      });
      break;
    }
    case 'union': {
      const u = ref(w, t.union, 'value');
      w.block(`${name}Type(): ${u}`, () => {
        w.line(`const offset = this.bb!.__offset(this.bb_pos, ${vo - 2});`);
        w.line(`return offset ? this.bb!.readUint8(this.bb_pos + offset) : ${u}.NONE;`);
      });
      w.line();
      w.doc(f.doc);
      w.block(`${name}<T extends ${fb}.Table>(obj: any): any|null`, () => {
        w.line(off);
        w.line('return offset ? this.bb!.__union(obj, this.bb_pos + offset) : null;');
      });
      break;
    }
    case 'vector': {
      const e = t.elem;
      const base = 'this.bb!.__vector(this.bb_pos + offset)';
      w.doc(f.doc);
      if (e.kind === 'scalar' || e.kind === 'enum') {
        const size = SCALAR_SIZE[e.scalar];
        const ty = scalarOrEnumTs(w, e);
        const read = `this.bb!.${readFn(e.scalar)}(${base} + index${size > 1 ? ` * ${size}` : ''})`;
        const zero = e.kind === 'enum' ? 'null' : e.scalar === 'bool' ? 'false' : is64(e.scalar) ? 'BigInt(0)' : '0';
        w.block(`${name}(index: number): ${ty}|null`, () => {
          w.line(off);
          w.line(`return offset ? ${e.scalar === 'bool' ? `!!${read}` : read} : ${zero};`);
        });
      } else if (e.kind === 'string') {
        w.line(`${name}(index: number): string`);
        w.line(`${name}(index: number, optionalEncoding: ${fb}.Encoding): string|Uint8Array`);
        w.block(`${name}(index: number, optionalEncoding?: any): string|Uint8Array|null`, () => {
          w.line(off);
          w.line('if (!offset) return null;');
          w.line(
            `return optionalEncoding === undefined ? ${readStr(w)}(this.bb!, ${base} + index * 4) : this.bb!.__string(${base} + index * 4, optionalEncoding);`,
          );
        });
      } else if (e.kind === 'table') {
        const c = ref(w, e.table, 'value');
        w.block(`${name}(index: number, obj?: ${c}): ${c}|null`, () => {
          w.line(off);
          w.line(
            `return offset ? (obj || new ${c}()).__init(this.bb!.__indirect(${base} + index * 4), this.bb!) : null;`,
          );
        });
      } else {
        const c = ref(w, e.struct, 'value');
        w.block(`${name}(index: number, obj?: ${c}): ${c}|null`, () => {
          w.line(off);
          w.line(`return offset ? (obj || new ${c}()).__init(${base} + index * ${e.struct.size}, this.bb!) : null;`);
        });
      }
      w.line();
      w.block(`${name}Length(): number`, () => {
        w.line(off);
        w.line('return offset ? this.bb!.__vector_len(this.bb_pos + offset) : 0;');
      });
      // Like flatc: a typed-array view for every scalar vector but 64-bit ones (bool reads as Int8Array).
      if ((e.kind === 'scalar' || e.kind === 'enum') && !is64(e.scalar)) {
        const ta = typedArray(e.scalar === 'bool' ? 'int8' : e.scalar)!;
        w.line();
        w.block(`${name}Array(): ${ta}|null`, () => {
          w.line(off);
          w.line(
            `return offset ? new ${ta}(this.bb!.bytes().buffer, this.bb!.bytes().byteOffset + ${base}, this.bb!.__vector_len(this.bb_pos + offset)) : null;`,
          );
        });
      }
      break;
    }
  }
  w.line();
}

/**
 * `<field>ByteStart()` / `<field>ByteLength()`: where a string field's UTF-8 bytes lie in
 * `bb.bytes()`. Code that compares or copies a string without turning it into a JS string (the
 * runner matches a header name among hundreds on its bytes) reads the span here, so no vtable slot
 * or string layout is ever written by hand beside the codecs. Both allocate nothing (unlike
 * `<field>(Encoding.UTF8_BYTES)`, which makes a view object).
 */
function emitStringSpan(w: ModuleWriter, fieldName: string, off: string): void {
  const name = camel(fieldName);
  // A string field holds a uoffset to [int32 byte length][bytes][0].
  const at = 'this.bb!.__indirect(this.bb_pos + offset)';
  w.doc([
    `Absolute offset in \`bb.bytes()\` of the first UTF-8 byte of \`${fieldName}\`, -1 when absent; with`,
    `\`${name}ByteLength()\` it lets hot code compare or copy the bytes in place, allocating nothing.`,
  ]);
  w.block(`${name}ByteStart(): number`, () => {
    w.line(off);
    w.line(`return offset ? ${at} + 4 : -1;`);
  });
  w.line();
  w.doc([
    `Length in bytes of \`${fieldName}\` as stored (UTF-8, not JS string units), 0 when absent; allocates`,
    `nothing (the bytes: \`bb.bytes().subarray(start, start + length)\`, without the terminating 0).`,
  ]);
  w.block(`${name}ByteLength(): number`, () => {
    w.line(off);
    w.line(`return offset ? this.bb!.readInt32(${at}) : 0;`);
  });
}

function emitAdders(w: ModuleWriter, f: FieldModel): void {
  const fb = w.fb('type');
  const P = pascal(f.name);
  const p = param(f.name);
  const t = f.type;
  switch (t.kind) {
    case 'scalar':
    case 'enum': {
      const ty = scalarOrEnumTs(w, t);
      const def = defaultLiteral(w, f.defaultValue, t.kind === 'enum' ? t.enum : undefined);
      const v = t.scalar === 'bool' ? `+${p}` : p;
      const d = t.scalar === 'bool' && f.defaultValue !== null ? `+${def}` : def;
      w.block(`static add${P}(builder: ${fb}.Builder, ${p}: ${ty})`, () =>
        w.line(`builder.addField${builderKind(t.scalar)}(${f.id}, ${v}, ${d});`),
      );
      break;
    }
    case 'union': {
      const u = ref(w, t.union, 'type');
      w.block(`static add${P}Type(builder: ${fb}.Builder, ${p}Type: ${u})`, () =>
        w.line(`builder.addFieldInt8(${f.id - 1}, ${p}Type, 0);`),
      );
      w.line();
      w.block(`static add${P}(builder: ${fb}.Builder, ${p}Offset: ${fb}.Offset)`, () =>
        w.line(`builder.addFieldOffset(${f.id}, ${p}Offset, 0);`),
      );
      break;
    }
    case 'struct':
      w.block(`static add${P}(builder: ${fb}.Builder, ${p}Offset: ${fb}.Offset)`, () =>
        w.line(`builder.addFieldStruct(${f.id}, ${p}Offset, 0);`),
      );
      break;
    default:
      w.block(`static add${P}(builder: ${fb}.Builder, ${p}Offset: ${fb}.Offset)`, () =>
        w.line(`builder.addFieldOffset(${f.id}, ${p}Offset, 0);`),
      );
  }
  w.line();
  if (t.kind !== 'vector') return;
  const e = t.elem;
  let size: number;
  let align: number;
  if (e.kind === 'scalar' || e.kind === 'enum') size = align = SCALAR_SIZE[e.scalar];
  else if (e.kind === 'struct') {
    size = e.struct.size;
    align = e.struct.align;
  } else size = align = 4;
  if (e.kind !== 'struct') {
    let dataTy: string;
    let add: string;
    if (e.kind === 'scalar' || e.kind === 'enum') {
      const ta = typedArray(e.scalar);
      const el = e.kind === 'enum' ? ref(w, e.enum, 'type') : scalarTs(e.scalar);
      dataTy = `readonly ${el}[]${ta ? `|${ta}` : ''}`;
      // startVector reserved and aligned the space: write elements without re-checking it.
      add = `builder.write${builderKind(e.scalar)}(${e.scalar === 'bool' ? '+data[i]!' : 'data[i]!'});`;
    } else {
      dataTy = `readonly ${fb}.Offset[]`;
      add = 'builder.writeInt32(builder.offset() - data[i]! + 4);';
    }
    w.block(`static create${P}Vector(builder: ${fb}.Builder, data: ${dataTy}): ${fb}.Offset`, () => {
      // Same bytes as the loop below, copied in one go (bodies can be large).
      if (e.kind === 'scalar' && e.scalar === 'uint8')
        w.line('if (data instanceof Uint8Array) return builder.createByteVector(data);');
      if (e.kind === 'scalar' && e.scalar === 'int8')
        w.line(
          'if (data instanceof Int8Array) return builder.createByteVector(new Uint8Array(data.buffer, data.byteOffset, data.length));',
        );
      w.line(`builder.startVector(${size}, data.length, ${align});`);
      w.block('for (let i = data.length - 1; i >= 0; i--)', () => w.line(add));
      w.line('return builder.endVector();');
    });
    w.line();
  }
  w.block(`static start${P}Vector(builder: ${fb}.Builder, numElems: number)`, () =>
    w.line(`builder.startVector(${size}, numElems, ${align});`),
  );
  w.line();
}
