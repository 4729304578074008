/**
 * Phase 2 — model: syntax trees of a schema and its includes -> one resolved, checked model.
 *
 * Every name is resolved here (with FlatBuffers' rule: innermost namespace first, then outwards),
 * field slots and struct layouts are computed, and every semantic rule of the schema is checked, so
 * emitters can trust what they get. The one kind of error left for emit.ts is a clash among the
 * TypeScript names it derives (accessors, companion classes, module files), which only it can see.
 */
import type { AttributeAst, EnumAst, FieldAst, FileAst, LiteralAst, StructAst, TypeAst } from './ast.js';
import { SchemaError, type SourcePos } from './errors.js';

export type ScalarKind =
  'bool' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64';

const SCALAR_ALIASES: Record<string, ScalarKind> = {
  bool: 'bool',
  byte: 'int8',
  ubyte: 'uint8',
  short: 'int16',
  ushort: 'uint16',
  int: 'int32',
  uint: 'uint32',
  long: 'int64',
  ulong: 'uint64',
  float: 'float32',
  double: 'float64',
  int8: 'int8',
  uint8: 'uint8',
  int16: 'int16',
  uint16: 'uint16',
  int32: 'int32',
  uint32: 'uint32',
  int64: 'int64',
  uint64: 'uint64',
  float32: 'float32',
  float64: 'float64',
};

export const SCALAR_SIZE: Record<ScalarKind, number> = {
  bool: 1,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
  float32: 4,
  float64: 8,
};

function isInteger(s: ScalarKind): boolean {
  return s !== 'bool' && s !== 'float32' && s !== 'float64';
}
export function is64(s: ScalarKind): boolean {
  return s === 'int64' || s === 'uint64';
}

/** A field's or vector element's type, resolved. */
export type TypeModel =
  | { readonly kind: 'scalar'; readonly scalar: ScalarKind }
  | { readonly kind: 'enum'; readonly scalar: ScalarKind; readonly enum: EnumModel }
  | { readonly kind: 'string' }
  | { readonly kind: 'struct'; readonly struct: StructModel }
  | { readonly kind: 'table'; readonly table: TableModel }
  | { readonly kind: 'union'; readonly union: UnionModel }
  | { readonly kind: 'vector'; readonly elem: ElemType }
  | { readonly kind: 'array'; readonly elem: ElemType; readonly length: number };

export type ElemType = Exclude<TypeModel, { kind: 'vector' } | { kind: 'array' } | { kind: 'union' }>;

interface Attribute {
  readonly name: string;
  readonly value: string | undefined;
}

interface DeclBase {
  readonly name: string;
  readonly namespace: readonly string[];
  /** Dotted full name: `A6.HTTPReqCall.Req`. */
  readonly fullName: string;
  readonly doc: readonly string[];
  readonly pos: SourcePos;
  readonly attributes: readonly Attribute[];
}

interface EnumValueModel {
  readonly name: string;
  readonly value: bigint;
  readonly doc: readonly string[];
  readonly pos: SourcePos;
}

export interface EnumModel extends DeclBase {
  readonly kind: 'enum';
  readonly scalar: ScalarKind;
  readonly bitFlags: boolean;
  readonly values: readonly EnumValueModel[];
}

interface UnionMemberModel {
  /** Member name as the enum member (the alias when written `Alias: Type`). */
  readonly name: string;
  readonly value: number;
  readonly table: TableModel;
  readonly doc: readonly string[];
}

export interface UnionModel extends DeclBase {
  readonly kind: 'union';
  readonly members: readonly UnionMemberModel[];
}

export interface StructFieldModel {
  readonly name: string;
  readonly doc: readonly string[];
  readonly pos: SourcePos;
  readonly type: Extract<TypeModel, { kind: 'scalar' | 'enum' | 'struct' | 'array' }>;
  /** Byte offset inside the struct. */
  readonly offset: number;
  readonly size: number;
  /** Bytes of padding after this field (before the next one or the struct's end). */
  readonly padding: number;
  readonly attributes: readonly Attribute[];
}

export interface StructModel extends DeclBase {
  readonly kind: 'struct';
  readonly fields: StructFieldModel[];
  size: number;
  align: number;
}

export type DefaultValue = number | bigint | boolean | null;

