/**
 * Golden cases: each folder under test/fbs/cases/ holds an input schema (`schema.fbs`, plus any
 * includes) and the committed output our compiler gives for it (`expected/`). The test compiles
 * afresh and compares every file; a fresh run must also be byte-identical to a second one.
 *
 * After an intended change to the generated code: `UPDATE_GOLDEN=1 npx vitest run test/fbs/golden.test.ts`
 * and review the diff of test/fbs/cases/ in git.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../generator/fbs/compile.js';
import { CASES_DIR as CASES, caseNames } from './support/cases.js';

describe('golden cases', () => {
  it('exist', () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of caseNames) {
    it(`${name}: output matches expected/ and is deterministic`, () => {
      const dir = join(CASES, name);
      const first = compileSchema('schema.fbs', { cwd: dir });
      const second = compileSchema('schema.fbs', { cwd: dir });
      expect([...second.entries()]).toEqual([...first.entries()]);

      const expectedDir = join(dir, 'expected');
      if (process.env.UPDATE_GOLDEN) {
        rmSync(expectedDir, { recursive: true, force: true });
        mkdirSync(expectedDir, { recursive: true });
        for (const [p, text] of first) writeFileSync(join(expectedDir, p), text);
      }
      const committed = readdirSync(expectedDir).sort();
      expect(committed, 'file list').toEqual([...first.keys()].sort());
      for (const [p, text] of first) {
        expect(text, `${name}/expected/${p}`).toBe(readFileSync(join(expectedDir, p), 'utf8'));
      }
    });
  }

  it('carries doc comments into JSDoc and starts every file with the generated preamble', () => {
    const out = compileSchema('schema.fbs', { cwd: join(CASES, 'namespaces') });
    for (const text of out.values()) expect(text.startsWith('// @generated — do not edit.')).toBe(true);
    const catalog = out.get('shop.catalog.ts')!;
    expect(catalog).toContain('/** An item on sale. */\nexport class Item');
    expect(out.get('shop.cart.ts')).toContain('  /** The catalog entry. */\n  product(obj?: Shop_Catalog_Item)');
  });
});
