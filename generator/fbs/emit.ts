/**
 * Phase 3 — emit: resolved model -> the set of generated modules (path -> text).
 *
 * Layout: one module per namespace holding its declarations (`a6.ts`, `a6.http-req-call.ts`), plus
 * `index.ts` re-exporting the namespace tree (`export * as HTTPReqCall from ...`). When a schema
 * has a single top namespace and no root declarations, index.ts re-exports that namespace's members
 * directly, so `import { HTTPReqCall, TextEntry } from './protocol/index.js'` works without a prefix.
 * Namespaces with children get an extra `<ns>._tree.ts` re-export module, which keeps declaration
 * modules free of import cycles.
 */
import { emitEnum, emitStruct, emitTable, emitUnionEnum } from './emit-flyweight.js';
import { emitStructT, emitStructUnpack, emitTableT, emitTableUnpack } from './emit-object-api.js';
import { emitStructStatics, emitUnionValue, emitValueStatics, emitValueTypes } from './emit-values.js';
import { emitVerifyStatics } from './emit-verify.js';
import { BASE_LAYERS, describeLayers, type Layers } from './layers.js';
import { supportModule } from './support.js';
import type { DeclModel, SchemaModel, StructModel, TableModel } from './model.js';
import { SchemaError } from './errors.js';
import { camel, declModule, treeModule } from './names.js';
import { ModuleWriter, PREAMBLE } from './printer.js';

export interface EmitOptions {
  /** Schema file names for the preamble (relative, with `/`). */
  readonly sources: readonly string[];
  /** Which layers to emit besides readers and builders (default: none). */
  readonly layers?: Layers;
}

interface NsNode {
  readonly path: readonly string[];
  readonly decls: DeclModel[];
  readonly children: Map<string, NsNode>;
}

