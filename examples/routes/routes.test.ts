/**
 * The route configs in this folder are checked the way CI would run `a6kit check routes/*`:
 * every ext-plugin-* entry must name a plugin of this runner, in a phase it acts in, with a config
 * its parseConf accepts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkConfText, formatProblem } from '../../cli/commands/conf-files.js';
import { pluginMap } from '../../runtime/describe.js';
import { plugins } from '../plugins/index.js';

const dir = import.meta.dirname;
const files = (await readdir(dir)).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();

it('has route files in JSON and YAML', () => {
  expect(files.some((f) => f.endsWith('.json'))).toBe(true);
  expect(files.some((f) => f.endsWith('.yaml'))).toBe(true);
});

it.each(files)('%s: every ext-plugin conf entry is valid for this runner', async (file) => {
  const report = checkConfText(await readFile(join(dir, file), 'utf8'), file, pluginMap(plugins));
  expect(report.problems.map(formatProblem)).toEqual([]);
  expect(report.entries).toBeGreaterThan(0);
});
