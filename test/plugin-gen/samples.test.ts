/**
 * The valid sample config a generated test starts from: when a6kit cannot find one, the user gets
 * an `it.todo` instead of a test that drives the plugin, so common numeric and array constraints
 * must be met.
 */
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../generator/plugin/ajv-setup.js';
import { buildSamples } from '../../generator/plugin/samples.js';
import { parseSchemaText } from '../../generator/plugin/schema-load.js';

const schemas: [string, Record<string, unknown>][] = [
  ['a maximum below 1', { type: 'number', maximum: -5 }],
  ['an exclusive maximum', { type: 'integer', exclusiveMaximum: 0 }],
  ['multipleOf above an exclusive minimum', { type: 'integer', multipleOf: 7, exclusiveMinimum: 10 }],
  ['multipleOf inside a range', { type: 'number', multipleOf: 0.5, minimum: 2.2, maximum: 2.9 }],
  ['unique items from an enum', { type: 'array', items: { enum: ['a', 'b', 'c'] }, minItems: 2, uniqueItems: true }],
];

describe('generated test samples', () => {
  it.each(schemas)('finds a valid config for %s', (_label, field) => {
    const schema = { type: 'object', required: ['f'], properties: { f: field } };
    const samples = buildSamples(parseSchemaText(JSON.stringify(schema), 's.json'));
    expect(samples.valid).toBeDefined();
    expect(createAjv('draft-07', { warnings: [] }).validate(schema, samples.valid)).toBe(true);
  });
});
