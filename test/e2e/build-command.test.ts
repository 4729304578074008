/** `a6kit build` on broken projects: a clear error naming the problem, and nothing half-written. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRunner } from '../../shipping/build.js';
import { UserError } from '../../tooling/user-error.js';
import { buildProgram } from '../../cli/main.js';
import { initProject, newPlugin } from '../../project/scaffold.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'a6kit-build-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('refuses a folder without runner.ts', async () => {
  await expect(buildRunner({ project: dir })).rejects.toThrow(UserError);
  await expect(buildRunner({ project: dir })).rejects.toThrow(/no runner\.ts/);
});

it('reports syntax errors and unresolvable imports with file and line', async () => {
  const project = join(dir, 'broken');
  await mkdir(join(project, 'plugins'), { recursive: true });
  await writeFile(join(project, 'runner.ts'), "import './plugins/index.js';\nimport 'no-such-package-a6kit';\n");
  await writeFile(join(project, 'plugins', 'index.ts'), 'export const plugins = [;\n');
  const err = await buildRunner({ project }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  const msg = (err as Error).message;
  expect(msg).toMatch(/plugins\/index\.ts:1:\d+/);
  expect(msg).toMatch(/runner\.ts:2:\d+: Could not resolve "no-such-package-a6kit"/);
  expect(existsSync(join(project, 'dist', 'a6-runner.cjs'))).toBe(false);
});

it('bundles a6kit and every dependency into one file that needs no node_modules', async () => {
  const project = join(dir, 'tiny');
  await mkdir(project, { recursive: true });
  await writeFile(
    join(project, 'runner.ts'),
    [
      "import { definePlugin, ConfError } from 'a6kit';",
      "import pino from 'pino';",
      "const p = definePlugin({ name: 'tiny', parseConf: (raw) => raw });",
      "pino({ base: null, timestamp: false }).info({ plugin: p.name, ok: new ConfError('x') instanceof Error }, 'bundled');",
    ].join('\n'),
  );
  const { bundle } = await buildRunner({ project });
  // Run it from a folder with no node_modules above it: nothing outside the file can help.
  const r = spawnSync(process.execPath, [bundle], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: '' },
  });
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ plugin: 'tiny', ok: true, msg: 'bundled' });
  const code = await readFile(bundle, 'utf8');
  expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
  // Only Node's built-ins are left to require().
  const required = [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
  expect(required.filter((m) => !m.startsWith('node:') && !isBuiltin(m))).toEqual([]);
});

it('removes a single executable left by an earlier --sea build, which no longer matches', async () => {
  const project = join(dir, 'tiny');
  await writeFile(join(project, 'dist', 'a6-runner'), 'stale');
  const lines: string[] = [];
  await buildRunner({ project, log: (l) => lines.push(l) });
  expect(existsSync(join(project, 'dist', 'a6-runner'))).toBe(false);
  expect(lines.join('\n')).toMatch(/removed the outdated .*a6-runner/);
});

describe('checks before bundling (what esbuild, which drops types, cannot see)', () => {
  let project: string;
  const out: string[] = [];
  const err: string[] = [];
  const build = async (...flags: string[]): Promise<number> => {
    out.length = 0;
    err.length = 0;
    process.exitCode = undefined;
    await buildProgram()
      .exitOverride()
      .parseAsync(['node', 'a6kit', 'build', '--project', project, ...flags]);
    const code = process.exitCode ?? 0;
    process.exitCode = undefined;
    return code;
  };
  const quiet = { info: () => undefined, error: () => undefined };

  beforeAll(async () => {
    project = join(dir, 'checked');
    await initProject({ dir: project, log: quiet });
    // What `npm install` gives the project, as far as the type check needs it, from this checkout.
    await mkdir(join(project, 'node_modules', '@types'), { recursive: true });
    await symlink(repo, join(project, 'node_modules', 'a6kit'), 'dir');
    for (const dep of ['@types/node', 'vitest', '@vitest'])
      await symlink(join(repo, 'node_modules', dep), join(project, 'node_modules', dep), 'dir');
    const schema = join(dir, 'guard.schema.json');
    await writeFile(
      schema,
      JSON.stringify({
        type: 'object',
        properties: { header: { type: 'string' } },
        required: ['header'],
        additionalProperties: false,
      }),
    );
    await newPlugin({ project, name: 'guard', schema, log: quiet });
    await writeFile(
      join(project, 'plugins/guard/index.ts'),
      "import { definePlugin } from 'a6kit';\nimport { parseConf } from './config.gen.js';\n\nexport default definePlugin({\n  name: 'guard',\n  parseConf,\n  requestFilter(conf, req, res) {\n    if (!req.headers.has(conf.header)) res.respond(403);\n  },\n});\n",
    );
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  }, 60_000);
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('a schema field renamed without `a6kit gen`: exit 1 naming the stale file and the fix, no bundle', async () => {
    const schemaPath = join(project, 'plugins/guard/schema.json');
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(schemaPath, schema.replaceAll('"header"', '"token_header"'));
    expect(await build()).toBe(1);
    const text = err.join('');
    expect(text).toContain('out of date: plugins/guard/config.gen.ts');
    expect(text).toContain('run `a6kit gen` (npm run gen)');
    expect(existsSync(join(project, 'dist', 'a6-runner.cjs'))).toBe(false);
    await writeFile(schemaPath, schema);
  }, 60_000);

  it('a type error: exit 1 with file:line; --no-check builds anyway; fixed, it builds', async () => {
    const index = join(project, 'plugins/guard/index.ts');
    const good = await readFile(index, 'utf8');
    await writeFile(index, good.replace('conf.header', 'conf.headr'));
    expect(await build()).toBe(1);
    expect(err.join('')).toMatch(/plugins\/guard\/index\.ts:8:\d+: Property 'headr' does not exist/);
    expect(err.join('')).toContain('--no-check');
    expect(existsSync(join(project, 'dist', 'a6-runner.cjs'))).toBe(false);

    expect(await build('--no-check')).toBe(0);
    expect(existsSync(join(project, 'dist', 'a6-runner.cjs'))).toBe(true);

    await writeFile(index, good);
    expect(await build(), err.join('')).toBe(0);
    expect(out.join('')).toContain('checked: generated files up to date, project type-checks');
  }, 90_000);
});
