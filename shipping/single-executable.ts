/**
 * Step 2 of `a6kit build --sea`: the bundle wrapped into a Node single executable application,
 * `dist/a6-runner`: a copy of the running `node` binary with the bundle injected (Node's
 * `--experimental-sea-config` makes the blob, postject injects it). It runs on machines without Node.
 */
import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../tooling/user-error.js';
import { BUNDLE_NAME } from './bundle.js';

export const EXECUTABLE_NAME = process.platform === 'win32' ? 'a6-runner.exe' : 'a6-runner';

/** The sentinel Node's single-executable support looks for; fixed by Node for every release. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * The main script of a single executable built with source maps: a SEA's main script is compiled
 * before any of its code runs, so it turns source maps on and compiles the bundle (a SEA asset)
 * through Node's CommonJS loader, which reads the inline map. The bundle is named as if it sat
 * beside the executable, so frames resolve to the project's sources as for dist/a6-runner.cjs.
 */
const SEA_LOADER = [
  '"use strict";',
  'process.setSourceMapsEnabled(true);',
  'const Module = require("node:module");',
  'const { dirname, join } = require("node:path");',
  `const filename = join(dirname(process.execPath), ${JSON.stringify(BUNDLE_NAME)});`,
  'const bundle = new Module(filename, module);',
  'bundle.filename = filename;',
  `bundle._compile(require("node:sea").getAsset(${JSON.stringify(BUNDLE_NAME)}, "utf8"), filename);`,
].join('\n');

export async function makeSingleExecutable(bundle: string, executable: string, sourceMaps: boolean): Promise<void> {
  const node = process.execPath;
  const nodeBinary = await readFile(node);
  if (!nodeBinary.includes(SEA_FUSE)) {
    throw new UserError(`${node} was built without single-executable support; use an official Node build`);
  }
  const work = await mkdtemp(join(tmpdir(), 'a6kit-sea-'));
  try {
    const blob = join(work, 'runner.blob');
    const config = join(work, 'sea-config.json');
    const loader = join(work, 'loader.cjs');
    if (sourceMaps) await writeFile(loader, SEA_LOADER);
    await writeFile(
      config,
      JSON.stringify({
        ...(sourceMaps ? { main: loader, assets: { [BUNDLE_NAME]: bundle } } : { main: bundle }),
        output: blob,
        disableExperimentalSEAWarning: true,
        // V8's compile cache for the main script, made now: the runner starts faster.
        useCodeCache: true,
      }),
    );
    await run(node, ['--experimental-sea-config', config], 'node --experimental-sea-config');

    await mkdir(dirname(executable), { recursive: true });
    await rm(executable, { force: true });
    await copyFile(node, executable);
    await chmod(executable, 0o755);
    if (process.platform === 'darwin') await run('codesign', ['--remove-signature', executable], 'codesign');

    const postjectArgs = [postjectCli(), executable, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE];
    if (process.platform === 'darwin') postjectArgs.push('--macho-segment-name', 'NODE_SEA');
    await run(node, postjectArgs, 'postject');

    if (process.platform === 'darwin') await run('codesign', ['--sign', '-', executable], 'codesign');
  } catch (err) {
    await rm(executable, { force: true });
    throw err;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function postjectCli(): string {
  const req = createRequire(import.meta.url);
  try {
    return join(dirname(req.resolve('postject/package.json')), 'dist', 'cli.js');
  } catch {
    throw new UserError('--sea needs the postject package (a dependency of a6kit): reinstall a6kit');
  }
}

/** Run a tool, keeping its chatter to show only when it fails. */
function run(cmd: string, args: readonly string[], what: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => fail(new UserError(`${what}: ${err.message}`, 1)));
    child.on('close', (code, signal) => {
      if (code === 0) done();
      else fail(new UserError(`${what} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`, 1));
    });
  });
}
