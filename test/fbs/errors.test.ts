/**
 * Bad schemas give `file:line:col: message` (the documented format) and the CLI exits 1 without
 * writing anything.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { genProtocol } from '../../generator/fbs/cli.js';
import { compileSchema } from '../../generator/fbs/compile.js';
import { SchemaError } from '../../generator/fbs/errors.js';
import { removeDir, repoTempDir } from './support/oracle.js';

function compileText(text: string, extra: Record<string, string> = {}): Map<string, string> {
  const files: Record<string, string> = { '/v/bad.fbs': text, ...extra };
  return compileSchema('bad.fbs', { cwd: '/v', readFile: (p) => files[p] });
}

const CASES: readonly (readonly [string, string])[] = [
  ['table T { a:Foo; }', "bad.fbs:1:13: unknown type 'Foo'"],
  ['table T { a:int; a:int; }', "bad.fbs:1:18: field 'a' is declared twice in 'T'"],
  ['table T { a:int }', "bad.fbs:1:17: expected ';', found '}'"],
  ['table T { a:int; } $', "bad.fbs:1:20: unexpected character '$'"],
  [
    'table T {}\n\n  tabel U {}',
    "bad.fbs:3:3: expected a declaration (table, struct, enum, union, namespace, ...), found 'tabel'",
  ],
  ['enum E { A }', "bad.fbs:1:6: enum 'E' needs an underlying integer type, e.g. `enum E:ubyte`"],
  ['enum E:float { A }', "bad.fbs:1:8: underlying type of enum 'E' must be an integer type"],
  ['enum E:byte { A = 2, B = 1 }', "bad.fbs:1:26: enum values must be specified in ascending order ('B')"],
  ['enum E:ubyte { A = 256 }', "bad.fbs:1:20: value 256 of 'A' does not fit in uint8"],
  ['enum E:ubyte (bit_flags) { A = 8 }', "bad.fbs:1:32: bit_flags value 8 of 'A' must be a bit position from 0 to 7"],
  [
    'table T { a:int (priority: 1); }',
    'bad.fbs:1:18: unknown attribute \'priority\': declare it first with `attribute "priority";`',
  ],
  ['table T { a:int (required); }', "bad.fbs:1:11: only non-scalar fields can be 'required' ('a')"],
  [
    'table T { a:int (id: 0); b:int; }',
    "bad.fbs:1:26: field 'b' has no id: when one field of a table has an id, all must",
  ],
  [
    'table T { a:int (id: 0); b:int (id: 2); }',
    "bad.fbs:1:11: field ids of 'T' must be contiguous from 0: id 1 is missing",
  ],
  ['table T { a:int (id: 0); b:int (id: 0); }', "bad.fbs:1:26: field id 0 of 'b' is already used by 'a'"],
  [
    'table A {} union U { A } table T { u:U (id: 0); }',
    "bad.fbs:1:41: union field 'u' needs id >= 1: its type field takes id - 1",
  ],
  [
    'struct S { a:int; } union U { S }',
    "bad.fbs:1:31: union member 'S' must be a table (a6kit supports table members only)",
  ],
  ['table X {} struct S { a:X; }', "bad.fbs:1:25: struct field 'a' must be a scalar, enum, struct or fixed-size array"],
  ['struct S { a:int = 1; }', 'bad.fbs:1:20: struct fields cannot have default values'],
  ['struct S { a:int; b:S; }', "bad.fbs:1:8: struct 'S' contains itself"],
  ['struct S (force_align: 3) { a:int; }', 'bad.fbs:1:11: force_align must be a power of two from 4 to 256'],
  ['struct S { a:int; } root_type S;', "bad.fbs:1:31: root_type 'S' must be a table"],
  [
    'table T {} root_type T; file_identifier "ABC";',
    'bad.fbs:1:41: file_identifier must be exactly 4 bytes, got "ABC"',
  ],
  ['table T { a:int = 1.5; }', "bad.fbs:1:19: default of integer field 'a' must be an integer, got '1.5'"],
  ['table T { a:ubyte = 300; }', "bad.fbs:1:21: default value 300 of 'a' does not fit in uint8"],
  ['enum E:ubyte { A = 1, B } table T { e:E; }', "bad.fbs:1:37: field 'e' needs a default: enum 'E' has no value 0"],
  ['enum E:ubyte { A, B } table T { e:E = C; }', "bad.fbs:1:39: 'C' is not a value of enum 'E'"],
  ['table T { s:string = 3; }', "bad.fbs:1:22: only scalar fields can have a default value ('s')"],
  ['table T { v:[[int]]; }', 'bad.fbs:1:14: nested vector types are not allowed; wrap the inner vector in a table'],
  ['table T { a:[int:3]; }', 'bad.fbs:1:13: fixed-size arrays are only allowed in structs'],
  ['table T {}\n/* never closed', 'bad.fbs:2:1: unterminated block comment'],
  ['table T { s:string = "x; }', 'bad.fbs:1:22: unterminated string'],
  ['table T {} table T {}', "bad.fbs:1:18: 'T' is already declared at bad.fbs:1:7"],
  ['include "nope.fbs";\ntable T {}', 'bad.fbs:1:9: cannot read included file nope.fbs'],
  [
    'table T { tags:[string]; tags_length:int; }',
    "bad.fbs:1:26: fields 'tags' and 'tags_length' of 'T' would both generate 'tagsLength()'; rename one",
  ],
  [
    'table T { name:string; name_byte_length:int; }',
    "bad.fbs:1:24: fields 'name' and 'name_byte_length' of 'T' would both generate 'nameByteLength()'; rename one",
  ],
  [
    'table T { constructor:int; }',
    "bad.fbs:1:11: field 'constructor' would generate the member 'constructor', which every generated class already has; rename it",
  ],
  [
    'table Req {}\ntable ReqT {}',
    "bad.fbs:2:7: 'ReqT' and 'Req' would both export 'ReqT' from _root.ts; rename one of them",
  ],
];

describe('schema errors', () => {
  for (const [text, message] of CASES) {
    it(message, () => {
      let caught: unknown;
      try {
        compileText(text);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(SchemaError);
      expect((caught as SchemaError).message).toBe(message);
    });
  }

  it('points into the included file when the mistake is there', () => {
    expect(() =>
      compileText('include "inc.fbs";\ntable T { x:X; }', { '/v/inc.fbs': 'namespace N;\n\ntable X { a:Nope; }' }),
    ).toThrow("inc.fbs:3:13: unknown type 'Nope'");
  });
});

describe('a6kit gen on a bad schema', () => {
  const dir = repoTempDir('gen-errors');
  afterAll(() => removeDir(dir));

  it('prints file:line:col: message, exits 1 and writes nothing', () => {
    const proto = join(dir, 'bad.fbs');
    writeFileSync(proto, 'namespace X;\ntable T {\n  a:int;\n  b:Missing;\n}\n');
    const out = join(dir, 'out');
    const err: string[] = [];
    const code = genProtocol({ proto, out }, { out: () => {}, err: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/bad\.fbs:4:5: unknown type 'Missing'\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves existing output untouched', () => {
    const good = join(dir, 'good.fbs');
    writeFileSync(good, 'table T { a:int; }\n');
    const out = join(dir, 'out2');
    expect(genProtocol({ proto: good, out }, { out: () => {}, err: () => {} })).toBe(0);
    const before = readdirSync(out).map((n) => [n, readFileSync(join(out, n), 'utf8')]);
    writeFileSync(good, 'table T { a:int; b:Nope; }\n');
    expect(genProtocol({ proto: good, out }, { out: () => {}, err: () => {} })).toBe(1);
    expect(readdirSync(out).map((n) => [n, readFileSync(join(out, n), 'utf8')])).toEqual(before);
  });
});
