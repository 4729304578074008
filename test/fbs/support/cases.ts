/** Names of the golden case folders under test/fbs/cases/ (each with a schema.fbs). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './oracle.js';

export const CASES_DIR = join(REPO, 'test/fbs/cases');
export const caseNames: readonly string[] = readdirSync(CASES_DIR)
  .filter((n) => existsSync(join(CASES_DIR, n, 'schema.fbs')))
  .sort();
