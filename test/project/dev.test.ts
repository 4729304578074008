/**
 * `a6kit dev`: the runner runs on a fixed socket, restarts on a change, and a gateway holding
 * tokens from before the restart recovers through CONF_TOKEN_NOT_FOUND (re-sending PrepareConf).
 * A signal stops it at any moment; `unix:` addresses work; helpers outside plugins/ restart it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewaySimulator } from 'a6kit/testing';
import { startDev, type DevSession } from '../../project/dev.js';
import { initProject, newPlugin } from '../../project/scaffold.js';
import { capture, repoRoot, scratchDir, type CapturingLogger } from '../plugin-gen/helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let session: DevSession | undefined;
let sim: GatewaySimulator | undefined;
let log: CapturingLogger;

beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir('dev'));
  await initProject({ dir, log: capture() });
  await newPlugin({ project: dir, name: 'hello', log: capture() });
  // No npm install in tests: tsx resolves `a6kit` to this repo's sources through tsconfig paths.
  const tsconfig = JSON.parse(await readFile(join(dir, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: Record<string, unknown>;
  };
  tsconfig.compilerOptions['paths'] = {
    a6kit: [join(repoRoot, 'runtime/index.ts')],
    'a6kit/testing': [join(repoRoot, 'runtime/testkit/index.ts')],
  };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
});

afterAll(async () => {
  await sim?.close();
  await session?.close();
  await cleanup();
});

describe('a6kit dev', () => {
  it('serves, restarts on changes on the same socket, regenerates schemas; the gateway recovers', async () => {
    log = capture();
    const socket = join(dir, 'dev.sock');
    session = await startDev({ project: dir, socket, log, debounceMs: 100, typecheck: false });
    expect(session.starts).toBe(1);
    expect(log.lines).toContain(`runner started on unix:${socket}`);

    sim = await GatewaySimulator.connect(socket);
    const conf = [{ name: 'hello', value: '{}' }];
    const first = await sim.request(conf, { path: '/a' });
    expect(first).toMatchObject({ kind: 'upstream', request: { headers: { 'x-a6-hello': 'on' } } });
    expect(sim.prepareCount).toBe(1);

    // Edit the plugin: the runner restarts and serves the new code on the same socket.
    const index = join(dir, 'plugins/hello/index.ts');
    await writeFile(index, (await readFile(index, 'utf8')).replace("'x-a6-hello', 'on'", "'x-a6-hello', 'v2'"));
    expect(await session.nextCycle()).toEqual(['plugins/hello/index.ts']);
    expect(session.starts).toBe(2);
    const second = await sim.request(conf, { path: '/a' });
    expect(second).toMatchObject({ kind: 'upstream', request: { headers: { 'x-a6-hello': 'v2' } } });
    // The cached token was unknown to the new runner: CONF_TOKEN_NOT_FOUND, then one new PrepareConf.
    expect(sim.prepareCount).toBe(2);

    // Edit the schema: config.gen.ts is regenerated before the restart.
    const schemaFile = join(dir, 'plugins/hello/schema.json');
    const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as { properties: Record<string, unknown> };
    schema.properties['greeting'] = { type: 'string', default: 'hi' };
    await writeFile(schemaFile, JSON.stringify(schema, null, 2) + '\n');
    expect(await session.nextCycle()).toEqual(['plugins/hello/schema.json']);
    expect(await readFile(join(dir, 'plugins/hello/config.gen.ts'), 'utf8')).toContain('greeting: string;');
    expect(log.lines).toEqual(
      expect.arrayContaining(['changed: plugins/hello/schema.json', 'wrote plugins/hello/config.gen.ts']),
    );
    const third = await sim.request([{ name: 'hello', value: '{"greeting": 5}' }], { path: '/a' });
    expect(third).toMatchObject({ kind: 'error', status: 503 });

    // A half-typed schema is refused and nothing is regenerated, so the runner is left alone:
    // restarting it would only make APISIX re-prepare every route config for the same code.
    const starts = session.starts;
    await writeFile(schemaFile, '{"type": "object", "properties": {');
    expect(await session.nextCycle()).toEqual(['plugins/hello/schema.json']);
    expect(session.starts).toBe(starts);
    expect(log.errors).toContain(
      'schema refused: the runner keeps serving the previous generated code (not restarted)',
    );
    const prepared = sim.prepareCount;
    expect(await sim.request([{ name: 'hello', value: '{"greeting": "yo"}' }], { path: '/a' })).toMatchObject({
      kind: 'upstream',
    });
    expect(sim.prepareCount).toBe(prepared + 1);

    await session.close();
    session = undefined;
    expect(existsSync(socket)).toBe(false);
  });

  it('takes unix: addresses and restarts on a change to a helper outside plugins/ that the runner imports (and not on other files)', async () => {
    log = capture();
    const socket = join(dir, 'dev2.sock');
    await mkdir(join(dir, 'lib'), { recursive: true });
    await writeFile(join(dir, 'lib/tag.ts'), "export const tag = 'one';\n");
    const index = join(dir, 'plugins/hello/index.ts');
    const code = await readFile(index, 'utf8');
    await writeFile(
      index,
      `import { tag } from '../../lib/tag.js';\n${code.replace(/'x-a6-hello', '[a-z0-9]+'/, "'x-a6-hello', tag")}`,
    );
    session = await startDev({ project: dir, socket: `unix:${socket}`, log, debounceMs: 100, typecheck: false });
    expect(session.socket).toBe(socket);
    expect(existsSync(join(dir, 'unix:'))).toBe(false);
    sim = await GatewaySimulator.connect(socket);
    const conf = [{ name: 'hello', value: '{}' }];
    expect(await sim.request(conf, { path: '/a' })).toMatchObject({ request: { headers: { 'x-a6-hello': 'one' } } });

    // A file nothing imports changes nothing; the helper the plugin imports restarts the runner.
    await writeFile(join(dir, 'notes.ts'), 'export const unused = 1;\n');
    await writeFile(join(dir, 'lib/tag.ts'), "export const tag = 'two';\n");
    expect(await session.nextCycle()).toEqual(['lib/tag.ts']);
    expect(session.starts).toBe(2);
    expect(await sim.request(conf, { path: '/a' })).toMatchObject({ request: { headers: { 'x-a6-hello': 'two' } } });
    await sim.close();
    sim = undefined;
    await session.close();
    session = undefined;
    expect(existsSync(socket)).toBe(false);
    await writeFile(index, code);
  });

  it('does not restart onto a socket another process has taken meanwhile, and names it', async () => {
    log = capture();
    const socket = join(dir, 'dev5.sock');
    session = await startDev({ project: dir, socket, log, debounceMs: 100, typecheck: false });
    // Another runner takes the path over (as a reloaded APISIX runner would).
    const other = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'test/runtime/fixtures/runner.ts'), 'run'],
      {
        env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${socket}` },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    try {
      await new Promise<void>((resolve) =>
        other.stdout.on('data', (d: Buffer) => d.toString().includes('runner listening') && resolve()),
      );
      const index = join(dir, 'plugins/hello/index.ts');
      await writeFile(index, (await readFile(index, 'utf8')) + '\n');
      await session.nextCycle();
      expect(log.errors.some((l) => l.includes(`unix:${socket} is in use by pid ${other.pid}`))).toBe(true);
      // dev's runner exited without removing the other runner's socket.
      const sim2 = await GatewaySimulator.connect(socket);
      expect(await sim2.request([{ name: 'stop', conf: { body: 'other' } }])).toMatchObject({
        kind: 'response',
        body: 'other',
      });
      await sim2.close();
      await session.close();
      session = undefined;
      expect(existsSync(socket)).toBe(true);
    } finally {
      other.kill('SIGTERM');
      await new Promise((r) => other.once('exit', r));
    }
  });

  it('stops at any moment of its start-up: the runner it spawned exits and no socket is left', async () => {
    const socket = join(dir, 'dev3.sock');
    const stop = new AbortController();
    // Abort the moment the runner is up, before dev has finished starting (the watcher is next).
    const watchingLog = { info: (l: string) => l.startsWith('runner started') && stop.abort(), error: () => {} };
    await expect(
      startDev({ project: dir, socket, log: watchingLog, signal: stop.signal, typecheck: false }),
    ).rejects.toThrow(/stopped while starting/);
    expect(existsSync(socket)).toBe(false);
    expect((await readdir(dir)).filter((n) => n.startsWith('.a6-'))).toEqual([]);
  });

  it('the a6kit dev command: SIGINT during start-up stops the runner and removes its socket', async () => {
    const socket = join(dir, 'dev4.sock');
    const cli = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'cli/main.ts'),
        'dev',
        '--project',
        dir,
        '--socket',
        `unix:${socket}`,
        '--no-typecheck',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const interrupted = new Promise<void>((resolve) => {
      cli.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // The runner listens; dev has not printed "watching" yet.
        if (out.includes('runner started') && !cli.killed) {
          cli.kill('SIGINT');
          resolve();
        }
      });
    });
    cli.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => cli.once('exit', (code) => r(code)));
    await interrupted;
    expect(await exited).toBe(0);
    expect(existsSync(socket)).toBe(false);
  });
});
