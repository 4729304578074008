/**
 * Phase 2b: the config's TypeScript types (json-schema-to-typescript).
 *
 * `Config` describes the config *after* parseConf: a property with a schema `default` is always
 * present then, so it is typed as required. ajv applies defaults only outside `oneOf`/`anyOf`/`not`/
 * `if` branches, so only those properties are promoted; a `$defs` entry is promoted only when no
 * composite keyword ever reaches it (one type is generated per definition).
 */
import { compile } from 'json-schema-to-typescript';
import { GenError } from './errors.js';
import type { LoadedSchema } from './schema-load.js';
import {
  isCompositeKeyword,
  isDefinitionsKeyword,
  resolvePointer,
  walkSchema,
  type JsonSchema,
} from './schema-walk.js';

export async function generateTypes(loaded: LoadedSchema): Promise<string> {
  const schema = structuredClone(loaded.schema);
  // The root type is named after the root's $id otherwise; references are all local anyway.
  delete schema['$id'];
  anchorRefsToPointers(schema);
  // The root type is always `Config`, whatever title the user gave it (kept as documentation).
  if (typeof schema['title'] === 'string') {
    const title = schema['title'];
    delete schema['title'];
    if (schema['description'] === undefined) schema['description'] = title;
  }
  promoteDefaults(schema);
  dropConstraintOnlyBranches(schema);
  try {
    const ts = await compile(schema, 'Config', {
      bannerComment: '',
      cwd: '/nonexistent',
      // References were checked to be local already; never let the resolver read files or the network.
      $refOptions: { resolve: { external: false } },
      additionalProperties: true,
      strictIndexSignatures: false,
      unreachableDefinitions: false,
      format: true,
      style: { singleQuote: true, printWidth: 110 },
    });
    return ts.trim() + '\n';
  } catch (err) {
    throw new GenError(`cannot derive TypeScript types: ${(err as Error).message}`, loaded.file);
  }
}

/** json-schema-to-typescript follows JSON pointers only: turn `#name` ($anchor) references into pointers. */
function anchorRefsToPointers(root: JsonSchema): void {
  const anchors = new Map<string, string>();
  walkSchema(root, (node, { pointer }) => {
    if (typeof node['$anchor'] === 'string') anchors.set(node['$anchor'], pointer);
  });
  if (anchors.size === 0) return;
  walkSchema(root, (node) => {
    const ref = node['$ref'];
    if (typeof ref !== 'string' || !ref.startsWith('#') || ref.startsWith('#/')) return;
    const pointer = anchors.get(ref.slice(1));
    if (pointer !== undefined) node['$ref'] = '#' + pointer;
  });
}

/** Keywords that only constrain an object already described elsewhere; they add nothing to its type. */
const CONSTRAINT_ONLY = new Set([
  'required',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'not',
  'description',
  '$comment',
  'title',
]);

/**
 * `anyOf: [{required: [a]}, {required: [b]}]` ("at least one of a, b") is a rule about which
 * properties are present, not a type; json-schema-to-typescript would turn it into an index
 * signature. Only the type derivation drops it; the validator keeps it.
 */
function dropConstraintOnlyBranches(root: JsonSchema): void {
  visit(root, root, false, (n) => {
    for (const key of ['anyOf', 'oneOf']) {
      const branches = n[key];
      if (
        Array.isArray(branches) &&
        branches.every(
          (b: unknown) => typeof b === 'object' && b !== null && Object.keys(b).every((k) => CONSTRAINT_ONLY.has(k)),
        )
      ) {
        delete n[key];
      }
    }
  });
}

/** Marks properties with a default as required where ajv is known to apply the default. */
function promoteDefaults(root: JsonSchema): void {
  // First pass: which definitions are reached through a composite keyword?
  const compositeDefs = new Set<unknown>();
  const seen = new Set<unknown>();
  const mark = (node: unknown, composite: boolean, follow: boolean): void => {
    visit(root, node, composite, (n, c) => {
      const ref = n['$ref'];
      if (typeof ref === 'string' && ref.startsWith('#/')) {
        const target = resolvePointer(root, decodeURIComponent(ref.slice(1)));
        if (c) compositeDefs.add(target);
        const key = `${c}:${ref}`;
        if (follow && !seen.has(key)) {
          seen.add(key);
          mark(target, c, true);
        }
      }
    });
  };
  mark(root, false, true);
  // Second pass: promote defaults in the root and in definitions never reached compositely.
  const promote = (node: unknown): void =>
    visit(
      root,
      node,
      false,
      (n, composite) => {
        if (composite) return;
        const props = n['properties'];
        if (typeof props !== 'object' || props === null) return;
        const required = Array.isArray(n['required']) ? [...(n['required'] as string[])] : [];
        for (const [key, sub] of Object.entries(props as Record<string, unknown>)) {
          if (typeof sub === 'object' && sub !== null && 'default' in sub && !required.includes(key))
            required.push(key);
        }
        if (required.length > 0) n['required'] = required;
      },
      (d) => compositeDefs.has(d),
    );
  promote(root);
}

/**
 * Visits the subschemas of `start` that apply without crossing a `$ref` or a `$defs` entry
 * (definitions are visited when a reference reaches them, with that reference's context), telling
 * `fn` whether a composite keyword (oneOf, anyOf, not, if/then/else) lies on the way.
 */
function visit(
  root: JsonSchema,
  start: unknown,
  composite: boolean,
  fn: (node: JsonSchema, composite: boolean) => void,
  compositeDef: (def: unknown) => boolean = () => false,
): void {
  if (typeof start !== 'object' || start === null || Array.isArray(start)) return;
  // One context per schema on the current path; `skip` marks a definition not visited from here.
  const stack: { composite: boolean; skip: boolean }[] = [];
  walkSchema(
    start as JsonSchema,
    (node, { parent, keyword }) => {
      const up = stack[stack.length - 1] ?? { composite, skip: false };
      let ctx: { composite: boolean; skip: boolean };
      if (up.skip) ctx = up;
      else if (isDefinitionsKeyword(keyword)) {
        // Definitions are not instances of this schema; visit them only from the root, non-composite
        // context, so that unreferenced ones still get their defaults promoted.
        ctx =
          parent === root && start === root
            ? { composite: up.composite || compositeDef(node), skip: false }
            : { composite: false, skip: true };
      } else ctx = { composite: up.composite || isCompositeKeyword(keyword), skip: false };
      stack.push(ctx);
      if (!ctx.skip) fn(node, ctx.composite);
    },
    () => {
      stack.pop();
    },
  );
}
