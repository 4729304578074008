/**
 * The rules across parts (ARCHITECTURE.md, "Rules across parts"), checked on the import graph so
 * they hold without a linter: every import, re-export and dynamic import of every .ts file,
 * resolved to the folder it lands in.
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