export interface FieldModel {
  readonly name: string;
  readonly doc: readonly string[];
  readonly pos: SourcePos;
  readonly type: Exclude<TypeModel, { kind: 'array' }>;
  /** Slot index; for a union field, the slot of its value (its type is in slot id - 1). */
  readonly id: number;
  /** Scalar and enum fields: the default; `null` for an optional scalar (`= null`). */
  readonly defaultValue: DefaultValue;
  readonly deprecated: boolean;
  readonly required: boolean;
  readonly key: boolean;
  readonly attributes: readonly Attribute[];
}

export interface TableModel extends DeclBase {
  readonly kind: 'table';
  readonly fields: FieldModel[];
  /** Number of vtable slots (union fields count twice). */
  slotCount: number;
}

export type DeclModel = EnumModel | UnionModel | StructModel | TableModel;

export interface SchemaModel {
  /** Declarations in source order (included files first, as FlatBuffers reads them). */
  readonly decls: readonly DeclModel[];
  readonly rootType: TableModel | undefined;
  readonly fileIdentifier: string | undefined;
  readonly fileExtension: string | undefined;
  /** Files read, entry file last. */
  readonly files: readonly string[];
}

/** Attributes FlatBuffers itself defines; any other must be declared with `attribute "name";`. */
const BUILTIN_ATTRIBUTES = new Set([
  'id',
  'deprecated',
  'required',
  'key',
  'hash',
  'force_align',
  'bit_flags',
  'original_order',
  'nested_flatbuffer',
  'flexbuffer',
  'private',
  'shared',
  'native_inline',
  'native_default',
  'native_custom_alloc',
  'native_type',
  'native_type_pack_name',
  'cpp_type',
  'cpp_ptr_type',
  'cpp_ptr_type_get',
  'cpp_str_type',
  'cpp_str_flex_ctor',
  'streaming',
  'idempotent',
  'offset64',
  'vector64',
  'csharp_partial',
]);

const fail = (pos: SourcePos, msg: string): never => {
  throw new SchemaError(pos, msg);
};

