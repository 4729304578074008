/**
 * `a6kit dev`: the runner runs on a fixed socket, restarts on a change, and a gateway holding
 * tokens from before the restart recovers through CONF_TOKEN_NOT_FOUND (re-sending PrepareConf).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewaySimulator } from 'a6kit/testing';
import { startDev, type DevSession } from '../../generator/plugin/dev.js';
import { initProject, newPlugin } from '../../generator/plugin/scaffold.js';
import { capture, repoRoot, scratchDir, type CapturingLogger } from './helpers.js';

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
  const tsconfig = JSON.parse(await readFile(join(dir, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  tsconfig.compilerOptions['paths'] = { a6kit: [join(repoRoot, 'runtime/index.ts')], 'a6kit/testing': [join(repoRoot, 'runtime/testing.ts')] };
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
    expect(log.lines).toEqual(expect.arrayContaining(['changed: plugins/hello/schema.json', 'wrote plugins/hello/config.gen.ts']));
    const third = await sim.request([{ name: 'hello', value: '{"greeting": 5}' }], { path: '/a' });
    expect(third).toMatchObject({ kind: 'error', status: 503 });

    // A half-typed schema is refused and nothing is regenerated, so the runner is left alone:
    // restarting it would only make APISIX re-prepare every route config for the same code.
    const starts = session.starts;
    await writeFile(schemaFile, '{"type": "object", "properties": {');
    expect(await session.nextCycle()).toEqual(['plugins/hello/schema.json']);
    expect(session.starts).toBe(starts);
    expect(log.errors).toContain('schema refused: the runner keeps serving the previous generated code (not restarted)');
    const prepared = sim.prepareCount;
    expect(await sim.request([{ name: 'hello', value: '{"greeting": "yo"}' }], { path: '/a' })).toMatchObject({ kind: 'upstream' });
    expect(sim.prepareCount).toBe(prepared + 1);

    await session.close();
    session = undefined;
    expect(existsSync(socket)).toBe(false);
  });
});
