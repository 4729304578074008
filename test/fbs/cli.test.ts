/**
 * `a6kit gen` in protocol mode: writes codecs, `--check` detects drift (exit 1 with a summary)
 * without writing, and the committed runtime/protocol/ is what a fresh run produces.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { genProtocol } from '../../generator/fbs/cli.js';
import { PREAMBLE } from '../../generator/fbs/printer.js';
import { REPO, removeDir, repoTempDir } from './support/oracle.js';

function run(o: Parameters<typeof genProtocol>[0]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = genProtocol(o, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('a6kit gen (protocol mode)', () => {
  const dir = repoTempDir('gen-cli');
  afterAll(() => removeDir(dir));
  const proto = join(REPO, 'schema/ext-plugin.fbs');

  it('writes the codecs, and --check passes on them', () => {
    const out = join(dir, 'a');
    expect(run({ proto, out }).code).toBe(0);
    expect(existsSync(join(out, 'index.ts'))).toBe(true);
    expect(existsSync(join(out, 'a6.http-req-call.ts'))).toBe(true);
    const check = run({ proto, out, check: true });
    expect(check.code).toBe(0);
    expect(check.out).toContain('is up to date');
  });

  it('--check reports changed, missing and stale files, exits 1 and writes nothing', () => {
    const out = join(dir, 'b');
    run({ proto, out });
    const file = join(out, 'a6.err.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('CONF_TOKEN_NOT_FOUND = 2', 'CONF_TOKEN_NOT_FOUND = 3'));
    removeDir(join(out, 'a6.ts'));
    writeFileSync(join(out, 'a6.old.ts'), `${PREAMBLE} old.fbs.\n`);
    writeFileSync(join(out, 'handwritten.ts'), 'export const keep = 1;\n');
    const check = run({ proto, out, check: true });
    expect(check.code).toBe(1);
    expect(check.err).toContain('changed  a6.err.ts (line');
    expect(check.err).toContain('"CONF_TOKEN_NOT_FOUND = 3" -> "CONF_TOKEN_NOT_FOUND = 2"');
    expect(check.err).toContain('missing  a6.ts');
    expect(check.err).toContain('stale    a6.old.ts');
    expect(check.err).not.toContain('handwritten.ts');
    expect(existsSync(join(out, 'a6.ts'))).toBe(false);

    // A normal run repairs it, removes stale generated files and keeps files it did not write.
    expect(run({ proto, out }).code).toBe(0);
    expect(existsSync(join(out, 'a6.old.ts'))).toBe(false);
    expect(existsSync(join(out, 'handwritten.ts'))).toBe(true);
    expect(run({ proto, out, check: true }).code).toBe(0);
  });

  it('emits the layers the flags ask for, and --check compares with the same selection', () => {
    const out = join(dir, 'c');
    expect(run({ proto, out }).code).toBe(0);
    const base = readFileSync(join(out, 'a6.http-req-call.ts'), 'utf8');
    expect(base).not.toContain('static verify(');
    expect(base).not.toContain('static decode(');
    const withVerify = run({ proto, out, check: true, layers: { objectApi: false, values: false, verify: true } });
    expect(withVerify.code).toBe(1);
    expect(withVerify.err).toContain('layers: readers, builders, verify');
    expect(run({ proto, out, layers: { objectApi: true, values: true, verify: true } }).code).toBe(0);
    const all = readFileSync(join(out, 'a6.http-req-call.ts'), 'utf8');
    for (const m of ['static verify(', 'static decode(', 'unpack()']) expect(all).toContain(m);
  });

  const a6kit = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: REPO, encoding: 'utf8' });

  it("committed runtime/protocol is up to date with the runner's layers (`a6kit gen protocol --verify --check`)", () => {
    const r = a6kit('gen', 'protocol', '--verify', '--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('runtime/protocol is up to date with schema/ext-plugin.fbs');
    expect(r.stdout).toContain('readers, builders, verify');
  });

  it('lists the layer flags in `gen protocol --help`', () => {
    const r = a6kit('gen', 'protocol', '--help');
    for (const flag of ['--object-api', '--values', '--verify', '--compat', '--check'])
      expect(r.stdout).toContain(flag);
  });

  it('`a6kit gen` never guesses the protocol mode: without plugins/ it is a usage error (exit 2)', () => {
    const r = a6kit('gen', '--check');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a runner project \(no plugins\/ folder\).*a6kit gen protocol/);
  });

  it('the old protocol flags on `a6kit gen` still compile, with a deprecation line', () => {
    const r = a6kit('gen', '--proto', 'schema/ext-plugin.fbs', '--verify', '--check');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/deprecated: use `a6kit gen protocol schema\/ext-plugin\.fbs/);
    expect(r.stdout).toContain('runtime/protocol is up to date with schema/ext-plugin.fbs');
  });
});
