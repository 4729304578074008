/**
 * `a6kit gen --compat` agrees with `flatc --conform` on a set of good and bad edits of one schema,
 * and reports them in the documented format.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { genProtocol } from '../../generator/fbs/cli.js';
import { compareSchemas } from '../../generator/fbs/compat.js';
import { loadSchema } from '../../generator/fbs/compile.js';
import { flatcConform, removeDir, repoTempDir } from './support/oracle.js';

const BASE = `namespace P;
enum Color:ubyte { Red, Green }
struct Vec { x:float; y:float; }
table A { n:int; s:string; }
union U { A }
table B { a:A; v:Vec; c:Color = Green; u:U; }
table Root { id:uint; name:string; tags:[string]; b:B; }
`;

/** [description, edited schema, wire-compatible?] */
const EDITS: readonly (readonly [string, string, boolean])[] = [
  ['append a field', BASE.replace('b:B; }', 'b:B; extra:long; }'), true],
  ['new table and new union member', BASE.replace('union U { A }', 'table C { z:bool; }\nunion U { A, C }'), true],
  ['deprecate a field', BASE.replace('name:string;', 'name:string (deprecated);'), true],
  ['rename a field, same type and slot', BASE.replace('name:string;', 'title:string;'), true],
  ['append an enum value', BASE.replace('{ Red, Green }', '{ Red, Green, Blue }'), true],
  [
    'reorder declarations and add docs',
    BASE.replace('table A { n:int; s:string; }\n', '').replace(
      'union U',
      '/// doc\ntable A { n:int; s:string; }\nunion U',
    ),
    true,
  ],
  [
    'explicit ids matching the old order',
    BASE.replace('table A { n:int; s:string; }', 'table A { n:int (id: 0); s:string (id: 1); }'),
    true,
  ],
  ['reorder two fields', BASE.replace('id:uint; name:string;', 'name:string; id:uint;'), false],
  ['change a field type', BASE.replace('table A { n:int;', 'table A { n:long;'), false],
  ['remove a field', BASE.replace(' tags:[string];', ''), false],
  ['insert an enum value in the middle', BASE.replace('{ Red, Green }', '{ Red, Blue, Green }'), false],
  ['change a default', BASE.replace('c:Color = Green', 'c:Color = Red'), false],
  ['rename a field to another type', BASE.replace('name:string;', 'count:int;'), false],
  ['change the enum underlying type', BASE.replace('Color:ubyte', 'Color:ushort'), false],
  [
    'insert a union member before another',
    BASE.replace('union U { A }', 'table C { z:bool; }\nunion U { C, A }'),
    false,
  ],
  [
    'swap struct fields of different types',
    BASE.replace('struct Vec { x:float; y:float; }', 'struct Vec { x:float; y:int; }'),
    false,
  ],
  [
    'move a field with an explicit id',
    BASE.replace('table A { n:int; s:string; }', 'table A { n:int (id: 1); s:string (id: 0); }'),
    false,
  ],
];

describe('gen --compat', () => {
  const dir = repoTempDir('compat');
  afterAll(() => removeDir(dir));
  const load = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return loadSchema(join(dir, name), { cwd: dir }).model;
  };
  const base = load('base.fbs', BASE);

  for (const [what, edited, ok] of EDITS) {
    it(`${ok ? 'accepts' : 'refuses'}: ${what} (as flatc --conform does)`, async () => {
      expect(edited, 'the edit applies').not.toBe(BASE);
      const flatc = await flatcConform(BASE, edited);
      expect(flatc.ok, `flatc --conform: ${flatc.message}`).toBe(ok);
      const report = compareSchemas(base, load('next.fbs', edited));
      expect(report.breaking.length === 0, JSON.stringify(report.breaking)).toBe(ok);
    });
  }

  it('is stricter than flatc on one edit: a struct that grows breaks tables that embed it', async () => {
    const grown = BASE.replace('struct Vec { x:float; y:float; }', 'struct Vec { x:float; y:float; z:float; }');
    expect((await flatcConform(BASE, grown)).ok).toBe(true);
    const report = compareSchemas(base, load('grown.fbs', grown));
    expect(report.breaking.map((b) => b.message)).toEqual([
      'struct size changed from 8 to 12 bytes (structs are stored inline)',
    ]);
  });

  it('prints every finding with its position and exits 1 on breaking changes', () => {
    writeFileSync(join(dir, 'old.fbs'), BASE);
    const next = BASE.replace('id:uint; name:string;', 'name:string; id:uint;').replace('b:B; }', 'b:B; extra:long; }');
    writeFileSync(join(dir, 'new.fbs'), next);
    const out: string[] = [];
    const code = genProtocol(
      { proto: join(dir, 'new.fbs'), compat: join(dir, 'old.fbs') },
      { out: (s) => out.push(s), err: (s) => out.push(s) },
    );
    expect(code).toBe(1);
    const text = out.join('').replace(/^.*?(new\.fbs|old\.fbs)/gm, (m, f: string) => f);
    expect(text).toContain('breaking (2):\n');
    expect(text).toContain(
      'new.fbs:7:14: P.Root.name: moved from slot 1 to 0 (fields must keep their position: append new ones)',
    );
    expect(text).toContain('new.fbs:7:27: P.Root.id: moved from slot 0 to 1');
    expect(text).toContain('compatible (1):\n');
    expect(text).toContain('P.Root.extra: new field (slot 4)');
    expect(text).toContain('result: NOT wire-compatible (2 breaking changes)');

    const same: string[] = [];
    expect(
      genProtocol(
        { proto: join(dir, 'old.fbs'), compat: join(dir, 'old.fbs') },
        { out: (s) => same.push(s), err: (s) => same.push(s) },
      ),
    ).toBe(0);
    expect(same.join('')).toContain('result: wire-compatible');
  });
});
