/** Type derivation and validator compilation on schema shapes beyond the six realistic ones. */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/plugin/model.js';
import { parseSchemaText } from '../../generator/plugin/schema-load.js';

const model = (schema: unknown) => buildModel('x', parseSchemaText(JSON.stringify(schema), 'x.json'));

describe('config types', () => {
  it('the root type is Config whatever its title or $id', async () => {
    const m = await model({
      $id: 'https://example.com/x.json',
      title: 'Thing',
      type: 'object',
      properties: { a: { type: 'string' } },
    });
    expect(m.typesCode).toContain('export interface Config {');
    expect(m.typesCode).toContain(' * Thing');
  });

  it('follows $anchor references (2020-12)', async () => {
    const m = await model({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { a: { $ref: '#name' } },
      $defs: { name: { $anchor: 'name', type: 'string', minLength: 1 } },
    });
    expect(m.typesCode).toContain('a?: Name;');
  });

  it('types a defaulted property as present, except where ajv cannot apply the default (and says so)', async () => {
    const m = await model({
      type: 'object',
      properties: {
        plain: { type: 'integer', default: 1 },
        tree: { $ref: '#/$defs/node' },
        either: { oneOf: [{ $ref: '#/$defs/opt' }, { type: 'string' }] },
      },
      $defs: {
        node: {
          type: 'object',
          properties: { v: { type: 'integer', default: 0 }, kids: { type: 'array', items: { $ref: '#/$defs/node' } } },
        },
        opt: { type: 'object', properties: { b: { type: 'string', default: 'x' } } },
      },
    });
    expect(m.typesCode).toMatch(/plain: number;/);
    expect(m.typesCode).toMatch(/v: number;/);
    expect(m.typesCode).toMatch(/b\?: string;/);
  });

  it('warns about a default ajv ignores', async () => {
    const m = await model({
      type: 'object',
      properties: { a: { anyOf: [{ type: 'object', properties: { b: { default: 1 } } }, { type: 'null' }] } },
    });
    expect(m.warnings).toEqual(['default is ignored for: data0.b']);
  });

  it('accepts x- extension keywords', async () => {
    const m = await model({ type: 'object', 'x-doc': 'y', properties: { a: { type: 'string', 'x-go-name': 'A' } } });
    expect(m.typesCode).toContain('a?: string;');
  });

  it('quotes property names that are not identifiers', async () => {
    const m = await model({ type: 'object', required: ['a/b'], properties: { 'a/b': { type: 'string' } } });
    expect(m.typesCode).toContain("'a/b': string;");
  });
});
