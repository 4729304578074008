/**
 * Everything a6kit refuses, tested for the exact text the user reads, and for leaving the project
 * exactly as it was.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../tooling/user-error.js';
import { runGenProject } from '../../project/generate.js';
import { parseSchemaText } from '../../generator/plugin/schema-load.js';
import { compileValidator } from '../../generator/plugin/validator.js';
import { initProject, newPlugin } from '../../project/scaffold.js';
import { capture, schemasDir, scratchDir, snapshot } from './helpers.js';

let project: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: project, cleanup } = await scratchDir('errors'));
  await initProject({ dir: project, log: capture() });
  await newPlugin({ project, name: 'cors', schema: join(schemasDir, 'cors.json'), log: capture() });
});
afterAll(async () => {
  await cleanup();
});

/** Runs `fn`, expects a UserError (a GenError for a schema), returns its message. */
async function refusal(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

const badSchemas: [string, string, string][] = [
  ['invalid JSON', '{\n  "type": "object",\n  "properties": {,}\n}', `bad.json: invalid JSON at line 3, column 18: `],
  ['not an object', '[]', 'bad.json#: a plugin schema must be a JSON object'],
  [
    'invalid JSON Schema',
    JSON.stringify({ type: 'object', properties: { mode: { type: 'strin' } } }),
    'bad.json#/properties/mode/type: not a valid JSON Schema: must be equal to one of the allowed values ("array", "boolean", "integer", "null", "number", "object", "string")',
  ],
  [
    'unresolvable $ref',
    JSON.stringify({ type: 'object', properties: { rule: { $ref: '#/$defs/rulee' } }, $defs: { rule: {} } }),
    'bad.json#/properties/rule/$ref: unresolvable $ref "#/$defs/rulee": nothing at /$defs/rulee in this schema',
  ],
  [
    'remote $ref',
    JSON.stringify({ type: 'object', properties: { a: { items: { $ref: 'https://example.com/schemas/a.json' } } } }),
    'bad.json#/properties/a/items/$ref: remote $ref "https://example.com/schemas/a.json" is not supported: a6kit never fetches schemas; copy the referenced schema into $defs and refer to it as "#/$defs/<name>"',
  ],
  [
    'remote $ref under a property named like a keyword',
    JSON.stringify({ type: 'object', properties: { default: { $ref: 'https://example.com/d.json' } } }),
    'bad.json#/properties/default/$ref: remote $ref "https://example.com/d.json" is not supported: a6kit never fetches schemas; copy the referenced schema into $defs and refer to it as "#/$defs/<name>"',
  ],
  [
    'external file $ref',
    JSON.stringify({ type: 'object', properties: { a: { $ref: 'common.json#/defs/a' } } }),
    'bad.json#/properties/a/$ref: external $ref "common.json#/defs/a" is not supported: only references inside this file ("#/...") are; copy the referenced schema into $defs',
  ],
  [
    'unknown keyword',
    JSON.stringify({ type: 'object', properties: { a: { type: 'string', maxLenght: 3 } } }),
    'bad.json#/properties/a/maxLenght: unknown keyword "maxLenght" (a typo? a6kit refuses unknown keywords so no check is silently skipped)',
  ],
  [
    'unknown format',
    JSON.stringify({ type: 'object', properties: { a: { type: 'string', format: 'emial' } } }),
    'bad.json#/properties/a: unknown format "emial"',
  ],
  [
    'unsupported draft',
    JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }),
    'bad.json#/$schema: unsupported $schema "http://json-schema.org/draft-04/schema#": use draft-07, 2019-09 or 2020-12 (or omit $schema for draft-07)',
  ],
  // A default its own schema refuses: every route config that leaves the field out would be refused.
  [
    'default of the wrong type',
    JSON.stringify({ type: 'object', properties: { retries: { type: 'integer', default: '3' } } }),
    'bad.json#/properties/retries/default: the default "3" does not fit its own schema (must be integer), so every config that leaves it out would be refused',
  ],
  [
    'object default missing a required field, behind a $ref',
    JSON.stringify({
      type: 'object',
      properties: { upstream: { $ref: '#/$defs/target' } },
      $defs: { target: { type: 'object', required: ['host'], properties: { host: { type: 'string' } }, default: {} } },
    }),
    "bad.json#/$defs/target/default: the default {} does not fit its own schema (must have required property 'host'), so every config that leaves it out would be refused",
  ],
  [
    'default outside an enum, in an array item',
    JSON.stringify({
      type: 'object',
      properties: {
        rules: {
          type: 'array',
          items: { type: 'object', properties: { mode: { enum: ['allow', 'deny'], default: 'alow' } } },
        },
      },
    }),
    'bad.json#/properties/rules/items/properties/mode/default: the default "alow" does not fit its own schema (must be equal to one of the allowed values), so every config that leaves it out would be refused',
  ],
  // Draft 2020-12 keywords that hold schemas: a bad $ref or default under each is still found.
  [
    'unresolvable $ref under prefixItems (2020-12)',
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { t: { type: 'array', prefixItems: [{ type: 'string' }, { $ref: '#/$defs/nope' }] } },
    }),
    'bad.json#/properties/t/prefixItems/1/$ref: unresolvable $ref "#/$defs/nope": nothing at /$defs/nope in this schema',
  ],
  [
    'remote $ref under dependentSchemas (2020-12)',
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      dependentSchemas: { a: { $ref: 'https://example.com/x.json' } },
    }),
    'bad.json#/dependentSchemas/a/$ref: remote $ref "https://example.com/x.json" is not supported: a6kit never fetches schemas; copy the referenced schema into $defs and refer to it as "#/$defs/<name>"',
  ],
  [
    'default that misfits under unevaluatedProperties (2020-12)',
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      unevaluatedProperties: { type: 'integer', default: 'x' },
    }),
    'bad.json#/unevaluatedProperties/default: the default "x" does not fit its own schema (must be integer), so every config that leaves it out would be refused',
  ],
];

