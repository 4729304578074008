/**
 * Golden cases: each folder under test/fbs/cases/ holds an input schema (`schema.fbs`, plus any
 * includes) and the committed output our compiler gives for it (`expected/`), with every layer
 * unless a `layers.txt` names the `a6kit gen` layer flags of that case (the `layers-*` cases pin
 * the other selections). The test compiles afresh and compares every file; a fresh run must also
 * be byte-identical to a second one.
 *
 * After an intended change to the generated code: `UPDATE_GOLDEN=1 npx vitest run test/fbs/golden.test.ts`
 * and review the diff of test/fbs/cases/ in git.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../generator/fbs/compile.js';
import { ALL_LAYERS, BASE_LAYERS, RUNNER_LAYERS } from '../../generator/fbs/layers.js';
import { CASES_DIR as CASES, caseLayers, caseNames } from './support/cases.js';

describe('golden cases', () => {
  it('exist', () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(5);
  });

  it("cover readers and builders alone, the runner's selection and every layer", () => {
    const selections = caseNames.map((n) => JSON.stringify(caseLayers(n)));
    for (const l of [
      BASE_LAYERS,
      RUNNER_LAYERS,
      ALL_LAYERS,
      { objectApi: true, values: false, verify: false },
      { objectApi: false, values: true, verify: false },
    ]) {
      expect(selections, JSON.stringify(l)).toContain(JSON.stringify(l));
    }
  });

  it('emit each layer only when asked', () => {
    const dir = join(CASES, 'enums-unions');
    const base = [...compileSchema('schema.fbs', { cwd: dir, layers: BASE_LAYERS }).values()].join('\n');
    expect(base).toContain('static getRootAs');
    expect(base).toContain('static start');
    for (const absent of [
      'unpack()',
      'static decode(',
      'static encode(',
      'static verify(',
      'Verifier',
      'IUnpackableObject',
      'Value =',
    ]) {
      expect(base, absent).not.toContain(absent);
    }
    const all = [...compileSchema('schema.fbs', { cwd: dir, layers: ALL_LAYERS }).values()].join('\n');
    for (const present of ['unpack()', 'static decode(', 'static encode(', 'static verify(', 'IUnpackableObject']) {
      expect(all, present).toContain(present);
    }
  });

  for (const name of caseNames) {
    it(`${name}: output matches expected/ and is deterministic`, () => {
      const dir = join(CASES, name);
      const layers = caseLayers(name);
      const first = compileSchema('schema.fbs', { cwd: dir, layers });
      const second = compileSchema('schema.fbs', { cwd: dir, layers });
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
    const out = compileSchema('schema.fbs', { cwd: join(CASES, 'namespaces'), layers: ALL_LAYERS });
    for (const text of out.values()) expect(text.startsWith('// @generated — do not edit.')).toBe(true);
    const catalog = out.get('shop.catalog.ts')!;
    expect(catalog).toContain('/** An item on sale. */\nexport class Item');
    expect(out.get('shop.cart.ts')).toContain('  /** The catalog entry. */\n  product(obj?: Shop_Catalog_Item)');
  });
});
