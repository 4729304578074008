/**
 * A built runner reports a plugin's error with the plugin's own .ts file and line (not a line of
 * dist/a6-runner.cjs), in the bundle (its map beside it, dist/a6-runner.cjs.map) and in the single
 * executable (map embedded); shipped without its .map the bundle still runs, with frames in its own
 * lines; `--no-source-maps` opts out.
 * Also: `a6-runner --version` names the project it was built from.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunner, type BuildResult } from '../../shipping/build.js';
import { version as a6kitVersion } from '../../runtime/version.js';
import { startRunnerProcess } from '../../demo/runner-process.js';
import { GatewaySimulator } from '../../runtime/testkit/index.js';
import { seaUnsupportedReason } from './helpers.js';

const seaReason = await seaUnsupportedReason();

// Line numbers matter: the throw is on line 4, the call into it on line 11.
const PLUGIN = `import { definePlugin } from 'a6kit';

function explode(): never {
  throw new TypeError('thrown on purpose');
}

export default definePlugin({
  name: 'thrower',
  parseConf: (raw: string) => raw,
  requestFilter() {
    explode();
  },
});
`;

let dir: string;
let project: string;
let mapped: BuildResult;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'a6kit-srcmap-'));
  project = join(dir, 'thrower-runner');
  await mkdir(join(project, 'plugins', 'thrower'), { recursive: true });
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'thrower-runner', version: '1.2.3', type: 'module' }),
  );
  await writeFile(join(project, 'plugins', 'thrower', 'index.ts'), PLUGIN);
  await writeFile(
    join(project, 'runner.ts'),
    "import { runMain } from 'a6kit';\nimport thrower from './plugins/thrower/index.js';\n\nvoid runMain({ plugins: [thrower] });\n",
  );
  mapped = await buildRunner({ project, sea: seaReason === undefined, check: false });
}, 180_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Starts `cmd` as APISIX would, sends one request through the throwing plugin, returns the logged stack. */
async function loggedStack(cmd: string[], label: string): Promise<string> {
  const runner = await startRunnerProcess(cmd, {
    socketPath: join(dir, `${label}.sock`),
    env: { PATH: '/a6kit-no-node-here:' + process.env.PATH },
  });
  try {
    const sim = await GatewaySimulator.connect(runner.address);
    expect(await sim.request([{ name: 'thrower', value: '{}' }])).toMatchObject({ kind: 'error', status: 503 });
    await sim.close();
    const deadline = Date.now() + 10_000;
    for (;;) {
      const line = runner.output.find((l) => l.includes('"plugin failed"'));
      if (line) return (JSON.parse(line) as { err: { stack: string } }).err.stack;
      if (Date.now() > deadline) throw new Error(`no "plugin failed" line:\n${runner.output.join('\n')}`);
      await sleep(10);
    }
  } finally {
    await runner.stop();
  }
}

describe('stack traces of a built runner', () => {
  it('the map sits beside the bundle, named by its last line; the bundle carries no inline map', async () => {
    const code = await readFile(mapped.bundle, 'utf8');
    expect(code.trimEnd().endsWith('//# sourceMappingURL=a6-runner.cjs.map')).toBe(true);
    expect(code).not.toContain('sourceMappingURL=data:');
    const map = JSON.parse(await readFile(`${mapped.bundle}.map`, 'utf8')) as {
      sources: string[];
      sourcesContent?: unknown;
    };
    expect(map.sources.some((s) => s.endsWith('plugins/thrower/index.ts'))).toBe(true);
    expect(map.sourcesContent).toBeUndefined();
  });

  it('the bundle names plugins/thrower/index.ts and its lines', async () => {
    const stack = await loggedStack([process.execPath, mapped.bundle, 'run'], 'bundle');
    expect(stack).toContain('TypeError: thrown on purpose');
    expect(stack).toMatch(/plugins\/thrower\/index\.ts:4:\d+/);
    expect(stack).toMatch(/plugins\/thrower\/index\.ts:11:\d+/);
    expect(stack).not.toContain('a6-runner.cjs');
  }, 30_000);

  it.skipIf(seaReason)(
    'the single executable names plugins/thrower/index.ts and its lines',
    async () => {
      const stack = await loggedStack([mapped.executable!, 'run'], 'sea');
      expect(stack).toMatch(/plugins\/thrower\/index\.ts:4:\d+/);
      expect(stack).toMatch(/plugins\/thrower\/index\.ts:11:\d+/);
    },
    30_000,
  );

  it('--version names the project and its version, then a6kit', () => {
    for (const cmd of [[process.execPath, mapped.bundle], ...(seaReason ? [] : [[mapped.executable!]])]) {
      const r = spawnSync(cmd[0]!, [...cmd.slice(1), '--version'], { encoding: 'utf8', timeout: 15_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(`thrower-runner 1.2.3 (a6kit ${a6kitVersion})`);
    }
  });

  it('shipped without its .map: runs, frames in the bundle', async () => {
    const alone = join(dir, 'shipped-alone');
    await mkdir(alone);
    await copyFile(mapped.bundle, join(alone, 'a6-runner.cjs'));
    const stack = await loggedStack([process.execPath, join(alone, 'a6-runner.cjs'), 'run'], 'alone');
    expect(stack).toContain('TypeError: thrown on purpose');
    expect(stack).toMatch(/a6-runner\.cjs:\d+/);
    expect(stack).not.toContain('index.ts');
  }, 30_000);

  it('--no-source-maps: no map in the file nor beside it, frames in the bundle', async () => {
    const plain = await buildRunner({ project, check: false, sourceMaps: false });
    expect(await readFile(plain.bundle, 'utf8')).not.toContain('sourceMappingURL');
    expect(existsSync(`${plain.bundle}.map`)).toBe(false);
    const stack = await loggedStack([process.execPath, plain.bundle, 'run'], 'plain');
    expect(stack).toMatch(/a6-runner\.cjs:\d+/);
    expect(stack).not.toContain('index.ts');
  }, 60_000);
});
