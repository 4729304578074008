/** `a6kit build` on broken projects: a clear error naming the problem, and nothing half-written. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BuildError, buildRunner } from '../../cli/commands/build.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'a6kit-build-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('refuses a folder without runner.ts', async () => {
  await expect(buildRunner({ project: dir })).rejects.toThrow(BuildError);
  await expect(buildRunner({ project: dir })).rejects.toThrow(/no runner\.ts/);
});

it('reports syntax errors and unresolvable imports with file and line', async () => {
  const project = join(dir, 'broken');
  await mkdir(join(project, 'plugins'), { recursive: true });
  await writeFile(join(project, 'runner.ts'), "import './plugins/index.js';\nimport 'no-such-package-a6kit';\n");
  await writeFile(join(project, 'plugins', 'index.ts'), 'export const plugins = [;\n');
  const err = await buildRunner({ project }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BuildError);
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
  const r = spawnSync(process.execPath, [bundle], { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
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
