/** One convention for every command: the exit codes `a6kit --help` documents. */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const a6kit = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: REPO, encoding: 'utf8' });

describe('exit codes', () => {
  it('--help documents them', () => {
    const r = a6kit('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 .*\n {2}70 /);
  });

  it("commander's usage errors (unknown option, missing argument) exit 2, like every other usage error", () => {
    const unknown = a6kit('build', '--bogus');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus'");
    expect(a6kit('remove').status).toBe(2);
  });

  it('a UserError is one line on stderr, no stack trace, with its code', () => {
    const r = a6kit('build', '--project', 'test/cli');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^a6kit: no runner\.ts in .*test\/cli \(is it a runner project\? `a6kit init` makes one\)\n$/,
    );
  });
});