export function emitModules(model: SchemaModel, opts: EmitOptions): Map<string, string> {
  const root: NsNode = { path: [], decls: [], children: new Map() };
  for (const d of model.decls) {
    let node = root;
    for (const part of d.namespace) {
      let next = node.children.get(part);
      if (!next) node.children.set(part, (next = { path: [...node.path, part], decls: [], children: new Map() }));
      node = next;
    }
    node.decls.push(d);
  }

  const out = new Map<string, string>();
  const add = (path: string, text: string): void => {
    if (out.has(path)) throw new SchemaError(model.decls[0]!.pos, `two namespaces map to the same module file ${path}`);
    out.set(path, text);
  };

  // index.ts flattens a lone top namespace (which then needs no tree module of its own).
  const tops = [...root.children.values()];
  const flat = root.decls.length === 0 && tops.length === 1 ? tops[0]! : root;
  const visit = (node: NsNode): void => {
    if (node.decls.length > 0) add(`${declModule(node.path)}.ts`, emitDeclModule(node, model, opts));
    for (const c of [...node.children.values()]) visit(c);
    if (node !== flat && node !== root && node.children.size > 0)
      add(`${treeModule(node.path)}.ts`, emitTree(node, opts, false));
  };
  visit(root);
  // index.ts also exports the verifier's error class, unless the schema declares that name itself.
  const layers = opts.layers ?? BASE_LAYERS;
  const free = (n: string): boolean => !flat.decls.some((d) => d.name === n) && !flat.children.has(n);
  const verifyErrorFree = layers.verify && free('VerifyError') && free('VerifyLimits');
  out.set('index.ts', emitTree(flat, opts, true, verifyErrorFree));
  out.set('_support.ts', `${PREAMBLE} ${opts.sources.join(', ')}.\n/* eslint-disable */\n\n${supportModule(layers)}`);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Specifier of the module a parent re-exports for a child namespace. */
function childSpecifier(c: NsNode): string {
  return `./${c.children.size > 0 ? treeModule(c.path) : declModule(c.path)}.js`;
}

function emitTree(node: NsNode, opts: EmitOptions, isIndex: boolean, withVerifyError = false): string {
  const w = new ModuleWriter(isIndex ? 'index.ts' : `${treeModule(node.path)}.ts`, opts.sources, []);
  const label = node.path.length > 0 ? `namespace ${node.path.join('.')}` : 'the schema';
  const doc = [`Every declaration of ${label}, with child namespaces as nested module namespaces.`];
  if (isIndex) doc.push(`Layers: ${describeLayers(opts.layers ?? BASE_LAYERS)}.`);
  w.doc(doc);
  if (node.decls.length > 0) w.line(`export * from './${declModule(node.path)}.js';`);
  for (const c of [...node.children.values()].sort((a, b) => (a.path.at(-1)! < b.path.at(-1)! ? -1 : 1))) {
    w.line(`export * as ${c.path.at(-1)} from '${childSpecifier(c)}';`);
  }
  if (withVerifyError) w.line(`export { VerifyError, type VerifyLimits } from './_support.js';`);
  return w.print();
}

/** Members every generated class has; a field must not produce an accessor of the same name. */
const RESERVED_MEMBERS = new Set(['bb', 'bb_pos', '__init', 'constructor', 'unpack', 'unpackTo']);

/**
 * Accessor names must be unique per class (`foo_length` next to a vector `foo` would clash, as would
 * `foo_byte_length` next to a string `foo`).
 */
function checkMemberNames(d: TableModel | StructModel): void {
  const seen = new Map<string, string>();
  for (const f of d.fields) {
    if ('deprecated' in f && f.deprecated) continue;
    const c = camel(f.name);
    const members = [c];
    if (f.type.kind === 'vector') members.push(`${c}Length`, `${c}Array`);
    if (f.type.kind === 'union') members.push(`${c}Type`);
    if (f.type.kind === 'string') members.push(`${c}ByteStart`, `${c}ByteLength`);
    for (const m of members) {
      if (RESERVED_MEMBERS.has(m))
        throw new SchemaError(
          f.pos,
          `field '${f.name}' would generate the member '${m}', which every generated class already has; rename it`,
        );
      const prev = seen.get(m);
      if (prev !== undefined)
        throw new SchemaError(
          f.pos,
          `fields '${prev}' and '${f.name}' of '${d.name}' would both generate '${m}()'; rename one`,
        );
      seen.set(m, f.name);
    }
  }
}

/** Every name a declaration's module exports for it. */
function exportedNames(d: DeclModel): string[] {
  switch (d.kind) {
    case 'enum':
      return [d.name];
    case 'union':
      return [d.name, `${d.name}Value`, `${d.name}Init`, `unionTo${d.name}`, `unionListTo${d.name}`];
    case 'struct':
      return [d.name, `${d.name}T`, `${d.name}Value`];
    case 'table':
      return [d.name, `${d.name}T`, `${d.name}Value`, `${d.name}Init`];
  }
}

function emitDeclModule(node: NsNode, model: SchemaModel, opts: EmitOptions): string {
  const names = node.decls.flatMap((d) => exportedNames(d));
  // Our companion names (`ReqT`, `ReqValue`, ...) must not collide with a declared name.
  const owner = new Map<string, DeclModel>();
  for (const d of node.decls) {
    for (const n of exportedNames(d)) {
      const prev = owner.get(n);
      if (prev) {
        throw new SchemaError(
          d.pos,
          `'${d.name}' and '${prev.name}' would both export '${n}' from ${declModule(node.path)}.ts; rename one of them`,
        );
      }
      owner.set(n, d);
    }
  }
  for (const d of node.decls) if (d.kind === 'table' || d.kind === 'struct') checkMemberNames(d);
  const w = new ModuleWriter(`${declModule(node.path)}.ts`, opts.sources, names);
  const l = opts.layers ?? BASE_LAYERS;
  const label = node.path.length > 0 ? node.path.join('.') : '(root)';
  w.line(`// Namespace ${label}.`);
  w.line();
  for (const d of node.decls) {
    switch (d.kind) {
      case 'enum':
        emitEnum(w, d);
        break;
      case 'union':
        emitUnionEnum(w, d);
        if (l.values) emitUnionValue(w, d);
        break;
      case 'struct':
        emitStruct(w, d, l, () => {
          if (l.objectApi) emitStructUnpack(w, d);
          if (l.values) emitStructStatics(w, d);
        });
        if (l.objectApi) emitStructT(w, d);
        // A struct's Value interface is also what `createS` takes for struct-array elements.
        emitValueTypes(w, d, l.values);
        break;
      case 'table': {
        const isRoot = model.rootType === d;
        emitTable(w, d, model.fileIdentifier, isRoot, l, () => {
          if (l.objectApi) emitTableUnpack(w, d);
          if (l.values) emitValueStatics(w, d, model.fileIdentifier, isRoot);
          if (l.verify) emitVerifyStatics(w, d);
        });
        if (l.objectApi) emitTableT(w, d);
        if (l.values) emitValueTypes(w, d);
        break;
      }
    }
  }
  return w.print();
}
