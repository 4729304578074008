/**
 * Phase 1: read a plugin's schema.json and prove it is a usable JSON Schema before anything is
 * generated. Every problem is reported as a GenError with the file and a JSON pointer; callers write
 * nothing when this throws.
 */
import { readFile } from 'node:fs/promises';
import { createAjv, type Draft } from './ajv-setup.js';
import { append } from '@hyperjump/json-pointer';
import { GenError } from './errors.js';
import { resolvePointer, walkSchema, type JsonSchema } from './schema-walk.js';

export type { JsonSchema };
// Kept here for the sample generator (examples.ts), which resolves $refs the same way.
export { resolvePointer };

export interface LoadedSchema {
  /** File name used in messages (project-relative when loaded through a project). */
  file: string;
  /** Exact bytes of the file (for copying it unchanged). */
  text: string;
  schema: JsonSchema;
  draft: Draft;
}

export async function loadSchemaFile(path: string, displayName: string = path): Promise<LoadedSchema> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new GenError(`cannot read schema: ${(err as Error).message}`, displayName);
  }
  return parseSchemaText(text, displayName);
}

export function parseSchemaText(text: string, file: string): LoadedSchema {
  const schema = parseJson(text, file);
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new GenError('a plugin schema must be a JSON object', file, '');
  }
  const root = schema as JsonSchema;
  const draft = detectDraft(root, file);
  checkRefs(root, file);
  checkAgainstMetaSchema(root, draft, file);
  return { file, text, schema: root, draft };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset).split('\n');
      const line = before.length;
      const col = (before[before.length - 1] ?? '').length + 1;
      throw new GenError(`invalid JSON at line ${line}, column ${col}: ${msg}`, file);
    }
    throw new GenError(`invalid JSON: ${msg}`, file);
  }
}

const DRAFTS: Record<string, Draft> = {
  'http://json-schema.org/draft-07/schema': 'draft-07',
  'https://json-schema.org/draft/2019-09/schema': '2019-09',
  'https://json-schema.org/draft/2020-12/schema': '2020-12',
};

function detectDraft(schema: JsonSchema, file: string): Draft {
  const declared = schema['$schema'];
  if (declared === undefined) return 'draft-07';
  if (typeof declared !== 'string') throw new GenError('$schema must be a string', file, '/$schema');
  const draft = DRAFTS[declared.replace(/#$/, '')];
  if (!draft) {
    throw new GenError(
      `unsupported $schema ${JSON.stringify(declared)}: use draft-07, 2019-09 or 2020-12 (or omit $schema for draft-07)`,
      file,
      '/$schema',
    );
  }
  return draft;
}

/**
 * Only references inside the schema file are allowed: a runner must not fetch schemas at build time
 * and the generated validator must be self-contained. Each `$ref` is resolved here so a typo is
 * reported where it is written rather than as a compiler stack trace.
 */
function checkRefs(root: JsonSchema, file: string): void {
  const anchors = collectAnchors(root);
  walkSchema(root, (node, { pointer }) => {
    const ref = node['$ref'];
    if (ref === undefined) return;
    const at = append('$ref', pointer);
    if (typeof ref !== 'string') throw new GenError('$ref must be a string', file, at);
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      throw new GenError(
        `remote $ref ${JSON.stringify(ref)} is not supported: a6kit never fetches schemas; ` +
          `copy the referenced schema into $defs and refer to it as "#/$defs/<name>"`,
        file,
        at,
      );
    }
    if (!ref.startsWith('#')) {
      throw new GenError(
        `external $ref ${JSON.stringify(ref)} is not supported: only references inside this file ("#/...") are; ` +
          `copy the referenced schema into $defs`,
        file,
        at,
      );
    }
    const fragment = ref.slice(1);
    if (fragment === '' || fragment.startsWith('/')) {
      if (resolvePointer(root, decodeURIComponent(fragment)) === undefined) {
        throw new GenError(
          `unresolvable $ref ${JSON.stringify(ref)}: nothing at ${fragment || '/'} in this schema`,
          file,
          at,
        );
      }
    } else if (!anchors.has(fragment)) {
      throw new GenError(
        `unresolvable $ref ${JSON.stringify(ref)}: no $anchor ${JSON.stringify(fragment)} in this schema`,
        file,
        at,
      );
    }
  });
}

function collectAnchors(root: JsonSchema): Set<string> {
  const anchors = new Set<string>();
  walkSchema(root, (node) => {
    if (typeof node['$anchor'] === 'string') anchors.add(node['$anchor']);
    if (typeof node['$dynamicAnchor'] === 'string') anchors.add(node['$dynamicAnchor']);
    const id = node['$id'];
    if (typeof id === 'string' && id.startsWith('#')) anchors.add(id.slice(1)); // draft-07 plain-name fragments
  });
  return anchors;
}

/** The schema must itself be valid against its draft's meta-schema. */
function checkAgainstMetaSchema(schema: JsonSchema, draft: Draft, file: string): void {
  const ajv = createAjv(draft, { warnings: [] });
  if (ajv.validateSchema(schema)) return;
  const first = ajv.errors?.[0];
  if (!first) throw new GenError('not a valid JSON Schema', file, '');
  const allowed = (first.params as { allowedValues?: unknown[] }).allowedValues;
  const hint = Array.isArray(allowed) ? ` (${allowed.map((v) => JSON.stringify(v)).join(', ')})` : '';
  throw new GenError(`not a valid JSON Schema: ${first.message ?? 'invalid'}${hint}`, file, first.instancePath);
}
