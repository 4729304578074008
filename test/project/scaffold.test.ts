/**
 * The whole user workflow on six realistic schemas: init -> new (x6) -> gen, then proof that the
 * project type-checks, configs are accepted/refused with the expected messages (directly and at
 * PrepareConf through the gateway simulator), the generated tests pass, regeneration is
 * byte-identical, and the user's own code survives `gen` (which says where a schema change breaks it).
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfError, type AnyPlugin } from 'a6kit';
import { startTestRunner } from 'a6kit/testing';
import { runGenProject } from '../../project/generate.js';
import { initProject, newPlugin } from '../../project/scaffold.js';
import { typeCheckProject } from '../../project/typecheck.js';
import { cases } from '../plugin-gen/cases.js';
import { a6kitPaths, capture, repoRoot, schemasDir, scratchDir, snapshot } from '../plugin-gen/helpers.js';

let project: string;
let cleanup: () => Promise<void>;
let afterNew: Map<string, string>;

beforeAll(async () => {
  ({ dir: project, cleanup } = await scratchDir('six'));
  const log = capture();
  await initProject({ dir: project, log });
  for (const c of cases) {
    await newPlugin({ project, name: c.name, schema: join(schemasDir, `${c.name}.json`), phase: c.phase, log });
  }
  afterNew = await snapshot(project);
});

afterAll(async () => {
  await cleanup();
});

describe('a project scaffolded from six schemas', () => {
  it('has the documented layout, schemas copied byte for byte, every plugin registered in sorted order', async () => {
    for (const c of cases) {
      for (const f of [
        'schema.json',
        'config.gen.ts',
        'validate.gen.js',
        'validate.gen.d.ts',
        'index.ts',
        `${c.name}.test.ts`,
      ]) {
        expect(afterNew.has(`plugins/${c.name}/${f}`), `plugins/${c.name}/${f}`).toBe(true);
      }
      expect(afterNew.get(`plugins/${c.name}/schema.json`)).toBe(
        await readFile(join(schemasDir, `${c.name}.json`), 'utf8'),
      );
    }
    for (const f of ['package.json', 'tsconfig.json', 'runner.ts', 'README.md', '.gitignore', 'plugins/index.ts']) {
      expect(afterNew.has(f), f).toBe(true);
    }
    const registry = afterNew.get('plugins/index.ts')!;
    const listed = /export const plugins = \[([^\]]*)\]/
      .exec(registry)![1]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(listed).toEqual(['cors', 'headerRewrite', 'ipRestriction', 'jwtAuth', 'rateLimit', 'trafficMirror']);
    const pkg = JSON.parse(afterNew.get('package.json')!) as {
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    // This checkout, as a path relative to the project: no absolute path in a committed file.
    expect(pkg.dependencies['a6kit']).toBe(`file:${relative(project, repoRoot).replace(/\/$/, '')}`);
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(['gen', 'test', 'build', 'dev']));
  });

  it('the generated validators carry no schema compiler', () => {
    for (const c of cases) {
      const code = afterNew.get(`plugins/${c.name}/validate.gen.js`)!;
      const imports = [...code.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
      for (const spec of imports) expect(spec).toMatch(/^ajv(-formats)?\/dist\/(runtime\/[a-z0-9]+|formats)\.js$/);
      // ajv's code `require`s its helpers even in ESM mode: a module-local `require` serves exactly the
      // imported ones, so the module never depends on CommonJS's global `require`.
      const required = [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => `${m[1]}.js`);
      if (required.length > 0) expect(code).toMatch(/^function require\(spec\) \{$/m);
      for (const spec of required) expect(imports).toContain(spec);
    }
  });

  it('type-checks in strict mode (runner, registry, every plugin and its test)', () => {
    const result = typeCheckProject(project, new Map(), a6kitPaths);
    expect(result.skipped).toBeUndefined();
    expect(result.problems).toEqual([]);
  });

  it('regenerating changes nothing (gen twice, and gen --check)', async () => {
    const log = capture();
    const first = await runGenProject({ project, typecheck: false, log });
    expect(first).toMatchObject({ code: 0, written: [], errors: [] });
    const second = await runGenProject({ project, typecheck: false, log });
    expect(second.written).toEqual([]);
    const check = await runGenProject({ project, check: true, typecheck: false, log });
    expect(check).toMatchObject({ code: 0, stale: [] });
    expect(await snapshot(project)).toEqual(afterNew);
    expect(log.lines.at(-1)).toBe('6 plugin(s): up to date');
  });

  it('new is deterministic: the same commands in another folder give byte-identical files', async () => {
    const other = await scratchDir('six');
    try {
      const log = capture();
      await initProject({ dir: other.dir, name: project.split('/').pop()!, log });
      for (const c of cases) {
        await newPlugin({
          project: other.dir,
          name: c.name,
          schema: join(schemasDir, `${c.name}.json`),
          phase: c.phase,
          log,
        });
      }
      expect(await snapshot(other.dir)).toEqual(afterNew);
    } finally {
      await other.cleanup();
    }
  });

  it('gen --check names a stale generated file and writes nothing', async () => {
    const file = join(project, 'plugins/cors/config.gen.ts');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good + '// hand edit\n');
    const log = capture();
    const check = await runGenProject({ project, check: true, typecheck: false, log });
    expect(check.code).toBe(1);
    expect(log.errors).toEqual([
      'out of date: plugins/cors/config.gen.ts (run a6kit gen)',
      'a6kit gen --check failed: 1 generated file(s) out of date',
    ]);
    expect(await readFile(file, 'utf8')).toBe(good + '// hand edit\n');
    await runGenProject({ project, typecheck: false, log });
    expect(await readFile(file, 'utf8')).toBe(good);
  });

  describe.each(cases)('plugin $name', (c) => {
    const load = async (): Promise<{ parseConf: (raw: string) => unknown; plugin: AnyPlugin }> => {
      const dir = join(project, 'plugins', c.name);
      const config = (await import(pathToFileURL(join(dir, 'config.gen.ts')).href)) as {
        parseConf: (raw: string) => unknown;
      };
      const index = (await import(pathToFileURL(join(dir, 'index.ts')).href)) as { default: AnyPlugin };
      return { parseConf: config.parseConf, plugin: index.default };
    };

    it('parseConf accepts the valid config and fills in the defaults', async () => {
      const { parseConf } = await load();
      expect(parseConf(JSON.stringify(c.valid))).toEqual(c.parsed);
    });

    it('parseConf refuses the invalid config with a JSON pointer and message', async () => {
      const { parseConf } = await load();
      let error: unknown;
      try {
        parseConf(JSON.stringify(c.invalid));
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfError);
      expect(error).toMatchObject({ pointer: c.pointer, message: c.message });
    });

    it('is accepted / refused at PrepareConf by a running runner', async () => {
      const { plugin } = await load();
      const runner = await startTestRunner([plugin]);
      try {
        const ok =
          c.phase === 'response'
            ? await runner.simulator.response([{ name: c.name, value: JSON.stringify(c.valid) }], {
                status: 200,
                body: 'x',
              })
            : await runner.simulator.request([{ name: c.name, value: JSON.stringify(c.valid) }], { path: '/' });
        expect(ok).not.toHaveProperty('kind', 'error');
        const refused =
          c.phase === 'response'
            ? await runner.simulator.response([{ name: c.name, value: JSON.stringify(c.invalid) }], { status: 200 })
            : await runner.simulator.request([{ name: c.name, value: JSON.stringify(c.invalid) }], { path: '/' });
        expect(refused).toMatchObject({ kind: 'error', status: 503 });
      } finally {
        await runner.close();
      }
    });
  });

  it("the generated tests pass (vitest on the project, a6kit aliased to this repo's sources)", async () => {
    const config = join(project, 'vitest.config.mjs');
    await writeFile(
      config,
      `import { defineConfig } from 'vitest/config';
export default defineConfig({
  resolve: { alias: [
    { find: /^a6kit$/, replacement: ${JSON.stringify(join(repoRoot, 'runtime/index.ts'))} },
    { find: /^a6kit\\/testing$/, replacement: ${JSON.stringify(join(repoRoot, 'runtime/testkit/index.ts'))} },
  ] },
  test: { include: ['plugins/**/*.test.ts'], pool: 'threads', maxWorkers: 2 },
});
`,
    );
    const report = join(project, 'vitest-report.json');
    await promisify(execFile)(
      process.execPath,
      [
        join(repoRoot, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--root',
        project,
        '--config',
        config,
        '--reporter=json',
        `--outputFile=${report}`,
      ],
      { cwd: project, env: { ...process.env, CI: '1' } },
    ).catch((err: { stdout?: string; stderr?: string }) => {
      throw new Error(`generated tests failed:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
    });
    const result = JSON.parse(await readFile(report, 'utf8')) as {
      numTotalTestSuites: number;
      numPassedTests: number;
      numFailedTests: number;
      numTodoTests: number;
    };
    expect(result.numFailedTests).toBe(0);
    expect(result.numTodoTests).toBe(0);
    // Per plugin: valid config parses, runs in each phase it has, invalid config refused.
    const expected = cases.reduce((n, c) => n + 2 + (c.phase === 'both' ? 2 : 1), 0);
    expect(result.numPassedTests).toBe(expected);
  });

  it('gen keeps the user-owned index.ts and says where a schema change breaks it', async () => {
    const dir = join(project, 'plugins', 'jwt-auth');
    const userIndex = (await readFile(join(dir, 'index.ts'), 'utf8')).replace(
      "req.headers.set('x-a6-jwt-auth', 'on');",
      "// my edit: read the token from the configured header\n    const token = req.headers.get(conf.header);\n    if (token === undefined) res.respond(401, 'missing token');",
    );
    await writeFile(join(dir, 'index.ts'), userIndex);
    const schema = JSON.parse(await readFile(join(dir, 'schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    schema.properties['token_header'] = schema.properties['header'];
    delete schema.properties['header'];
    await writeFile(join(dir, 'schema.json'), JSON.stringify(schema, null, 2) + '\n');

    const log = capture();
    const result = await runGenProject({ project, compilerOptions: a6kitPaths, log });
    expect(result.written).toEqual(['plugins/jwt-auth/config.gen.ts', 'plugins/jwt-auth/validate.gen.js']);
    expect(await readFile(join(dir, 'index.ts'), 'utf8')).toBe(userIndex);
    expect(await readFile(join(dir, 'config.gen.ts'), 'utf8')).toContain('token_header: string;');
    expect(result.code).toBe(1);
    const lines = userIndex.split('\n');
    const line = lines.findIndex((l) => l.includes('conf.header')) + 1;
    const column = lines[line - 1]!.indexOf('conf.header') + 'conf.'.length + 1;
    expect(log.errors).toEqual([
      'type check failed (tsc with tsconfig.json): 1 error(s)',
      `  plugins/jwt-auth/index.ts:${line}:${column}: Property 'header' does not exist on type 'Config'.`,
      'a6kit gen failed: 1 type error(s) (2 file(s) updated)',
    ]);
    // Never a success line after a failure.
    expect(log.lines.join('\n')).not.toMatch(/up to date|plugin\(s\):/);
    const check = capture();
    expect((await runGenProject({ project, check: true, compilerOptions: a6kitPaths, log: check })).code).toBe(1);
    expect(check.lines.join('\n')).not.toContain('up to date');
    expect(check.errors.at(-1)).toBe('a6kit gen --check failed: 1 type error(s)');
  });
});
