/**
 * Phase 2a: compile the schema ahead of time into standalone validator code (ajv's standalone
 * mode). The emitted module carries only the checks for this schema and a few small ajv runtime
 * helpers (string length, deep equality, format checks), never the schema compiler itself.
 */
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { Ajv } from 'ajv';
import { allowExtensionKeywords, createAjv } from './ajv-setup.js';
import { GenError } from './errors.js';
import type { LoadedSchema } from './schema-load.js';
import { walkSchema, type JsonSchema } from './schema-walk.js';
import { append } from '@hyperjump/json-pointer';

const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (
  ajv: Ajv,
  validate: unknown,
) => string;

export interface CompiledValidator {
  /** ES module source exporting `validate` (ajv's standalone validate function). */
  code: string;
  /** Non-fatal remarks from ajv (for example a `default` ajv cannot apply). */
  warnings: string[];
}

export function compileValidator(loaded: LoadedSchema): CompiledValidator {
  const log = { warnings: [] as string[] };
  const ajv = createAjv(loaded.draft, log);
  allowExtensionKeywords(ajv, collectKeywords(loaded));
  let validate: unknown;
  try {
    validate = ajv.compile(loaded.schema);
  } catch (err) {
    throw compileError((err as Error).message, loaded);
  }
  // Strict mode is in "log" mode so that all remarks are collected; unknown keywords are refused
  // because they are usually typos that would silently switch a check off.
  for (const w of log.warnings) {
    const unknown = /unknown keyword: "([^"]+)"/.exec(w);
    if (unknown) throw unknownKeywordError(unknown[1] ?? '', loaded);
  }
  checkDefaults(loaded);
  const code = withSchemaExport(standaloneCode(ajv, validate), loaded.schema);
  return {
    code: withRuntimeHelpers(code, requiredModules(code)),
    warnings: log.warnings.map((w) => w.replace(/^strict mode: /, '')),
  };
}

/**
 * ajv fills a missing field with its `default` and then validates it, so a default its own schema
 * refuses makes every route config that leaves the field out fail at PrepareConf (and the generated
 * type becomes an impossible intersection). Caught here, where the schema is written.
 */
function checkDefaults(loaded: LoadedSchema): void {
  const ajv = createAjv(loaded.draft, { warnings: [] });
  allowExtensionKeywords(ajv, collectKeywords(loaded));
  ajv.addSchema(loaded.schema, ROOT_KEY);
  walkSchema(loaded.schema, (node, { pointer }) => {
    if (!Object.prototype.hasOwnProperty.call(node, 'default')) return;
    const check = ajv.getSchema(`${ROOT_KEY}#${pointer}`);
    if (!check || check(structuredClone(node['default']))) return;
    const first = check.errors?.[0];
    const why = first
      ? `${first.instancePath ? `${first.instancePath} ` : ''}${first.message ?? 'invalid'}`
      : 'invalid';
    throw new GenError(
      `the default ${JSON.stringify(node['default'])} does not fit its own schema (${why}), so every config that leaves it out would be refused`,
      loaded.file,
      append('default', pointer),
    );
  });
}

const ROOT_KEY = 'a6kit-plugin-schema';

function collectKeywords(loaded: LoadedSchema): Set<string> {
  const keys = new Set<string>();
  walkSchema(loaded.schema, (node) => Object.keys(node).forEach((k) => keys.add(k)));
  return keys;
}

function compileError(message: string, loaded: LoadedSchema): GenError {
  const at = /at path "#([^"]*)"/.exec(message);
  const pointer = at ? at[1] : '';
  return new GenError(message.replace(/ ignored in schema at path "[^"]*"/, ''), loaded.file, pointer);
}

function unknownKeywordError(keyword: string, loaded: LoadedSchema): GenError {
  let pointer = '';
  walkSchema(loaded.schema, (node, place) => {
    if (pointer === '' && Object.prototype.hasOwnProperty.call(node, keyword)) pointer = append(keyword, place.pointer);
  });
  return new GenError(
    `unknown keyword ${JSON.stringify(keyword)} (a typo? a6kit refuses unknown keywords so no check is silently skipped)`,
    loaded.file,
    pointer,
  );
}

/**
 * ajv's `code.esm` option (set in ajv-setup.ts) makes the standalone module export `validate` as
 * ESM, but ajv still reaches its runtime helpers (string length, deep equality, formats) through
 * `require("ajv/dist/runtime/…")` calls in that output (ajv issues #1976, #2209). ajv's code is
 * kept exactly as ajv wrote it; the module gets a module-local `require` backed by static imports
 * of exactly the modules ajv's code names, so Node
 * runs it as ESM and a bundler sees plain imports it can follow.
 */
function withRuntimeHelpers(code: string, helpers: readonly string[]): string {
  if (helpers.length === 0) return code;
  // ajv and ajv-formats have no `exports` map, so Node's ESM resolver needs the file extension.
  const withExtension = (spec: string): string => (/\.[cm]?js$/.test(spec) ? spec : `${spec}.js`);
  // Imports and function declarations are hoisted, so this block can follow ajv's code, which
  // calls `require` at the top level.
  const tail = [
    `// ajv's runtime helpers: its standalone code \`require\`s them even in ESM mode.`,
    ...helpers.map((spec, i) => `import * as __helper${i} from ${JSON.stringify(withExtension(spec))};`),
    'function require(spec) {',
    '  switch (spec) {',
    ...helpers.map((spec, i) => `    case ${JSON.stringify(spec)}: return __cjs(__helper${i});`),
    '  }',
    '  throw new Error(`a6kit: no runtime helper ${spec} was imported for this validator`);',
    '}',
    // Node gives a CommonJS module's namespace a `default` that is `module.exports`; bundlers in
    // non-Node mode give `module.exports` itself. Unwrap both the same way.
    'function __cjs(ns) { return ns.default && typeof ns.default === "object" && "__esModule" in ns.default ? ns.default : ns; }',
  ];
  return code.trimEnd() + '\n\n' + tail.join('\n') + '\n';
}

/**
 * The schema itself travels with the validator, so a built runner can describe its plugins
 * (`a6-runner plugins --json`) without schema.json beside it. ajv's code usually holds the root
 * schema as a constant already (`const schemaNN = {…};`): export that one rather than a second copy.
 */
function withSchemaExport(code: string, schema: JsonSchema): string {
  const literal = ` = ${JSON.stringify(schema)};\n`;
  const at = code.indexOf(literal);
  const lineStart = code.lastIndexOf('\n', at) + 1;
  const declared = at < 0 ? undefined : /^const (schema\d+)$/.exec(code.slice(lineStart, at))?.[1];
  const tail =
    declared === undefined ? `export const schema = ${JSON.stringify(schema)};` : `export { ${declared} as schema };`;
  return `${code.trimEnd()}\n${tail}\n`;
}

/** The modules ajv's standalone code `require`s, in first-use order (read, never rewritten). */
function requiredModules(code: string): string[] {
  return [...new Set(Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (m) => m[1] ?? ''))];
}
