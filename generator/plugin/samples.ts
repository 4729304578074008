/**
 * Sample configs for a plugin's generated test: one the schema accepts and one it refuses, each
 * checked against the real validator at generation time so the generated test is right by
 * construction. Prefers the schema's own `examples`; otherwise builds the smallest plausible value.
 */
import { createAjv } from './ajv-setup.js';
import { resolvePointer, type JsonSchema, type LoadedSchema } from './schema-load.js';

export interface ConfigSamples {
  /** Accepted config, or undefined when none could be found (the test then asks the user for one). */
  valid: unknown;
  /** Refused config and the pointer/message prefix parseConf reports for it. */
  invalid: { raw: string; pointer: string; message: string };
}

const FORMAT_SAMPLES: Record<string, string> = {
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  uri: 'https://example.com/',
  'uri-reference': '/path',
  iri: 'https://example.com/',
  'iri-reference': '/path',
  url: 'https://example.com/',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  date: '2024-01-31',
  time: '12:00:00Z',
  'date-time': '2024-01-31T12:00:00Z',
  duration: 'P1D',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  regex: '^/',
  'json-pointer': '/a',
  'relative-json-pointer': '0',
  byte: 'aGVsbG8=',
};

export function buildSamples(loaded: LoadedSchema): ConfigSamples {
  const ajv = createAjv(loaded.draft, { warnings: [] });
  const validate = ajv.compile(loaded.schema);
  const accepts = (v: unknown): boolean => validate(structuredClone(v));
  const candidates: unknown[] = [];
  const examples = loaded.schema['examples'];
  if (Array.isArray(examples)) candidates.push(...(examples as unknown[]));
  candidates.push(sample(loaded.schema, loaded.schema, 0));
  const valid = candidates.find((c) => c !== undefined && accepts(c));
  return { valid, invalid: invalidSample(loaded.schema, valid, accepts) };
}

function sample(root: JsonSchema, s: unknown, depth: number): unknown {
  if (typeof s !== 'object' || s === null || depth > 12) return undefined;
  const schema = s as JsonSchema;
  if (typeof schema['$ref'] === 'string' && schema['$ref'].startsWith('#')) {
    return sample(root, resolvePointer(root, decodeURIComponent(schema['$ref'].slice(1))), depth + 1);
  }
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if ('default' in schema) return schema['default'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  for (const key of ['oneOf', 'anyOf']) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return sample(root, options[0], depth + 1);
  }
  if (Array.isArray(schema['allOf'])) {
    return Object.assign({}, ...schema['allOf'].map((p) => sample(root, p, depth + 1) ?? {}));
  }
  const type: unknown = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  switch (type ?? (schema['properties'] ? 'object' : undefined)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = (schema['properties'] ?? {}) as Record<string, unknown>;
      for (const key of (schema['required'] as string[] | undefined) ?? [])
        out[key] = sample(root, props[key] ?? {}, depth + 1) ?? '';
      return out;
    }
    case 'array': {
      const min = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      // Distinct items: an enum of items offers them directly; copies of one sample would not do.
      const items = schema['items'] as JsonSchema | undefined;
      if (schema['uniqueItems'] === true && Array.isArray(items?.['enum']))
        return items['enum'].slice(0, Math.max(min, 1));
      const item = sample(root, schema['items'] ?? {}, depth + 1);
      return Array.from({ length: Math.max(min, item === undefined ? 0 : 1) }, () => structuredClone(item));
    }
    case 'string': {
      const format = typeof schema['format'] === 'string' ? FORMAT_SAMPLES[schema['format']] : undefined;
      if (format) return format;
      const min = Math.max(1, typeof schema['minLength'] === 'number' ? schema['minLength'] : 1);
      const plain = 'x'.repeat(min);
      if (typeof schema['pattern'] !== 'string') return plain;
      // A few common shapes; the result is validated as a whole later, so a miss only costs the sample.
      const re = safeRegExp(schema['pattern']);
      const tries = [
        plain,
        '/',
        '/' + plain,
        'a'.repeat(min),
        'A'.repeat(min),
        '0'.repeat(min),
        'example',
        'x-example',
        'example.com',
      ];
      return tries.find((t) => t.length >= min && re?.test(t)) ?? plain;
    }
    case 'integer':
    case 'number':
      return sampleNumber(schema, type === 'integer');
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {};
  }
}

/** The number nearest the lower bound (else 1, else just under the upper bound) that fits every bound and multipleOf. */
function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const num = (k: string): number | undefined => (typeof schema[k] === 'number' ? schema[k] : undefined);
  const [min, xmin, max, xmax] = [num('minimum'), num('exclusiveMinimum'), num('maximum'), num('exclusiveMaximum')];
  const step = num('multipleOf') ?? (integer ? 1 : undefined);
  const fits = (v: number): boolean =>
    (min === undefined || v >= min) &&
    (xmin === undefined || v > xmin) &&
    (max === undefined || v <= max) &&
    (xmax === undefined || v < xmax);
  const hasLow = min !== undefined || xmin !== undefined;
  const base = hasLow ? Math.max(min ?? -Infinity, xmin ?? -Infinity) : Math.min(1, max ?? Infinity, xmax ?? Infinity);
  if (step === undefined || step <= 0) {
    return [base, base + 1, base - 1].find(fits) ?? base;
  }
  const k = Math.ceil(base / step);
  // toPrecision: 3 * 0.1 is 0.30000000000000004, which multipleOf 0.1 refuses.
  const candidates = [k, k + 1, k - 1, k - 2].map((i) => Number((i * step).toPrecision(12)));
  return candidates.find(fits) ?? candidates[0]!;
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}

/** The simplest refused config, with the pointer and message the generated parseConf reports. */
function invalidSample(schema: JsonSchema, valid: unknown, accepts: (v: unknown) => boolean): ConfigSamples['invalid'] {
  const required = schema['required'];
  if (valid && typeof valid === 'object' && !Array.isArray(valid) && Array.isArray(required) && required.length > 0) {
    const key = String(required[0]);
    const copy = { ...(valid as Record<string, unknown>) };
    delete copy[key];
    if (!accepts(copy))
      return {
        raw: JSON.stringify(copy),
        pointer: '/' + key.replace(/~/g, '~0').replace(/\//g, '~1'),
        message: 'is required',
      };
  }
  if (schema['type'] === 'object' && !accepts([])) return { raw: '[]', pointer: '', message: 'must be object' };
  return { raw: '{"unterminated": ', pointer: '', message: 'config is not valid JSON' };
}
