/** Names of the golden case folders under test/fbs/cases/ (each with a schema.fbs) and their layers. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_LAYERS, type Layers } from '../../../generator/fbs/layers.js';
import { REPO } from './oracle.js';

export const CASES_DIR = join(REPO, 'test/fbs/cases');
export const caseNames: readonly string[] = readdirSync(CASES_DIR)
  .filter((n) => existsSync(join(CASES_DIR, n, 'schema.fbs')))
  .sort();

/**
 * The layers a case is compiled with: every layer, unless the folder has a `layers.txt` holding the
 * `a6kit gen` layer flags to use instead (`--verify`, or nothing for readers and builders only).
 */
export function caseLayers(name: string): Layers {
  const file = join(CASES_DIR, name, 'layers.txt');
  if (!existsSync(file)) return ALL_LAYERS;
  const flags = new Set(
    readFileSync(file, 'utf8')
      .split(/\s+/)
      .filter((s) => s !== ''),
  );
  for (const f of flags) {
    if (!['--object-api', '--values', '--verify'].includes(f)) throw new Error(`${file}: unknown flag ${f}`);
  }
  return { objectApi: flags.has('--object-api'), values: flags.has('--values'), verify: flags.has('--verify') };
}
