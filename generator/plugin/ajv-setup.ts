/**
 * The one place that configures ajv, so the schema check at load time and the ahead-of-time
 * compilation of validators agree on every option.
 */
import { Ajv, type Options } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type Draft = 'draft-07' | '2019-09' | '2020-12';

// ajv-formats is CommonJS with a default export; NodeNext sees the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/** Messages ajv reports in strict mode that a6kit shows as warnings rather than refusing the schema. */
export interface StrictLog {
  warnings: string[];
}

export function createAjv(draft: Draft, log: StrictLog): Ajv {
  const opts: Options = {
    code: { source: true, esm: true, lines: true },
    // Defaults from the schema are written into the parsed config, so filters see them.
    useDefaults: true,
    // Stop at the first error: parseConf reports one precise problem, and the code stays small.
    allErrors: false,
    // Typos in keywords must not silently weaken validation; unions of types are legitimate JSON Schema.
    strict: 'log',
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    discriminator: true,
    logger: {
      log: () => {},
      warn: (...args: unknown[]) => log.warnings.push(args.map(String).join(' ')),
      error: (...args: unknown[]) => log.warnings.push(args.map(String).join(' ')),
    },
  };
  const ajv = draft === '2020-12' ? new Ajv2020(opts) : draft === '2019-09' ? new Ajv2019(opts) : new Ajv(opts);
  addFormats(ajv);
  // ajv resolves `$anchor` references but its strict mode still calls the keyword unknown.
  if (draft !== 'draft-07') ajv.addKeyword({ keyword: '$anchor', schemaType: 'string' });
  return ajv;
}

/** Extension keywords (`x-…`) are annotations by convention: accept them instead of refusing a typo. */
export function allowExtensionKeywords(ajv: Ajv, keywords: Iterable<string>): void {
  for (const keyword of keywords) if (keyword.startsWith('x-') && !ajv.getKeyword(keyword)) ajv.addKeyword({ keyword });
}
