/**
 * The rules across parts (ARCHITECTURE.md, "Rules across parts"), checked on the import graph so
 * they hold without a linter: every import, re-export and dynamic import of every .ts file,
 * resolved to the folder it lands in. And one rule on the syntax tree: the runtime walks no
 * FlatBuffers bytes by hand outside the generated codecs (runtime/protocol/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The developer tools: none of them may run inside a runner. */
const TOOLING = ['cli', 'generator', 'templates', 'project', 'shipping', 'tooling', 'bin'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.[cm]?ts$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

interface Edge {
  from: string;
  /** Repository-relative path the specifier resolves to (relative specifiers only). */
  to: string;
  specifier: string;
}

/** Every relative import of `file`: static, type-only, re-exports, `import()` and `require()`. */
function importsOf(file: string): Edge[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('.'))
    .map((specifier) => ({ from: file, specifier, to: relative(root, resolve(root, dirname(file), specifier)) }));
}

const topFolder = (path: string): string => path.split(sep)[0] ?? '';

function violations(files: readonly string[], forbidden: (e: Edge) => boolean): string[] {
  return files
    .flatMap(importsOf)
    .filter(forbidden)
    .map((e) => `${e.from} imports ${e.specifier}`);
}

describe('rules across parts', () => {
  const runtime = sourceFiles('runtime');

  it('sees the imports it checks (the scan is not vacuous)', () => {
    const edges = importsOf(join('runtime', 'testkit', 'index.ts'));
    expect(edges.map((e) => e.to)).toContain(join('runtime', 'server.js'));
    // A dynamic import counts as much as a static one.
    expect(importsOf(join('shipping', 'build.ts')).map((e) => e.to)).toContain(join('project', 'generate.js'));
    expect(runtime.length).toBeGreaterThan(20);
  });

  it('the runtime never imports the developer tools (cli, generator, templates, project, shipping, tooling)', () => {
    expect(violations(runtime, (e) => TOOLING.includes(topFolder(e.to)))).toEqual([]);
  });

  it('the runner never imports the test kit (runtime/testkit/ is for tests and `a6kit call`)', () => {
    const production = runtime.filter((f) => !f.startsWith(join('runtime', 'testkit') + sep));
    expect(violations(production, (e) => e.to.startsWith(join('runtime', 'testkit') + sep))).toEqual([]);
  });

  it('generator/ only generates: it never imports the scaffolding, shipping or the CLI', () => {
    expect(
      violations(sourceFiles('generator'), (e) => ['cli', 'project', 'shipping'].includes(topFolder(e.to))),
    ).toEqual([]);
  });

  it('project/, shipping/ and tooling/ never import the CLI; tooling/ imports no other part', () => {
    const parts = [...sourceFiles('project'), ...sourceFiles('shipping'), ...sourceFiles('tooling')];
    expect(violations(parts, (e) => topFolder(e.to) === 'cli')).toEqual([]);
    expect(violations(sourceFiles('tooling'), (e) => topFolder(e.to) !== 'tooling')).toEqual([]);
  });
});

/**
 * Members of flatbuffers' ByteBuffer, Builder and the generated classes that locate or lay out bytes
 * by hand (vtable slots, uoffsets, length prefixes): only generated code may use them. Left out on
 * purpose: `readInt8` / `readUint8` / `writeInt8` / `writeUint8`, which Node's Buffer spells the same
 * (frame headers use them) and which cannot walk a table without one of these to find a position.
 */
const WIRE_INTERNALS = new Set([
  'bb_pos',
  '__init',
  '__offset',
  '__indirect',
  '__vector',
  '__vector_len',
  '__string',
  '__union',
  '__union_with_string',
  '__has_identifier',
  ...['Int16', 'Uint16', 'Int32', 'Uint32', 'Int64', 'Uint64', 'Float32', 'Float64'].flatMap((t) => [
    `read${t}`,
    `write${t}`,
    `add${t}`,
  ]),
  'addInt8',
  'addOffset',
  ...['Int8', 'Int16', 'Int32', 'Int64', 'Float32', 'Float64', 'Offset', 'Struct'].map((t) => `addField${t}`),
  'startObject',
  'endObject',
  'startVector',
  'endVector',
  'requiredField',
]);

/**
 * `file:line: name` for every use of a wire internal in `text`: a property access or method call
 * (`bb.__offset(`, `.bb_pos`), a destructured or quoted member (`{ bb_pos }`, `e['bb_pos']`).
 * Comments and other strings do not count.
 */
function wireWalks(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    const quoted =
      ts.isStringLiteralLike(node) &&
      ts.isElementAccessExpression(node.parent) &&
      node.parent.argumentExpression === node;
    if ((ts.isIdentifier(node) || quoted) && WIRE_INTERNALS.has(node.text)) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('the runtime reads and writes the wire only through the generated codecs', () => {
  const protocol = join('runtime', 'protocol') + sep;
  const handWritten = sourceFiles('runtime').filter((f) => !f.startsWith(protocol));

  it('finds a hand walk where there is one (the scan is not vacuous)', () => {
    // How nameIs() found a header name's bytes before the codecs offered nameByteStart().
    const old = `
      const bb = e.bb!;
      const o = bb.__offset(e.bb_pos, 4); // slot of 'name'
      const start = e.bb_pos + o + bb.readInt32(e.bb_pos + o);
      const { bb_pos } = e;
      const len = bb['readUint32'](start);`;
    expect(wireWalks('old.ts', old)).toEqual([
      'old.ts:3: __offset',
      'old.ts:3: bb_pos',
      'old.ts:4: bb_pos',
      'old.ts:4: readInt32',
      'old.ts:4: bb_pos',
      'old.ts:5: bb_pos',
      'old.ts:6: readUint32',
    ]);
    // Node's Buffer API, the generated accessors and words in comments or messages are fine.
    const fine = `
      header.readUInt32BE(0); header.readUint8(0); e.nameByteStart(); e.bb!.bytes();
      // bb.__offset(e.bb_pos, 4) would be a hand walk
      throw new Error('readInt32 failed');`;
    expect(wireWalks('fine.ts', fine)).toEqual([]);
    // The generated codecs themselves are what does it, so the list is not empty there.
    expect(wireWalks('a6.ts', readFileSync(join(root, 'runtime', 'protocol', 'a6.ts'), 'utf8')).length).toBeGreaterThan(
      0,
    );
    expect(handWritten).toContain(join('runtime', 'call-objects.ts'));
  });

  it('no runtime file outside runtime/protocol/ uses vtable slots, uoffsets or raw reads (__offset, bb_pos, readInt32, …)', () => {
    expect(handWritten.flatMap((f) => wireWalks(f, readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });
});
