/** Shared helpers of the plugin-gen tests: scratch projects inside the repo, quiet loggers, snapshots. */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../project/generate.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const schemasDir = join(repoRoot, 'test/plugin-gen/schemas');

/**
 * Scratch folders live under the repo's .tmp/ (gitignored), not the OS temp dir: generated
 * validators import ajv's runtime helpers, which then resolve from this repo's node_modules, the
 * same way they resolve from an installed project's own node_modules.
 */
export async function scratchDir(label: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = join(repoRoot, '.tmp', 'plugin-gen', `${label}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Compiler options that resolve `a6kit` to this repo's sources, as an installed package would. */
export const a6kitPaths = {
  paths: {
    a6kit: [join(repoRoot, 'runtime/index.ts')],
    'a6kit/testing': [join(repoRoot, 'runtime/testkit/index.ts')],
  },
};

export interface CapturingLogger extends Logger {
  lines: string[];
  errors: string[];
}

export function capture(): CapturingLogger {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, info: (l) => lines.push(l), error: (l) => errors.push(l) };
}

/** Every file under `dir` (relative path -> content), to prove a command changed nothing. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(relative(dir, p), await readFile(p, 'utf8'));
    }
  };
  await walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}
