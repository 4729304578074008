/**
 * The one way the generator visits the subschemas of a plugin schema: json-schema-traverse (the
 * walker ajv itself uses), with its keyword tables completed for drafts 2019-09 and 2020-12.
 *
 * Only keywords whose values are schemas are entered, so data (`default`, `enum`, `const`,
 * `examples`) is never mistaken for a schema, and a property *named* like a keyword
 * (`properties: { default: {...} }`) is still a schema because name maps are walked by name.
 */
import traverseModule from 'json-schema-traverse';
import { pointerSegments } from '@hyperjump/json-pointer';

export type JsonSchema = Record<string, unknown>;

/** The keyword tables json-schema-traverse exports at run time (its typings leave them out). */
type KeywordTable = Record<string, boolean>;
type Traverse = typeof import('json-schema-traverse') & {
  keywords: KeywordTable;
  arrayKeywords: KeywordTable;
  propsKeywords: KeywordTable;
};
// json-schema-traverse is CommonJS (`export =`); NodeNext sees the module object.
const traverse = ((traverseModule as unknown as { default?: Traverse }).default ?? traverseModule) as Traverse;

/**
 * json-schema-traverse 1.0 knows draft-07 (plus `$defs`). The tables are its documented extension
 * point and are shared with ajv, which walks with `allKeys` to collect `$id`/`$anchor`: the
 * additions only let that walk reach into `prefixItems` entries and `dependentSchemas` by name too.
 */
const SCHEMA_KEYWORDS = ['unevaluatedProperties', 'unevaluatedItems', 'contentSchema'];
const SCHEMA_LIST_KEYWORDS = ['prefixItems'];
const SCHEMA_MAP_KEYWORDS = ['dependentSchemas'];
for (const k of SCHEMA_KEYWORDS) traverse.keywords[k] = true;
for (const k of SCHEMA_LIST_KEYWORDS) traverse.arrayKeywords[k] = true;
for (const k of SCHEMA_MAP_KEYWORDS) traverse.propsKeywords[k] = true;

/** Where a visited schema sits: its pointer and the keyword (and name/index) that leads to it. */
interface SchemaPlace {
  pointer: string;
  /** The parent schema, undefined for the root. */
  parent?: JsonSchema;
  /** The keyword in the parent whose value holds this schema (`properties`, `items`, `oneOf`…). */
  keyword?: string;
}

export type SchemaVisitor = (node: JsonSchema, place: SchemaPlace) => void;

/**
 * Visits `start` and every schema below it, depth first. `post`, when given, runs after a
 * schema's subschemas (used to keep a context stack).
 */
export function walkSchema(start: JsonSchema, pre: SchemaVisitor, post?: SchemaVisitor): void {
  const place = (ptr: string, parent: unknown, keyword: string | undefined): SchemaPlace =>
    parent === undefined ? { pointer: ptr } : { pointer: ptr, parent: parent as JsonSchema, keyword };
  traverse(start, {
    cb: {
      pre: (node, ptr, _root, _pptr, keyword, parent) => pre(node, place(ptr, parent, keyword)),
      post: (node, ptr, _root, _pptr, keyword, parent) => post?.(node, place(ptr, parent, keyword)),
    },
  });
}

/**
 * Keywords under which a subschema applies only in some cases, so a default there does not make a
 * property always present: the combinators ajv applies no defaults in, and the dependency keywords
 * (only when the named property is present). `contentSchema` describes decoded content, not the value.
 */
const COMPOSITE = new Set([
  'oneOf',
  'anyOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'dependencies',
  'contentSchema',
]);
const DEFINITIONS = new Set(['$defs', 'definitions']);

export function isCompositeKeyword(keyword: string | undefined): boolean {
  return keyword !== undefined && COMPOSITE.has(keyword);
}

export function isDefinitionsKeyword(keyword: string | undefined): boolean {
  return keyword !== undefined && DEFINITIONS.has(keyword);
}

/**
 * The value at an RFC 6901 pointer (not URI-encoded), or undefined when nothing is there: a missing
 * or inherited member, an index that is not a plain array index, or a step into a scalar. (The
 * library's own `get` throws for a step into a scalar and accepts `-`; a `$ref` must name a real value.)
 */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let segments: string[];
  try {
    segments = [...pointerSegments(pointer)];
  } catch {
    return undefined; // not a JSON pointer at all
  }
  let node: unknown = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return node;
}
