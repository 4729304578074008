/**
 * Phase 2a: compile the schema ahead of time into standalone validator code (ajv's standalone
 * mode). The emitted module carries only the checks for this schema and a few small ajv runtime
 * helpers (string length, deep equality, format checks), never the schema compiler itself.
 */
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { Ajv } from 'ajv';
import { allowExtensionKeywords, createAjv } from './ajv-setup.js';
import { GenError } from './errors.js';
import { walkSchema, type LoadedSchema } from './schema-load.js';

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
  return { code: toEsm(standaloneCode(ajv, validate)), warnings: log.warnings.map((w) => w.replace(/^strict mode: /, '')) };
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
  walkSchema(loaded.schema, '', (node, pointer) => {
    if (!Object.prototype.hasOwnProperty.call(node, 'default')) return;
    const check = ajv.getSchema(`${ROOT_KEY}#${pointer}`);
    if (!check || check(structuredClone(node['default']))) return;
    const first = check.errors?.[0];
    const why = first ? `${first.instancePath ? `${first.instancePath} ` : ''}${first.message ?? 'invalid'}` : 'invalid';
    throw new GenError(
      `the default ${JSON.stringify(node['default'])} does not fit its own schema (${why}), so every config that leaves it out would be refused`,
      loaded.file,
      `${pointer}/default`,
    );
  });
}

const ROOT_KEY = 'a6kit-plugin-schema';

function collectKeywords(loaded: LoadedSchema): Set<string> {
  const keys = new Set<string>();
  walkSchema(loaded.schema, '', (node) => Object.keys(node).forEach((k) => keys.add(k)));
  return keys;
}

function compileError(message: string, loaded: LoadedSchema): GenError {
  const at = /at path "#([^"]*)"/.exec(message);
  const pointer = at ? at[1] : '';
  return new GenError(message.replace(/ ignored in schema at path "[^"]*"/, ''), loaded.file, pointer);
}

function unknownKeywordError(keyword: string, loaded: LoadedSchema): GenError {
  let pointer = '';
  walkSchema(loaded.schema, '', (node, p) => {
    if (pointer === '' && Object.prototype.hasOwnProperty.call(node, keyword)) pointer = `${p}/${keyword}`;
  });
  return new GenError(
    `unknown keyword ${JSON.stringify(keyword)} (a typo? a6kit refuses unknown keywords so no check is silently skipped)`,
    loaded.file,
    pointer,
  );
}

/**
 * ajv's ESM output still `require`s its runtime helpers. Turn each into an import and unwrap the
 * CommonJS module the same way whichever loader runs it: Node gives the namespace a `default` that
 * is `module.exports`; bundlers in non-Node mode give `module.exports` itself.
 */
function toEsm(code: string): string {
  const modules: string[] = [];
  const body = code
    .replace(/^"use strict";\s*/, '')
    .replace(/require\("([^"]+)"\)/g, (_m, spec: string) => {
      let i = modules.indexOf(spec);
      if (i < 0) i = modules.push(spec) - 1;
      return `__cjs${i}`;
    });
  if (modules.length === 0) return body;
  // ajv and ajv-formats have no `exports` map, so Node's ESM resolver needs the file extension.
  const withExtension = (spec: string): string => (/\.[cm]?js$/.test(spec) ? spec : `${spec}.js`);
  const head = [
    ...modules.map((spec, i) => `import * as __ns${i} from ${JSON.stringify(withExtension(spec))};`),
    'const __unwrap = (ns) => (ns.default && typeof ns.default === "object" && "__esModule" in ns.default ? ns.default : ns);',
    ...modules.map((_s, i) => `const __cjs${i} = __unwrap(__ns${i});`),
  ];
  return head.join('\n') + '\n' + body;
}