const INT_RANGE: Record<string, [bigint, bigint]> = {
  int8: [-128n, 127n],
  uint8: [0n, 255n],
  int16: [-32768n, 32767n],
  uint16: [0n, 65535n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

function parseIntLiteral(lit: LiteralAst): bigint {
  const neg = lit.text.startsWith('-');
  const body = lit.text.replace(/^[-+]/, '');
  const v = BigInt(body);
  return neg ? -v : v;
}

function checkRange(v: bigint, scalar: ScalarKind, pos: SourcePos, what: (v: bigint) => string): void {
  const r = INT_RANGE[scalar];
  if (r && (v < r[0] || v > r[1])) fail(pos, `${what(v)} does not fit in ${scalar}`);
}

/**
 * Resolve parsed files (entry file last; includes before the files that include them) into a model.
 */
export function buildModel(files: readonly FileAst[]): SchemaModel {
  return new Resolver(files).run();
}

class Resolver {
  private readonly byName = new Map<string, DeclModel>();
  private readonly asts = new Map<DeclModel, { ast: StructAst | EnumAst; file: FileAst }>();
  private readonly declaredAttrs = new Set<string>();
  private readonly decls: DeclModel[] = [];

  constructor(private readonly files: readonly FileAst[]) {}

  run(): SchemaModel {
    for (const f of this.files) for (const a of f.declaredAttributes) this.declaredAttrs.add(a.name);
    // Pass 1: declare every name, so types may be used before they are defined.
    for (const f of this.files) {
      for (const ast of f.decls) {
        const fullName = [...ast.namespace, ast.name].join('.');
        const prev = this.byName.get(fullName);
        if (prev)
          fail(ast.pos, `'${fullName}' is already declared at ${prev.pos.file}:${prev.pos.line}:${prev.pos.col}`);
        const base = {
          name: ast.name,
          namespace: ast.namespace,
          fullName,
          doc: ast.doc,
          pos: ast.pos,
          attributes: this.attributes(ast.attributes),
        };
        let decl: DeclModel;
        if (ast.kind === 'table') decl = { ...base, kind: 'table', fields: [], slotCount: 0 };
        else if (ast.kind === 'struct') decl = { ...base, kind: 'struct', fields: [], size: 0, align: 1 };
        else if (ast.kind === 'enum') decl = { ...base, kind: 'enum', scalar: 'uint8', bitFlags: false, values: [] };
        else decl = { ...base, kind: 'union', members: [] };
        this.byName.set(fullName, decl);
        this.asts.set(decl, { ast, file: f });
        this.decls.push(decl);
      }
    }
    // Pass 2: enums first (field defaults refer to them), then unions, structs, tables.
    for (const d of this.decls) if (d.kind === 'enum') this.resolveEnum(d);
    for (const d of this.decls) if (d.kind === 'union') this.resolveUnion(d);
    const layoutState = new Map<StructModel, 'busy' | 'done'>();
    for (const d of this.decls) if (d.kind === 'struct') this.resolveStruct(d, layoutState);
    for (const d of this.decls) if (d.kind === 'table') this.resolveTable(d);

    const entry = this.files[this.files.length - 1]!;
    let rootType: TableModel | undefined;
    for (const r of entry.rootTypes) {
      const d = this.lookup(r.name, r.namespace);
      if (!d) fail(r.pos, `unknown root_type '${r.name}'`);
      if (d!.kind !== 'table') fail(r.pos, `root_type '${r.name}' must be a table`);
      rootType = d as TableModel;
    }
    const fid = entry.fileIdentifier;
    if (fid && new TextEncoder().encode(fid.value).length !== 4) {
      fail(fid.pos, `file_identifier must be exactly 4 bytes, got "${fid.value}"`);
    }
    return {
      decls: this.decls,
      rootType,
      fileIdentifier: fid?.value,
      fileExtension: entry.fileExtension,
      files: this.files.map((f) => f.file),
    };
  }

  private attributes(list: readonly AttributeAst[]): Attribute[] {
    const out: Attribute[] = [];
    const seen = new Set<string>();
    for (const a of list) {
      if (!BUILTIN_ATTRIBUTES.has(a.name) && !this.declaredAttrs.has(a.name)) {
        fail(a.pos, `unknown attribute '${a.name}': declare it first with \`attribute "${a.name}";\``);
      }
      if (seen.has(a.name)) fail(a.pos, `attribute '${a.name}' given twice`);
      seen.add(a.name);
      out.push({ name: a.name, value: a.value?.text });
    }
    return out;
  }

  private attr(list: readonly AttributeAst[], name: string): AttributeAst | undefined {
    return list.find((a) => a.name === name);
  }

  /** FlatBuffers lookup: `Name` in the current namespace, then each enclosing one, then the root. */
  private lookup(name: string, ns: readonly string[]): DeclModel | undefined {
    for (let i = ns.length; i >= 0; i--) {
      const d = this.byName.get([...ns.slice(0, i), name].join('.'));
      if (d) return d;
    }
    return undefined;
  }

  private resolveEnum(d: EnumModel): void {
    const { ast } = this.asts.get(d)! as { ast: EnumAst };
    if (!ast.underlying)
      fail(ast.pos, `enum '${d.name}' needs an underlying integer type, e.g. \`enum ${d.name}:ubyte\``);
    const u = ast.underlying!;
    const scalar = u.kind === 'named' ? SCALAR_ALIASES[u.name] : undefined;
    if (!scalar || !isInteger(scalar)) fail(u.pos, `underlying type of enum '${d.name}' must be an integer type`);
    const bitFlags = this.attr(ast.attributes, 'bit_flags') !== undefined;
    if (bitFlags && scalar!.startsWith('int')) {
      // Not a FlatBuffers rule, but flags in a signed type make the top bit a sign: refuse like flatc.
      fail(u.pos, `bit_flags enum '${d.name}' must use an unsigned type`);
    }
    const values: EnumValueModel[] = [];
    const names = new Set<string>();
    let next = 0n;
    let prev: bigint | undefined;
    for (const v of ast.values) {
      if (names.has(v.name)) fail(v.pos, `enum value '${v.name}' is declared twice in '${d.name}'`);
      names.add(v.name);
      let value = v.value ? parseIntLiteral(v.value) : next;
      if (bitFlags) {
        const bits = BigInt(SCALAR_SIZE[scalar!] * 8);
        if (value < 0n || value >= bits)
          fail(
            v.value?.pos ?? v.pos,
            `bit_flags value ${value} of '${v.name}' must be a bit position from 0 to ${bits - 1n}`,
          );
        if (prev !== undefined && value <= prev)
          fail(v.value?.pos ?? v.pos, `enum values must be specified in ascending order ('${v.name}')`);
        prev = value;
        next = value + 1n;
        value = 1n << value;
      } else {
        if (prev !== undefined && value <= prev)
          fail(v.value?.pos ?? v.pos, `enum values must be specified in ascending order ('${v.name}')`);
        checkRange(value, scalar!, v.value?.pos ?? v.pos, (x) => `value ${x} of '${v.name}'`);
        prev = value;
        next = value + 1n;
      }
      values.push({ name: v.name, value, doc: v.doc, pos: v.pos });
    }
    if (values.length === 0) fail(ast.pos, `enum '${d.name}' has no values`);
    Object.assign(d, { scalar, bitFlags, values });
  }

  private resolveUnion(d: UnionModel): void {
    const { ast } = this.asts.get(d)! as { ast: EnumAst };
    if (ast.underlying) fail(ast.underlying.pos, 'a union cannot have an underlying type');
    const members: UnionMemberModel[] = [];
    const names = new Set<string>(['NONE']);
    let next = 1;
    let prev = 0;
    for (const v of ast.values) {
      const typeName = v.type ?? v.name;
      const name = v.type ? v.name : v.name.split('.').pop()!;
      const t = this.lookup(typeName, d.namespace);
      if (!t) fail(v.pos, `unknown union member type '${typeName}'`);
      if (t!.kind !== 'table')
        fail(v.pos, `union member '${typeName}' must be a table (a6kit supports table members only)`);
      if (names.has(name)) fail(v.pos, `union member '${name}' is declared twice in '${d.name}'`);
      names.add(name);
      const value = v.value ? Number(parseIntLiteral(v.value)) : next;
      if (value <= prev || value > 255)
        fail(v.value?.pos ?? v.pos, `union member values must be ascending and from 1 to 255 ('${name}')`);
      prev = value;
      next = value + 1;
      members.push({ name, value, table: t as TableModel, doc: v.doc });
    }
    Object.assign(d, { members });
  }

  private resolveType(t: TypeAst, ns: readonly string[]): TypeModel {
    if (t.kind === 'vector' || t.kind === 'array') {
      const elem = this.resolveType(t.elem, ns);
      if (elem.kind === 'union') fail(t.elem.pos, 'vectors of unions are not supported by a6kit');
      if (elem.kind === 'vector' || elem.kind === 'array') fail(t.elem.pos, 'nested vectors are not allowed');
      if (t.kind === 'array') {
        if (t.length <= 0 || t.length > 65535) fail(t.pos, 'array length must be from 1 to 65535');
        return { kind: 'array', elem: elem as ElemType, length: t.length };
      }
      return { kind: 'vector', elem: elem as ElemType };
    }
    const scalar = SCALAR_ALIASES[t.name];
    if (scalar) return { kind: 'scalar', scalar };
    if (t.name === 'string') return { kind: 'string' };
    const d = this.lookup(t.name, ns);
    if (!d) return fail(t.pos, `unknown type '${t.name}'`);
    switch (d.kind) {
      case 'enum':
        return { kind: 'enum', scalar: d.scalar, enum: d };
      case 'union':
        return { kind: 'union', union: d };
      case 'struct':
        return { kind: 'struct', struct: d };
      case 'table':
        return { kind: 'table', table: d };
    }
  }

  private resolveStruct(d: StructModel, state: Map<StructModel, 'busy' | 'done'>): void {
    if (state.get(d) === 'done') return;
    if (state.get(d) === 'busy') fail(d.pos, `struct '${d.name}' contains itself`);
    state.set(d, 'busy');
    const { ast } = this.asts.get(d)! as { ast: StructAst };
    let offset = 0;
    let align = 1;
    const names = new Set<string>();
    const fields: StructFieldModel[] = [];
    for (const f of ast.fields) {
      if (names.has(f.name)) fail(f.pos, `field '${f.name}' is declared twice in '${d.name}'`);
      names.add(f.name);
      if (f.defaultValue) fail(f.defaultValue.pos, 'struct fields cannot have default values');
      for (const a of f.attributes) {
        if (a.name === 'deprecated' || a.name === 'required' || a.name === 'id') {
          fail(a.pos, `'${a.name}' is not allowed on struct fields`);
        }
      }
      const type = this.resolveType(f.type, d.namespace);
      let size: number;
      let falign: number;
      const sizeOf = (e: TypeModel): [number, number] => {
        if (e.kind === 'scalar' || e.kind === 'enum') return [SCALAR_SIZE[e.scalar], SCALAR_SIZE[e.scalar]];
        if (e.kind === 'struct') {
          this.resolveStruct(e.struct, state);
          return [e.struct.size, e.struct.align];
        }
        return fail(f.type.pos, `struct field '${f.name}' must be a scalar, enum, struct or fixed-size array`);
      };
      if (type.kind === 'array') {
        const [s, a] = sizeOf(type.elem);
        size = s * type.length;
        falign = a;
      } else {
        [size, falign] = sizeOf(type);
      }
      offset = Math.ceil(offset / falign) * falign;
      fields.push({
        name: f.name,
        doc: f.doc,
        pos: f.pos,
        type: type as StructFieldModel['type'],
        offset,
        size,
        padding: 0,
        attributes: this.attributes(f.attributes),
      });
      offset += size;
      align = Math.max(align, falign);
    }
    if (fields.length === 0) fail(ast.pos, `struct '${d.name}' has no fields`);
    const forced = this.attr(ast.attributes, 'force_align');
    if (forced) {
      const n = Number(forced.value?.text);
      if (!Number.isInteger(n) || n < align || n > 256 || (n & (n - 1)) !== 0) {
        fail(forced.pos, `force_align must be a power of two from ${align} to 256`);
      }
      align = n;
    }
    const size = Math.ceil(offset / align) * align;
    for (let k = 0; k < fields.length; k++) {
      const end = fields[k]!.offset + fields[k]!.size;
      const nextStart = k + 1 < fields.length ? fields[k + 1]!.offset : size;
      (fields[k] as { padding: number }).padding = nextStart - end;
    }
    d.fields.push(...fields);
    d.size = size;
    d.align = align;
    state.set(d, 'done');
  }

  private resolveTable(d: TableModel): void {
    const { ast } = this.asts.get(d)! as { ast: StructAst };
    const names = new Set<string>();
    const withIds = ast.fields.filter((f) => this.attr(f.attributes, 'id'));
    if (withIds.length > 0 && withIds.length < ast.fields.length) {
      const missing = ast.fields.find((f) => !this.attr(f.attributes, 'id'))!;
      fail(missing.pos, `field '${missing.name}' has no id: when one field of a table has an id, all must`);
    }
    let nextId = 0;
    const fields: FieldModel[] = [];
    for (const f of ast.fields) {
      if (names.has(f.name)) fail(f.pos, `field '${f.name}' is declared twice in '${d.name}'`);
      names.add(f.name);
      const type = this.resolveType(f.type, d.namespace);
      if (type.kind === 'array') fail(f.type.pos, 'fixed-size arrays are only allowed in structs');
      const t = type as FieldModel['type'];
      if (t.kind === 'union') {
        if (names.has(`${f.name}_type`))
          fail(f.pos, `field '${f.name}_type' clashes with the type field of union '${f.name}'`);
        names.add(`${f.name}_type`);
      }
      const idAttr = this.attr(f.attributes, 'id');
      let id: number;
      if (idAttr) {
        const v = Number(idAttr.value?.text);
        if (idAttr.value?.kind !== 'int' || !Number.isInteger(v) || v < 0)
          fail(idAttr.pos, "'id' needs a non-negative integer value");
        if (t.kind === 'union' && v === 0)
          fail(idAttr.pos, `union field '${f.name}' needs id >= 1: its type field takes id - 1`);
        id = v;
      } else {
        id = t.kind === 'union' ? nextId + 1 : nextId;
        nextId = id + 1;
      }
      const key = this.attr(f.attributes, 'key') !== undefined;
      const isScalarType = t.kind === 'scalar' || t.kind === 'enum';
      // As in flatc, a key that is not a scalar is implicitly required (lookups compare it).
      const required = this.attr(f.attributes, 'required') !== undefined || (key && !isScalarType);
      const deprecated = this.attr(f.attributes, 'deprecated') !== undefined;
      const isScalar = t.kind === 'scalar' || t.kind === 'enum';
      if (required && isScalar) fail(f.pos, `only non-scalar fields can be 'required' ('${f.name}')`);
      if (!isScalar && f.defaultValue && !(f.defaultValue.kind === 'ident' && f.defaultValue.text === 'null')) {
        fail(f.defaultValue.pos, `only scalar fields can have a default value ('${f.name}')`);
      }
      const defaultValue = isScalar ? this.scalarDefault(f, t) : null;
      if (defaultValue === null && isScalar && required) fail(f.pos, 'an optional scalar cannot be required');
      fields.push({
        name: f.name,
        doc: f.doc,
        pos: f.pos,
        type: t,
        id,
        defaultValue,
        deprecated,
        required,
        key,
        attributes: this.attributes(f.attributes),
      });
    }
    // Slots: each id once; union fields also take id - 1 for their type.
    const slots = new Map<number, string>();
    const take = (slot: number, who: string, pos: SourcePos): void => {
      const prev = slots.get(slot);
      if (prev !== undefined) fail(pos, `field id ${slot} of '${who}' is already used by '${prev}'`);
      slots.set(slot, who);
    };
    for (const f of fields) {
      if (f.type.kind === 'union') take(f.id - 1, `${f.name}_type`, f.pos);
      take(f.id, f.name, f.pos);
    }
    const count = slots.size;
    for (let s = 0; s < count; s++) {
      if (!slots.has(s))
        fail(withIds[0]?.pos ?? d.pos, `field ids of '${d.name}' must be contiguous from 0: id ${s} is missing`);
    }
    // With explicit ids, fields are ordered by id (as flatc does): that order shapes create<T>()
    // and the object API's constructor, so code written for flatc's output keeps working.
    if (withIds.length > 0) fields.sort((a, b) => a.id - b.id);
    d.fields.push(...fields);
    d.slotCount = count;
  }

  private scalarDefault(f: FieldAst, t: Extract<TypeModel, { kind: 'scalar' | 'enum' }>): DefaultValue {
    const lit = f.defaultValue;
    const s = t.scalar;
    if (lit?.kind === 'ident' && lit.text === 'null') return null;
    if (t.kind === 'enum') {
      const e = t.enum;
      if (!lit) {
        if (!e.bitFlags && !e.values.some((v) => v.value === 0n)) {
          fail(f.pos, `field '${f.name}' needs a default: enum '${e.name}' has no value 0`);
        }
        return is64(s) ? 0n : 0;
      }
      let v: bigint;
      if (lit.kind === 'int') v = parseIntLiteral(lit);
      else if (lit.kind === 'ident' || lit.kind === 'string') {
        // bit_flags defaults may combine names: "A B".
        v = 0n;
        for (const part of lit.text.split(/\s+/).filter(Boolean)) {
          const m = e.values.find((x) => x.name === part);
          if (!m) return fail(lit.pos, `'${part}' is not a value of enum '${e.name}'`);
          v |= m.value;
        }
      } else return fail(lit.pos, `default of '${f.name}' must be a value of enum '${e.name}'`);
      if (!e.bitFlags && !e.values.some((x) => x.value === v)) {
        fail(lit.pos, `default value ${v} of field '${f.name}' is not part of enum '${e.name}'`);
      }
      checkRange(v, s, lit.pos, (x) => `default value ${x} of '${f.name}'`);
      return is64(s) ? v : Number(v);
    }
    if (!lit) return s === 'bool' ? false : is64(s) ? 0n : 0;
    if (s === 'bool') {
      if (lit.text === 'true' || lit.text === '1') return true;
      if (lit.text === 'false' || lit.text === '0') return false;
      return fail(lit.pos, `default of bool field '${f.name}' must be true or false`);
    }
    if (s === 'float32' || s === 'float64') {
      const special: Record<string, number> = {
        nan: NaN,
        inf: Infinity,
        infinity: Infinity,
        '+inf': Infinity,
        '-inf': -Infinity,
        '+infinity': Infinity,
        '-infinity': -Infinity,
        '-nan': NaN,
        '+nan': NaN,
      };
      if (lit.text in special) return special[lit.text]!;
      if (lit.kind === 'int' || lit.kind === 'float') return Number(lit.text);
      return fail(lit.pos, `default of '${f.name}' must be a number`);
    }
    if (lit.kind !== 'int')
      return fail(lit.pos, `default of integer field '${f.name}' must be an integer, got '${lit.text}'`);
    const v = parseIntLiteral(lit);
    checkRange(v, s, lit.pos, (x) => `default value ${x} of '${f.name}'`);
    return is64(s) ? v : Number(v);
  }
}
