/**
 * `a6kit gen --compat OLD.fbs`: is the current schema wire-compatible with an older version?
 *
 * The rules are FlatBuffers' (those `flatc --conform` applies): a field keeps its slot (tables) or
 * byte offset (structs), its type and its default; a field may be renamed (same slot, same type) or
 * deprecated but not removed; enum and union values keep their numbers and underlying type. New
 * fields in new slots, new enum values and new union members are compatible.
 * One rule is stricter than flatc: a struct must keep its size, since structs are stored inline
 * and a bigger one shifts everything after it (flatc accepts an appended struct field).
 */
import type { SourcePos } from './errors.js';
import type {
  DeclModel,
  DefaultValue,
  EnumModel,
  FieldModel,
  SchemaModel,
  StructModel,
  TableModel,
  TypeModel,
  UnionModel,
} from './model.js';

interface CompatIssue {
  /** Where in the new schema (or the old one, for removals). */
  readonly pos: SourcePos;
  /** `A6.HTTPReqCall.Req.path` */
  readonly where: string;
  readonly message: string;
}

export interface CompatReport {
  /** Changes that make old and new peers misread each other. */
  readonly breaking: readonly CompatIssue[];
  /** Changes that are safe on the wire but deserve a look. */
  readonly warnings: readonly CompatIssue[];
  /** Compatible evolutions, listed for the record. */
  readonly compatible: readonly CompatIssue[];
}

/** A type as a comparable string: `int32`, `string`, `[A6.TextEntry]`, `enum A6.Method`. */
function typeName(t: TypeModel): string {
  switch (t.kind) {
    case 'scalar':
      return t.scalar;
    case 'enum':
      return `enum ${t.enum.fullName}`;
    case 'string':
      return 'string';
    case 'struct':
      return `struct ${t.struct.fullName}`;
    case 'table':
      return `table ${t.table.fullName}`;
    case 'union':
      return `union ${t.union.fullName}`;
    case 'vector':
      return `[${typeName(t.elem)}]`;
    case 'array':
      return `[${typeName(t.elem)}:${t.length}]`;
  }
}

function sameDefault(a: DefaultValue, b: DefaultValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || a === b;
  return a === b;
}

function showDefault(v: DefaultValue): string {
  return v === null ? 'null' : String(v);
}

interface Slotted {
  readonly name: string;
  readonly pos: SourcePos;
  readonly slot: number;
  readonly type: TypeModel;
  readonly defaultValue: DefaultValue;
  readonly deprecated: boolean;
  readonly required: boolean;
}

function tableFields(t: TableModel): Slotted[] {
  return t.fields.map((f: FieldModel) => ({
    name: f.name,
    pos: f.pos,
    slot: f.id,
    type: f.type,
    defaultValue: f.defaultValue,
    deprecated: f.deprecated,
    required: f.required,
  }));
}

function structFields(s: StructModel): Slotted[] {
  return s.fields.map((f) => ({
    name: f.name,
    pos: f.pos,
    slot: f.offset,
    type: f.type,
    defaultValue: 0,
    deprecated: false,
    required: false,
  }));
}

