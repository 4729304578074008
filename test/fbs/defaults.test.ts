/**
 * Default values as flatc itself reads them: a table with every field absent, decoded by our
 * codecs, equals flatc's binary -> JSON conversion with `--defaults-json`.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSchema, loadSchema } from '../../generator/fbs/compile.js';
import { ALL_LAYERS } from '../../generator/fbs/layers.js';
import type { EnumModel, TableModel } from '../../generator/fbs/model.js';
import { camel } from '../../generator/fbs/names.js';
import { REPO, flatcBinaryToJson, removeDir, repoTempDir } from './support/oracle.js';

const SCHEMA = join(REPO, 'test/fbs/schemas/defaults.fbs');

/** Our value of an enum field in flatc's JSON spelling (names; flags space-separated). */
function enumJson(e: EnumModel, v: number | bigint): string | number {
  const n = BigInt(v);
  if (!e.bitFlags) return e.values.find((x) => x.value === n)?.name ?? Number(n);
  const names = e.values.filter((x) => (x.value & n) !== 0n).map((x) => x.name);
  return names.length > 0 ? names.join(' ') : Number(n);
}

describe('defaults agree with flatc', () => {
  const dir = repoTempDir('defaults');
  afterAll(() => removeDir(dir));

  it('for every scalar and enum field of defaults.fbs', async () => {
    mkdirSync(join(dir, 'ours'), { recursive: true });
    for (const [p, text] of compileSchema(SCHEMA, { cwd: REPO, layers: ALL_LAYERS }))
      writeFileSync(join(dir, 'ours', p), text);
    const mod = (await import(pathToFileURL(join(dir, 'ours', 'd.ts')).href)) as Record<
      string,
      { encode(v: object): Uint8Array; decode(b: Uint8Array): Record<string, unknown> }
    >;
    const bytes = mod.Defaults!.encode({});
    const ours = mod.Defaults!.decode(bytes);
    const theirs = JSON.parse(await flatcBinaryToJson([SCHEMA], 'D.Defaults', bytes)) as Record<string, unknown>;

    const t = loadSchema(SCHEMA, { cwd: REPO }).model.decls.find((d) => d.name === 'Defaults') as TableModel;
    const expected: Record<string, unknown> = {};
    const got: Record<string, unknown> = {};
    for (const f of t.fields) {
      const v = ours[camel(f.name)];
      if (v === null) {
        expect(theirs[f.name] ?? null, `${f.name} is optional: no default`).toBeNull();
        continue;
      }
      got[f.name] = f.type.kind === 'enum' ? enumJson(f.type.enum, v as number) : typeof v === 'bigint' ? Number(v) : v;
      expected[f.name] = theirs[f.name];
    }
    expect(got).toEqual(expected);
    expect(got.combo).toBe('Meat Fish');
  });
});
