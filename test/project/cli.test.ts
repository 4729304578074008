/** The commands as a user types them (no terminal here, so no prompts). */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../cli/main.js';
import { scratchDir, snapshot } from '../plugin-gen/helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
const run = (...args: string[]): Promise<unknown> =>
  buildProgram()
    .exitOverride()
    .parseAsync(['node', 'a6kit', ...args]);

beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir('cli'));
});
afterAll(async () => {
  await cleanup();
});
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

function quiet(): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

describe('a6kit init / new', () => {
  it('init then new, with flags only', async () => {
    const io = quiet();
    const project = join(dir, 'my-plugins');
    await run('init', project);
    await run('new', 'hello', '--project', project, '--phase', 'both');
    expect(process.exitCode).toBeUndefined();
    const files = await snapshot(project);
    expect(JSON.parse(files.get('package.json')!)).toMatchObject({ name: 'my-plugins', type: 'module' });
    // Tests run through esbuild, which drops types: `npm test` first checks that the generated files
    // match the schemas and that the code type-checks against them (what `gen --check` does).
    expect((JSON.parse(files.get('package.json')!) as { scripts: { test: string } }).scripts.test).toBe(
      'a6kit gen --check && vitest run --passWithNoTests',
    );
    expect(files.get('plugins/hello/index.ts')).toContain('responseFilter(conf, res)');
    expect(files.get('plugins/index.ts')).toContain("import hello from './hello/index.js';");
    expect(io.out.join('')).toContain('created plugins/hello/config.gen.ts');
  });

  it('asks for nothing without a terminal: a missing argument is a usage error (exit 2) naming the flag', async () => {
    const io = quiet();
    await run('new', '--project', join(dir, 'my-plugins'));
    expect(process.exitCode).toBe(2);
    expect(io.err.join('')).toBe('a6kit: missing <plugin> (prompts are only shown on a terminal)\nnothing written\n');
    io.err.length = 0;
    await run('init');
    expect(process.exitCode).toBe(2);
    expect(io.err.join('')).toBe('a6kit: missing <dir> (prompts are only shown on a terminal)\n');
  });

  it('a refused plugin prints the reason, exits 1 and writes nothing', async () => {
    const project = join(dir, 'my-plugins');
    const before = await snapshot(project);
    const io = quiet();
    await run('new', 'hello', '--project', project);
    expect(process.exitCode).toBe(1);
    expect(io.err.join('')).toBe(
      'a6kit: plugin "hello" already exists (plugins/hello); pick another name or edit plugins/hello/schema.json and run `a6kit gen`\nnothing written\n',
    );
    await run('new', 'x', '--project', project, '--phase', 'sideways');
    expect(io.err.join('')).toContain('a6kit: invalid --phase "sideways": use request, response or both');
    expect(process.exitCode).toBe(2);
    expect(await snapshot(project)).toEqual(before);
  });

  it('new --help names the default phase (what a user gets without --phase)', () => {
    const help = buildProgram()
      .commands.find((c) => c.name() === 'new')!
      .helpInformation();
    expect(help.replace(/\s+/g, ' ')).toContain(
      '--phase <phase> filters to stub: request, response or both (default: request)',
    );
  });

  it('init --a6kit takes a packed tarball path', async () => {
    quiet();
    await run('init', join(dir, 'packed'), '--a6kit', './a6kit-0.1.0.tgz', '--name', 'edge-plugins');
    const pkg = JSON.parse((await snapshot(join(dir, 'packed'))).get('package.json')!) as {
      name: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.name).toBe('edge-plugins');
    // Relative to the project (where npm resolves it): the committed project installs elsewhere too.
    const spec = pkg.dependencies['a6kit']!;
    expect(spec).toMatch(/^file:\.\.\/.*a6kit-0\.1\.0\.tgz$/);
    expect(resolve(dir, 'packed', spec.slice('file:'.length))).toBe(join(process.cwd(), 'a6kit-0.1.0.tgz'));
  });

  it('init keeps a spec that is not a path as given (a version range is not a home folder)', async () => {
    quiet();
    await run('init', join(dir, 'ranged'), '--a6kit', '~0.1.0');
    const pkg = JSON.parse((await snapshot(join(dir, 'ranged'))).get('package.json')!) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['a6kit']).toBe('~0.1.0');
  });
});

describe('a6kit remove', () => {
  it('removes the folder and the registration `new` added, leaving the registry as before', async () => {
    const io = quiet();
    const project = join(dir, 'removing');
    await run('init', project);
    await run('new', 'keep', '--project', project);
    const withKeep = await snapshot(project);
    await run('new', 'drop-me', '--project', project);
    expect((await snapshot(project)).get('plugins/index.ts')).toContain("import dropMe from './drop-me/index.js';");
    await run('remove', 'drop-me', '--project', project);
    expect(process.exitCode).toBeUndefined();
    expect(await snapshot(project)).toEqual(withKeep);
    expect(io.out.join('')).toContain('removed plugins/drop-me/');

    await run('remove', 'drop-me', '--project', project);
    expect(process.exitCode).toBe(1);
    expect(io.err.join('')).toContain('a6kit: no plugin "drop-me" here');
  });

  it('refuses, changing nothing, when the registry uses the plugin in a way it cannot undo', async () => {
    const io = quiet();
    const project = join(dir, 'removing');
    const registry = join(project, 'plugins', 'index.ts');
    const text = (await snapshot(project)).get('plugins/index.ts')!;
    await writeFile(
      registry,
      text.replace('export const plugins', 'export const extra = [keep];\nexport const plugins'),
    );
    const before = await snapshot(project);
    await run('remove', 'keep', '--project', project);
    expect(process.exitCode).toBe(1);
    expect(io.err.join('')).toMatch(/plugins\/index\.ts: keep is used at line \d+ .*\nnothing removed/);
    expect(await snapshot(project)).toEqual(before);
  });
});
