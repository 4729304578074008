/**
 * Phase 3c — object-API emitter: flatc's `--gen-object-api` surface, kept for compatibility with
 * code written against flatc: `obj.unpack()` / `obj.unpackTo(t)` on readers and mutable `<T>T`
 * classes with `pack(builder)`. (a6kit's own plain-value API is in emit-values.ts.)
 */
import { defaultLiteral, ref, refNamed, scalarOrEnumTs, structArgsFrom } from './emit-common.js';
import { liveFields } from './emit-flyweight.js';
import type { FieldModel, StructModel, TableModel } from './model.js';
import { camel, pascal } from './names.js';
import type { ModuleWriter } from './printer.js';

function tType(w: ModuleWriter, f: FieldModel): string {
  const t = f.type;
  switch (t.kind) {
    case 'scalar':
    case 'enum':
      return scalarOrEnumTs(w, t) + (f.defaultValue === null ? '|null' : '');
    case 'string':
      return 'string|Uint8Array|null';
    case 'struct':
      return `${ref(w, t.struct, 'type', 'T')}|null`;
    case 'table':
      return `${ref(w, t.table, 'type', 'T')}|null`;
    case 'union': {
      const names = [...new Set(t.union.members.map((m) => ref(w, m.table, 'type', 'T')))];
      return `${names.length ? names.join('|') : 'never'}|null`;
    }
    case 'vector': {
      const e = t.elem;
      const el =
        e.kind === 'string'
          ? 'string'
          : e.kind === 'table'
            ? ref(w, e.table, 'type', 'T')
            : e.kind === 'struct'
              ? ref(w, e.struct, 'type', 'T')
              : scalarOrEnumTs(w, e);
      return `(${el})[]`;
    }
  }
}

function tDefault(w: ModuleWriter, f: FieldModel): string {
  const t = f.type;
  if (t.kind === 'scalar' || t.kind === 'enum')
    return defaultLiteral(w, f.defaultValue, t.kind === 'enum' ? t.enum : undefined);
  if (t.kind === 'vector') return '[]';
  return 'null';
}

/** The expression `unpack` uses for one field. */
function unpackExpr(w: ModuleWriter, f: FieldModel): string {
  const n = camel(f.name);
  const t = f.type;
  switch (t.kind) {
    case 'struct':
    case 'table':
      return `(this.${n}() !== null ? this.${n}()!.unpack() : null)`;
    case 'union': {
      const fn = refNamed(w, t.union, `unionTo${t.union.name}`, 'value');
      return `(() => { const temp = ${fn}(this.${n}Type(), this.${n}.bind(this)); return temp === null ? null : temp.unpack(); })()`;
    }
    case 'vector': {
      const e = t.elem;
      if (e.kind === 'table' || e.kind === 'struct') {
        const d = e.kind === 'table' ? e.table : e.struct;
        return `this.bb!.createObjList<${ref(w, d, 'type')}, ${ref(w, d, 'type', 'T')}>(this.${n}.bind(this), this.${n}Length())`;
      }
      const el = e.kind === 'string' ? 'string' : scalarOrEnumTs(w, e);
      return `this.bb!.createScalarList<${el}>(this.${n}.bind(this), this.${n}Length())`;
    }
    default:
      return `this.${n}()`;
  }
}

/** Reader methods: `unpack()` and `unpackTo()`, inside the table class. */
export function emitTableUnpack(w: ModuleWriter, t: TableModel): void {
  const fields = liveFields(t);
  const T = `${t.name}T`;
  const exprs = (f: FieldModel): string[] =>
    f.type.kind === 'union' ? [`this.${camel(f.name)}Type()`, unpackExpr(w, f)] : [unpackExpr(w, f)];
  w.doc(['flatc object API: a mutable copy of this table.']);
  w.block(`unpack(): ${T}`, () => {
    const all = fields.flatMap(exprs);
    if (all.length === 0) w.line(`return new ${T}();`);
    else {
      w.line(`return new ${T}(`);
      all.forEach((e, i) => w.line(`  ${e}${i < all.length - 1 ? ',' : ''}`));
      w.line(');');
    }
  });
  w.line();
  w.block(`unpackTo(_o: ${T}): void`, () => {
    for (const f of fields) {
      if (f.type.kind === 'union') w.line(`_o.${camel(f.name)}Type = this.${camel(f.name)}Type();`);
      w.line(`_o.${camel(f.name)} = ${unpackExpr(w, f)};`);
    }
  });
  w.line();
}

