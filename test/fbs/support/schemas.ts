/**
 * The schemas the oracle tests run on, each compiled by our compiler and by flatc into one temp
 * folder per test file, with loaders for either side's module of a declaration.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileSchema, loadSchema } from '../../../generator/fbs/compile.js';
import { ALL_LAYERS } from '../../../generator/fbs/layers.js';
import type { SchemaModel, TableModel } from '../../../generator/fbs/model.js';
import { declModule } from '../../../generator/fbs/names.js';
import { flatcTypeScript, REPO, repoTempDir } from './oracle.js';
import type { ModuleLoader } from './values.js';

export interface SchemaCase {
  readonly name: string;
  /** Schema files, entry first (flatc needs them all mounted). */
  readonly files: readonly string[];
}

export const EXT_PLUGIN: SchemaCase = { name: 'ext-plugin', files: [join(REPO, 'schema/ext-plugin.fbs')] };
export const BROAD: SchemaCase = {
  name: 'broad',
  files: [join(REPO, 'test/fbs/schemas/broad.fbs'), join(REPO, 'test/fbs/schemas/common.fbs')],
};

/**
 * The golden cases of test/fbs/cases/ (entry `schema.fbs` first, then its includes), except those
 * with a `flatc-skip.txt` saying why flatc's TypeScript cannot serve as their oracle.
 */
export function goldenCases(): SchemaCase[] {
  const root = join(REPO, 'test/fbs/cases');
  return readdirSync(root)
    .filter((n) => existsSync(join(root, n, 'schema.fbs')) && !existsSync(join(root, n, 'flatc-skip.txt')))
    .sort()
    .map((n) => ({
      name: n,
      files: [
        join(root, n, 'schema.fbs'),
        ...readdirSync(join(root, n))
          .filter((f) => f.endsWith('.fbs') && f !== 'schema.fbs')
          .map((f) => join(root, n, f)),
      ],
    }));
}

export interface Prepared {
  readonly model: SchemaModel;
  readonly tables: readonly TableModel[];
  readonly ours: ModuleLoader;
  readonly flatc: ModuleLoader;
  readonly dir: string;
}

export async function prepare(c: SchemaCase): Promise<Prepared> {
  const dir = repoTempDir(`oracle-${c.name}`);
  const oursDir = join(dir, 'ours');
  mkdirSync(oursDir, { recursive: true });
  // Every layer, so the oracle covers each of them (the layers do not change each other's code).
  for (const [p, text] of compileSchema(c.files[0]!, { cwd: REPO, layers: ALL_LAYERS }))
    writeFileSync(join(oursDir, p), text);
  const flatcTs = await flatcTypeScript(c.files, join(dir, 'flatc'));
  const { model } = loadSchema(c.files[0]!, { cwd: REPO });
  const cache = new Map<string, Promise<Record<string, unknown>>>();
  const ours: ModuleLoader = (fullName) => {
    const ns = fullName.split('.').slice(0, -1);
    const file = join(oursDir, `${declModule(ns)}.ts`);
    let m = cache.get(file);
    if (!m) cache.set(file, (m = import(pathToFileURL(file).href) as Promise<Record<string, unknown>>));
    return m;
  };
  return {
    model,
    tables: model.decls.filter((d): d is TableModel => d.kind === 'table'),
    ours,
    flatc: (n) => flatcTs.module(n),
    dir,
  };
}