export function compareSchemas(before: SchemaModel, after: SchemaModel): CompatReport {
  const breaking: CompatIssue[] = [];
  const warnings: CompatIssue[] = [];
  const compatible: CompatIssue[] = [];
  const old = new Map<string, DeclModel>(before.decls.map((d) => [d.fullName, d]));

  for (const d of after.decls) {
    const prev = old.get(d.fullName);
    if (!prev) {
      compatible.push({ pos: d.pos, where: d.fullName, message: `new ${d.kind}` });
      continue;
    }
    if (prev.kind !== d.kind) {
      breaking.push({ pos: d.pos, where: d.fullName, message: `was a ${prev.kind}, now a ${d.kind}` });
      continue;
    }
    if (d.kind === 'table' || d.kind === 'struct') {
      const isTable = d.kind === 'table';
      const slotWord = isTable ? 'slot' : 'byte offset';
      const nf = isTable ? tableFields(d) : structFields(d);
      const of = isTable ? tableFields(prev as TableModel) : structFields(prev as StructModel);
      const renamed = new Set<Slotted>();
      for (const f of nf) {
        const where = `${d.fullName}.${f.name}`;
        const o = of.find((x) => x.name === f.name);
        if (o) {
          if (o.slot !== f.slot) {
            breaking.push({
              pos: f.pos,
              where,
              message: `moved from ${slotWord} ${o.slot} to ${f.slot} (fields must keep their position: append new ones)`,
            });
          } else if (typeName(o.type) !== typeName(f.type)) {
            breaking.push({
              pos: f.pos,
              where,
              message: `type changed from ${typeName(o.type)} to ${typeName(f.type)}`,
            });
          } else if (!sameDefault(o.defaultValue, f.defaultValue)) {
            breaking.push({
              pos: f.pos,
              where,
              message: `default changed from ${showDefault(o.defaultValue)} to ${showDefault(f.defaultValue)} (absent fields would read differently)`,
            });
          } else {
            if (f.deprecated && !o.deprecated)
              compatible.push({ pos: f.pos, where, message: 'deprecated (its slot stays reserved)' });
            if (f.required && !o.required)
              warnings.push({
                pos: f.pos,
                where,
                message: 'now required: buffers from old writers may lack it and fail verification',
              });
          }
          continue;
        }
        const same = of.find((x) => x.slot === f.slot);
        if (same) {
          renamed.add(same);
          if (typeName(same.type) !== typeName(f.type)) {
            breaking.push({
              pos: f.pos,
              where,
              message: `takes the ${slotWord} of '${same.name}' (${typeName(same.type)}) with another type (${typeName(f.type)})`,
            });
          } else {
            compatible.push({ pos: f.pos, where, message: `renamed from '${same.name}'` });
          }
          continue;
        }
        compatible.push({ pos: f.pos, where, message: `new field (${slotWord} ${f.slot})` });
      }
      for (const o of of) {
        if (renamed.has(o) || nf.some((f) => f.name === o.name)) continue;
        breaking.push({
          pos: o.pos,
          where: `${prev.fullName}.${o.name}`,
          message: 'removed: keep the field and mark it (deprecated) instead',
        });
      }
      if (d.kind === 'struct' && (prev as StructModel).size !== d.size) {
        breaking.push({
          pos: d.pos,
          where: d.fullName,
          message: `struct size changed from ${(prev as StructModel).size} to ${d.size} bytes (structs are stored inline)`,
        });
      }
      continue;
    }
    compareEnums(prev as EnumModel | UnionModel, d, breaking, warnings, compatible);
  }
  return { breaking, warnings, compatible };
}

function compareEnums(
  prev: EnumModel | UnionModel,
  d: EnumModel | UnionModel,
  breaking: CompatIssue[],
  warnings: CompatIssue[],
  compatible: CompatIssue[],
): void {
  const values = (e: EnumModel | UnionModel): { name: string; value: bigint; type?: string }[] =>
    e.kind === 'enum'
      ? e.values.map((v) => ({ name: v.name, value: v.value }))
      : e.members.map((m) => ({ name: m.name, value: BigInt(m.value), type: m.table.fullName }));
  const word = d.kind === 'union' ? 'member' : 'value';
  const nv = values(d);
  const ov = values(prev);
  for (const v of nv) {
    const where = `${d.fullName}.${v.name}`;
    const o = ov.find((x) => x.name === v.name);
    if (!o) {
      const taken = ov.find((x) => x.value === v.value);
      if (taken)
        breaking.push({
          pos: d.pos,
          where,
          message: `reuses the number ${v.value} of removed ${word} '${taken.name}'`,
        });
      else compatible.push({ pos: d.pos, where, message: `new ${word} (${v.value})` });
    } else if (o.value !== v.value) {
      breaking.push({ pos: d.pos, where, message: `${word} moved from ${o.value} to ${v.value}` });
    } else if (o.type !== v.type) {
      breaking.push({ pos: d.pos, where, message: `union member now holds ${v.type} instead of ${o.type}` });
    }
  }
  for (const o of ov) {
    if (!nv.some((v) => v.name === o.name) && !nv.some((v) => v.value === o.value)) {
      warnings.push({
        pos: d.pos,
        where: `${prev.fullName}.${o.name}`,
        message: `${word} removed: old data may still carry ${o.value}`,
      });
    }
  }
  if (prev.kind === 'enum' && d.kind === 'enum' && prev.scalar !== d.scalar) {
    breaking.push({
      pos: d.pos,
      where: d.fullName,
      message: `underlying type changed from ${prev.scalar} to ${d.scalar}`,
    });
  }
}

export function formatCompatReport(r: CompatReport, oldName: string, newName: string): string {
  const lines = [`wire compatibility: ${oldName} -> ${newName}`];
  const section = (title: string, list: readonly CompatIssue[]): void => {
    if (list.length === 0) return;
    lines.push(`${title} (${list.length}):`);
    for (const i of list) lines.push(`  ${i.pos.file}:${i.pos.line}:${i.pos.col}: ${i.where}: ${i.message}`);
  };
  section('breaking', r.breaking);
  section('warnings', r.warnings);
  section('compatible', r.compatible);
  lines.push(
    r.breaking.length > 0
      ? `result: NOT wire-compatible (${r.breaking.length} breaking change${r.breaking.length === 1 ? '' : 's'})`
      : 'result: wire-compatible',
  );
  return lines.join('\n') + '\n';
}
