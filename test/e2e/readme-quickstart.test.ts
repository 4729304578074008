/**
 * The README's quickstart, run verbatim: every ```sh block marked `<!-- quickstart -->`, in order,
 * in one bash in a temp folder, as a new user would paste them. It must end with the plugin
 * working through `a6kit call` (the request proxied, not a 503).
 *
 * It runs a real `npm install` of a project that depends on this checkout (a `file:` link, so the
 * checkout's dist/ — built by `npm ci`'s prepare — is what the project runs); the registry
 * packages come from npm's cache when it has them. ~1 min on a busy 2-core machine.
 */
import { spawn } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let dir: string | undefined;

/** Newest modification time of the files under these folders of the checkout. */
function newest(...folders: string[]): number {
  let max = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else max = Math.max(max, statSync(p).mtimeMs);
    }
  };
  folders.forEach((f) => walk(join(repo, f)));
  return max;
}

// The project runs this checkout's dist/ (bin/a6kit.mjs, the a6kit/testing types): rebuild it
// when the sources are newer, as `npm ci` would have, so the test checks the code beside it.
beforeAll(() => {
  const built = join(repo, 'dist', 'cli', 'main.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newest('cli', 'runtime', 'generator')) return;
  const r = spawnSync('npm', ['run', 'build:lib'], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build:lib failed:\n${r.stdout}\n${r.stderr}`);
}, 120_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The marked blocks of a Markdown text, in order. */
function quickstartBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/<!-- quickstart -->\n```sh\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn('bash', ['-e', '-c', script], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => done({ code, out }));
  });
}

it('runs the README quickstart verbatim, ending in the plugin working through `a6kit call`', async () => {
  const blocks = quickstartBlocks(await readFile(join(repo, 'README.md'), 'utf8'));
  expect(blocks.length).toBe(3);
  dir = await mkdtemp(join(tmpdir(), 'a6kit-readme-'));
  // The harness around the blocks: stop a runner left in the background if a block fails.
  const script = `trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n${blocks.join('\n')}\n`;
  const r = await bash(script, dir, {
    A6KIT: repo,
    // Only how npm fetches, not what: no audit or funding requests, the cache first.
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
  });
  expect(r.code, r.out).toBe(0);
  // Before the first plugin, `npm test` passes (vitest --passWithNoTests); the first "it works":
  expect(r.out).toContain('0 plugin(s): up to date');
  expect(r.out).toContain('checked: generated files up to date, project type-checks');
  const call = /\{\n {2}"kind": "upstream"[\s\S]*?\n\}/.exec(r.out);
  expect(call, r.out).not.toBeNull();
  expect(JSON.parse(call![0])).toMatchObject({
    kind: 'upstream',
    request: { headers: { 'x-token': '1', 'x-a6-header-guard': 'on' } },
  });
  // The dependency is a relative path: the project installs wherever the checkout sits beside it.
  const pkg = JSON.parse(await readFile(join(dir, 'my-runner', 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  expect(pkg.dependencies['a6kit']).toMatch(/^file:\.\.\//);
  // `kill %1` sent SIGTERM: the runner removes its socket on the way out.
  for (let i = 0; i < 100 && existsSync(join(dir, 'my-runner', 'runner.sock')); i++) await sleep(20);
  expect(existsSync(join(dir, 'my-runner', 'runner.sock'))).toBe(false);
}, 240_000);
