/**
 * The shared half of every generated `parseConf`: JSON text in, validated config out, or a
 * ConfError that names where the config is wrong. The per-plugin half (the validator compiled ahead
 * of time by `a6kit gen`) is passed in, so the runner carries no schema compiler and this logic
 * exists once, not once per plugin.
 */
import { append } from '@hyperjump/json-pointer';
import { ConfError } from './plugin.js';

/** One error as reported by an ahead-of-time compiled (ajv standalone) validator. */
export interface ValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: validates in place (fills in schema defaults), sets `errors` when invalid. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

/**
 * Parse the JSON text APISIX holds for a plugin on a route and validate it. An empty text is read
 * as `{}` (a plugin listed with no config). Runs at PrepareConf time only.
 */
export function parseJsonConf<C>(raw: string, validate: CompiledValidator): C {
  let value: unknown;
  try {
    value = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch (err) {
    throw new ConfError(`config is not valid JSON: ${(err as Error).message}`, '');
  }
  if (!validate(value)) throw confErrorFrom(validate.errors ?? []);
  return value as C;
}

/** The most useful single message for a failed validation: `<pointer>: <what is wrong>`. */
export function confErrorFrom(errors: readonly ValidationError[]): ConfError {
  const combinator = errors.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  // ajv reports the innermost failure last; for oneOf/anyOf the combinator itself is the real story.
  const primary = combinator ?? errors[errors.length - 1];
  if (primary === undefined) return new ConfError('config is invalid', '');
  const [pointer, text] = describe(primary);
  let message = `${pointer || '(root)'}: ${text}`;
  if (combinator) {
    const options = errors
      .filter((e) => e !== combinator)
      .map((e) => {
        const [p, t] = describe(e);
        const option = /\/(?:oneOf|anyOf)\/(\d+)\//.exec(e.schemaPath)?.[1];
        return `${option === undefined ? '' : `option ${Number(option) + 1}: `}${p || '(root)'} ${t}`;
      });
    if (options.length > 0) message += ` (${options.join('; ')})`;
  }
  return new ConfError(message, pointer);
}

/** One validation error as [JSON pointer of the offending value, what is wrong with it]. */
function describe(e: ValidationError): [string, string] {
  switch (e.keyword) {
    case 'required':
      return [append(String(e.params['missingProperty']), e.instancePath), 'is required'];
    case 'additionalProperties':
      return [append(String(e.params['additionalProperty']), e.instancePath), 'is not allowed (unknown property)'];
    case 'enum':
      return [
        e.instancePath,
        `must be one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      ];
    case 'const':
      return [e.instancePath, `must be ${JSON.stringify(e.params['allowedValue'])}`];
    default:
      return [e.instancePath, e.message ?? `fails "${e.keyword}"`];
  }
}
