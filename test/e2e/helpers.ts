/** Shared by the end-to-end tests: build the examples once, find out whether a SEA can be made. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildRunner, type BuildResult } from '../../shipping/build.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/**
 * Why this platform cannot make a Node single executable, or undefined when it can. Node ships SEA
 * support on Linux, macOS and Windows official builds; distribution builds may leave it out.
 */
export async function seaUnsupportedReason(): Promise<string | undefined> {
  if (!['linux', 'darwin', 'win32'].includes(process.platform)) return `no single executables on ${process.platform}`;
  if (process.platform === 'darwin' && !existsSync('/usr/bin/codesign')) return 'macOS without codesign';
  const node = await readFile(process.execPath);
  if (!node.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2')) {
    return `${process.execPath} was built without single-executable support`;
  }
  return undefined;
}

export async function buildExamples(sea: boolean): Promise<BuildResult> {
  return buildRunner({ project: EXAMPLES, sea });
}