/** The `<T>T` class of a table. */
export function emitTableT(w: ModuleWriter, t: TableModel): void {
  const fb = w.fb('type');
  const fields = liveFields(t);
  const T = `${t.name}T`;
  w.doc([`flatc object API: mutable object form of {@link ${t.name}}.`]);
  w.block(`export class ${T} implements ${fb}.IGeneratedObject`, () => {
    const params: string[] = [];
    for (const f of fields) {
      if (f.type.kind === 'union')
        params.push(
          `public ${camel(f.name)}Type: ${ref(w, f.type.union, 'type')} = ${ref(w, f.type.union, 'value')}.NONE`,
        );
      params.push(`public ${camel(f.name)}: ${tType(w, f)} = ${tDefault(w, f)}`);
    }
    if (params.length === 0) w.line('constructor() {}');
    else {
      w.line('constructor(');
      params.forEach((p, i) => w.line(`  ${p}${i < params.length - 1 ? ',' : ''}`));
      w.line(') {}');
    }
    w.line();
    w.block(`pack(builder: ${fb}.Builder): ${fb}.Offset`, () => {
      const C = t.name;
      for (const f of fields) {
        const n = camel(f.name);
        const P = pascal(f.name);
        const ft = f.type;
        if (ft.kind === 'string') w.line(`const ${n} = (this.${n} !== null ? builder.createString(this.${n}!) : 0);`);
        else if (ft.kind === 'table') w.line(`const ${n} = (this.${n} !== null ? this.${n}!.pack(builder) : 0);`);
        else if (ft.kind === 'union') w.line(`const ${n} = builder.createObjectOffset(this.${n});`);
        else if (ft.kind === 'vector') {
          const e = ft.elem;
          if (e.kind === 'struct')
            w.line(`const ${n} = builder.createStructOffsetList(this.${n}, ${C}.start${P}Vector);`);
          else if (e.kind === 'string' || e.kind === 'table')
            w.line(`const ${n} = ${C}.create${P}Vector(builder, builder.createObjectOffsetList(this.${n}));`);
          else w.line(`const ${n} = ${C}.create${P}Vector(builder, this.${n});`);
        }
      }
      w.line();
      w.line(`${C}.start${C}(builder);`);
      for (const f of fields) {
        const n = camel(f.name);
        const P = pascal(f.name);
        const ft = f.type;
        if (ft.kind === 'scalar' || ft.kind === 'enum') {
          if (f.defaultValue === null) w.line(`if (this.${n} !== null) ${C}.add${P}(builder, this.${n});`);
          else w.line(`${C}.add${P}(builder, this.${n});`);
        } else if (ft.kind === 'struct') {
          w.line(`${C}.add${P}(builder, (this.${n} !== null ? this.${n}!.pack(builder) : 0));`);
        } else if (ft.kind === 'union') {
          w.line(`${C}.add${P}Type(builder, this.${n}Type);`);
          w.line(`${C}.add${P}(builder, ${n});`);
        } else w.line(`${C}.add${P}(builder, ${n});`);
      }
      w.line(`return ${C}.end${C}(builder);`);
    });
  });
  w.line();
}

/** Reader methods of a struct class. */
export function emitStructUnpack(w: ModuleWriter, s: StructModel): void {
  const T = `${s.name}T`;
  const expr = (f: StructModel['fields'][number]): string => {
    const n = camel(f.name);
    if (f.type.kind === 'struct') return `this.${n}().unpack()`;
    if (f.type.kind === 'array') {
      const e = f.type.elem;
      return e.kind === 'struct'
        ? `Array.from({ length: ${f.type.length} }, (_, i) => this.${n}(i)!.unpack())`
        : `Array.from({ length: ${f.type.length} }, (_, i) => this.${n}(i)!)`;
    }
    return `this.${n}()`;
  };
  w.doc(['flatc object API: a mutable copy of this struct.']);
  w.block(`unpack(): ${T}`, () => {
    w.line(`return new ${T}(`);
    s.fields.forEach((f, i) => w.line(`  ${expr(f)}${i < s.fields.length - 1 ? ',' : ''}`));
    w.line(');');
  });
  w.line();
  w.block(`unpackTo(_o: ${T}): void`, () => {
    for (const f of s.fields) w.line(`_o.${camel(f.name)} = ${expr(f)};`);
  });
  w.line();
}

/** The `<S>T` class of a struct. */
export function emitStructT(w: ModuleWriter, s: StructModel): void {
  const fb = w.fb('type');
  const T = `${s.name}T`;
  w.doc([`flatc object API: mutable object form of {@link ${s.name}}.`]);
  w.block(`export class ${T} implements ${fb}.IGeneratedObject`, () => {
    w.line('constructor(');
    s.fields.forEach((f, i) => {
      const t = f.type;
      let ty: string;
      let def: string;
      if (t.kind === 'struct') {
        ty = `${ref(w, t.struct, 'type', 'T')}|null`;
        def = 'null';
      } else if (t.kind === 'array') {
        const e = t.elem;
        ty = `(${e.kind === 'struct' ? ref(w, e.struct, 'type', 'T') : scalarOrEnumTs(w, e)})[]`;
        def = '[]';
      } else {
        ty = scalarOrEnumTs(w, t);
        def =
          t.scalar === 'bool'
            ? 'false'
            : t.scalar === 'int64' || t.scalar === 'uint64'
              ? '0n'
              : t.kind === 'enum'
                ? `0 as ${ty}`
                : '0';
        if (t.kind === 'enum') {
          const z = t.enum.values.find((v) => v.value === 0n);
          if (z) def = `${ref(w, t.enum, 'value')}.${z.name}`;
        }
      }
      w.line(`  public ${camel(f.name)}: ${ty} = ${def}${i < s.fields.length - 1 ? ',' : ''}`);
    });
    w.line(') {}');
    w.line();
    w.block(`pack(builder: ${fb}.Builder): ${fb}.Offset`, () => {
      const args = s.fields.flatMap((f) => {
        const p = `this.${camel(f.name)}`;
        return f.type.kind === 'struct' ? structArgsFrom(w, f.type.struct, p, true) : [p];
      });
      w.line(`return ${s.name}.create${s.name}(builder, ${args.join(', ')});`);
    });
  });
  w.line();
}