describe('schema walking', () => {
  it('does not take data inside an extension annotation for a schema (no $ref check, no default check)', () => {
    const text = JSON.stringify({
      type: 'object',
      'x-ui': { $ref: 'https://example.com/widgets.json', default: 5, type: 'string' },
      properties: { a: { type: 'string', examples: [{ $ref: 'not-a-ref' }] } },
    });
    expect(() => compileValidator(parseSchemaText(text, 'ok.json'))).not.toThrow();
  });
});

describe('bad schemas', () => {
  it.each(badSchemas)('%s: reported with file and JSON pointer', async (_label, text, expected) => {
    const message = await refusal(() => compileValidator(parseSchemaText(text, 'bad.json')));
    if (expected.endsWith(': ')) expect(message.startsWith(expected)).toBe(true);
    else expect(message).toBe(expected);
  });

  it('a6kit new with a bad schema writes nothing', async () => {
    const before = await snapshot(project);
    const outside = await scratchDir('schema');
    try {
      const file = join(outside.dir, 'bad-remote.json');
      await writeFile(file, badSchemas[4]![1]);
      const message = await refusal(() => newPlugin({ project, name: 'remote', schema: file, log: capture() }));
      expect(message).toBe(`${file}${badSchemas[4]![2].slice('bad.json'.length)}`);
      expect(await snapshot(project)).toEqual(before);
    } finally {
      await outside.cleanup();
    }
  });

  it('gen with one bad schema reports it and writes nothing for any plugin', async () => {
    await mkdir(join(project, 'plugins', 'broken'));
    await writeFile(join(project, 'plugins', 'broken', 'schema.json'), badSchemas[3]![1]);
    await writeFile(join(project, 'plugins', 'cors', 'config.gen.ts'), '// stale\n');
    const before = await snapshot(project);
    const log = capture();
    const result = await runGenProject({ project, typecheck: false, log });
    expect(result.code).toBe(1);
    expect(log.errors).toEqual([
      'error: plugins/broken/schema.json#/properties/rule/$ref: unresolvable $ref "#/$defs/rulee": nothing at /$defs/rulee in this schema',
      'nothing written',
    ]);
    expect(await snapshot(project)).toEqual(before);
  });
});

describe('plugin names', () => {
  it.each([
    ['', 'invalid plugin name "": APISIX requires 1 to 128 characters (got 0)'],
    ['x'.repeat(129), `invalid plugin name "${'x'.repeat(40)}…": APISIX requires 1 to 128 characters (got 129)`],
    [
      '../escape',
      `invalid plugin name "../escape": use letters, digits, '.', '_' and '-', starting with a letter or digit (the name is also the plugin's folder name)`,
    ],
    [
      'has space',
      `invalid plugin name "has space": use letters, digits, '.', '_' and '-', starting with a letter or digit (the name is also the plugin's folder name)`,
    ],
  ])('refuses %j', async (name, expected) => {
    const before = await snapshot(project);
    expect(await refusal(() => newPlugin({ project, name, log: capture() }))).toBe(expected);
    expect(await snapshot(project)).toEqual(before);
  });

  it('accepts 128 characters', async () => {
    const name = 'a'.repeat(128);
    await newPlugin({ project, name, log: capture() });
    expect((await snapshot(project)).has(`plugins/${name}/index.ts`)).toBe(true);
  });

  it('refuses a duplicate, also differing only in case, and changes nothing', async () => {
    const before = await snapshot(project);
    expect(await refusal(() => newPlugin({ project, name: 'cors', log: capture() }))).toBe(
      'plugin "cors" already exists (plugins/cors); pick another name or edit plugins/cors/schema.json and run `a6kit gen`',
    );
    expect(await refusal(() => newPlugin({ project, name: 'CORS', log: capture() }))).toBe(
      'plugin "CORS" already exists (plugins/cors); pick another name or edit plugins/cors/schema.json and run `a6kit gen`',
    );
    expect(await snapshot(project)).toEqual(before);
  });

  it('refuses outside a runner project', async () => {
    expect(await refusal(() => newPlugin({ project: join(project, 'plugins'), name: 'x', log: capture() }))).toMatch(
      /plugins is not a runner project \(no plugins\/ folder\); run `a6kit init` first$/,
    );
  });

  it('init refuses a non-empty folder', async () => {
    expect(await refusal(() => initProject({ dir: project, log: capture() }))).toMatch(
      /exists and is not empty; init only writes into a new or empty folder$/,
    );
  });
});
