/**
 * The route configs in this folder are checked the way CI would run `a6kit check routes/*`:
 * every ext-plugin-* entry must name a plugin of this runner, in a phase it acts in, with a config
 * its parseConf accepts.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { checkConfText, formatProblem } from '../../cli/commands/conf-files.js';
import { pluginMap } from '../../runtime/describe.js';
import { plugins } from '../plugins/index.js';

// Tests run from the repository root (`npm test` here does `cd ..`) or from this project.
const dir = resolve(existsSync('examples/routes') ? 'examples/routes' : 'routes');
let files: string[] = [];
beforeAll(async () => {
  files = (await readdir(dir)).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
});

it('has route files in JSON and YAML', () => {
  expect(files.some((f) => f.endsWith('.json'))).toBe(true);
  expect(files.some((f) => f.endsWith('.yaml'))).toBe(true);
});

it('every ext-plugin conf entry in every file is valid for this runner', async () => {
  for (const file of files) {
    const report = checkConfText(await readFile(join(dir, file), 'utf8'), file, pluginMap(plugins));
    expect(report.problems.map(formatProblem), file).toEqual([]);
    expect(report.entries, file).toBeGreaterThan(0);
  }
});
