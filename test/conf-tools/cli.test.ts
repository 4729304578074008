/**
 * The commands as a user runs them: a separate process loading the examples project's plugins
 * through tsx, with the documented exit codes and nothing on stdout when a config is refused.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(tsx, args, { cwd: root, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const a6kit = (...args: string[]) => run(['cli/main.ts', ...args]);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'a6kit-check-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a6kit check', () => {
  it('exit 0 for the examples route files; exit 1 with file:line:col lines (text or JSON) for bad ones', async () => {
    expect(
      (
        await a6kit(
          'check',
          '--project',
          'examples',
          'examples/routes/say-route.json',
          'examples/routes/apisix.yaml',
          'examples/routes/a6-declarative.yaml',
        )
      ).code,
    ).toBe(0);

    const bad = join(dir, 'route.yaml');
    await writeFile(
      bad,
      [
        'uri: /x',
        'plugins:',
        '  ext-plugin-pre-req:',
        '    conf:',
        '      - name: limit-req',
        '        value: \'{"rate":-1}\'',
        '',
      ].join('\n'),
    );
    const text = await a6kit('check', '--project', 'examples', bad);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe(
      `${bad}:6:16: error: ext-plugin-pre-req conf[0]: plugin "limit-req" refuses its config: /rate: must be >= 0\n`,
    );

    const json = await a6kit('check', '--project', 'examples', '--format', 'json', bad);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        file: bad,
        line: 6,
        column: 16,
        phase: 'ext-plugin-pre-req',
        plugin: 'limit-req',
        pointer: '/rate',
      }),
    ]);
  }, 120_000);

  it('exit 2 for an unreadable file or a folder that is no runner project; --help documents the codes', async () => {
    const missing = await a6kit('check', '--project', 'examples', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.yaml/);
    const noProject = await a6kit('check', '--project', dir, 'examples/routes/apisix.yaml');
    expect(noProject.code).toBe(2);
    expect(noProject.stderr).toMatch(/not a runner project/);
    const help = await a6kit('check', '--help');
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  }, 120_000);
});

describe('a6kit conf', () => {
  it('prints the fragment (json or yaml) or, when refused, nothing on stdout and exit 1', async () => {
    const ok = await a6kit(
      'conf',
      '--project',
      'examples',
      '--phase',
      'pre-req',
      'say={"body":"hi"}',
      '--allow-degradation',
    );
    expect(ok).toMatchObject({
      code: 0,
      stdout:
        '{"ext-plugin-pre-req":{"conf":[{"name":"say","value":"{\\"body\\":\\"hi\\"}"}],"allow_degradation":true}}\n',
    });
    const yaml = await a6kit(
      'conf',
      '--project',
      'examples',
      '--route',
      '--uri',
      '/r',
      '--format',
      'yaml',
      'say={"body":"hi"}',
    );
    expect(yaml.stdout).toContain(
      'uri: /r\nplugins:\n  ext-plugin-pre-req:\n    conf:\n      - name: say\n        value: \'{"body":"hi"}\'\n',
    );
    const refused = await a6kit('conf', '--project', 'examples', 'say={"body":1}');
    expect(refused).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'a6kit: plugin "say" refuses its config: /body: must be string\n',
    });
    expect((await a6kit('conf', '--project', 'examples', '--phase', 'access', 'say={}')).code).toBe(2);
  }, 120_000);
});

describe('a6-runner plugins', () => {
  it('--json lists every plugin with the phases it acts in and its JSON Schema', async () => {
    const r = await run(['examples/runner.ts', 'plugins', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; phases: string[]; schema: { title?: string } | null }[];
    expect(list.map((p) => [p.name, p.phases])).toEqual([
      ['say', ['ext-plugin-pre-req', 'ext-plugin-post-req']],
      ['fault-injection', ['ext-plugin-pre-req', 'ext-plugin-post-req']],
      ['limit-req', ['ext-plugin-pre-req', 'ext-plugin-post-req']],
      ['limit-count', ['ext-plugin-pre-req', 'ext-plugin-post-req']],
      ['request-body-rewrite', ['ext-plugin-pre-req', 'ext-plugin-post-req']],
      ['response-rewrite', ['ext-plugin-post-resp']],
    ]);
    for (const p of list) expect(p.schema?.title, p.name).toBe(p.name);
    const text = await run(['examples/runner.ts', 'plugins']);
    expect(text.stdout.split('\n')[0]).toMatch(/^NAME +PHASES$/);
  }, 120_000);
});
