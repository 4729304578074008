/**
 * `a6kit build`: turn a runner project into what APISIX starts with `ext-plugin.cmd`.
 *
 *  1. tsup bundles `<project>/runner.ts` with the plugins it imports, the a6kit runtime and every
 *     dependency into one CommonJS file, `dist/a6-runner.cjs` (shebang, executable). Nothing is left
 *     for `require` to find at run time except Node's built-in modules — which is also what a Node
 *     single executable allows.
 *  2. `--sea` wraps that file into a Node single executable application, `dist/a6-runner`: a copy of
 *     the running `node` binary with the bundle injected (Node's `--experimental-sea-config` makes the
 *     blob, postject injects it). It runs on machines without Node.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Options as TsupOptions } from 'tsup';

/** esbuild's plugin type, as tsup exposes it (esbuild itself is tsup's dependency, not ours). */
type EsbuildPlugin = NonNullable<TsupOptions['esbuildPlugins']>[number];

export const BUNDLE_NAME = 'a6-runner.cjs';
export const EXECUTABLE_NAME = process.platform === 'win32' ? 'a6-runner.exe' : 'a6-runner';

/** The sentinel Node's single-executable support looks for; fixed by Node for every release. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * Runs first in the bundle. A single executable's argv is `[execPath, ...argv as exec'd]`, which
 * has the usual `[node, script, ...args]` shape when APISIX starts it. A worker it forks with
 * node:cluster (`--workers`) is exec'd as `exe <primary's argv[1]> ...args` and so carries one
 * entry too many; dropping it gives every process the same argv shape.
 */
const SEA_ARGV_FIX = [
  ';(() => {',
  '  try {',
  '    if (require("node:sea").isSea() && require("node:cluster").isWorker) process.argv.splice(2, 1);',
  '  } catch {}',
  '})();',
].join('\n');

/**
 * Runs first in a bundle built with source maps. Node reads a file's source map only when source
 * maps are on as the file is compiled, which for the bundle itself is too late once it runs; so
 * on first load it turns them on and loads itself once more (CommonJS allows a top-level return),
 * and stack traces then name the project's .ts files and lines. Costs one extra compile at start.
 */
const SOURCE_MAPS_ON = [
  'if (!process.sourceMapsEnabled && typeof process.setSourceMapsEnabled === "function") {',
  '  process.setSourceMapsEnabled(true);',
  '  delete require.cache[__filename];',
  '  return void (module.exports = require(__filename));',
  '}',
].join('\n');

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

export interface BuildOptions {
  /** Runner project folder (holds runner.ts). */
  project: string;
  /** Also make the single executable. */
  sea?: boolean;
  /** Minify the bundle (smaller file, less readable stack traces). */
  minify?: boolean;
  /**
   * Refuse to build when the generated files are out of date with the schemas or the project does
   * not type-check (default true). esbuild drops types without checking them, so without this a
   * build ships an old validator or code that does not compile.
   */
  check?: boolean;
  /**
   * Stack traces in the plugins' own .ts lines (default true): an inline source map (mappings
   * only, no sources) and source maps turned on at start.
   */
  sourceMaps?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface BuildResult {
  bundle: string;
  bundleBytes: number;
  executable?: string;
  executableBytes?: number;
}

/** A build that cannot go on, with a message meant for the user (no stack trace needed). */
export class BuildError extends Error {
  override name = 'BuildError';
}

export async function buildRunner(o: BuildOptions): Promise<BuildResult> {
  const project = resolve(o.project);
  const log = o.log ?? (() => undefined);
  const entry = join(project, 'runner.ts');
  if (!existsSync(entry)) {
    throw new BuildError(`no runner.ts in ${project} (is it a runner project? \`a6kit init\` makes one)`);
  }
  if (o.check !== false) await checkProject(project, log);
  const outDir = join(project, 'dist');
  const sourceMaps = o.sourceMaps !== false;
  const bundle = await bundleRunner(project, entry, outDir, o.minify ?? false, sourceMaps);
  const result: BuildResult = { bundle, bundleBytes: (await stat(bundle)).size };
  log(`bundled ${display(bundle)} (${formatBytes(result.bundleBytes)})`);
  const executable = join(outDir, EXECUTABLE_NAME);
  if (!o.sea) {
    // An executable from an earlier --sea build no longer matches the sources: never ship it.
    if (existsSync(executable)) {
      await rm(executable, { force: true });
      log(`removed the outdated ${display(executable)} (build with --sea to make it again)`);
    }
  } else {
    await makeSingleExecutable(bundle, executable, sourceMaps);
    result.executable = executable;
    result.executableBytes = (await stat(executable)).size;
    log(`single executable ${display(executable)} (${formatBytes(result.executableBytes)})`);
  }
  return result;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(`check a runner project, then bundle it into dist/${BUNDLE_NAME} (and with --sea a single executable dist/${EXECUTABLE_NAME})`)
    .option('--project <dir>', 'runner project to build', '.')
    .option('--sea', 'also make a Node single executable that runs without Node installed')
    .option('--minify', 'minify the bundle')
    .option('--no-check', 'skip the checks run first (generated files up to date, project type-checks)')
    .option('--no-source-maps', "stack traces in the bundle's lines instead of the plugins' .ts lines (no inline source map)")
    .action(async (flags: { project: string; sea?: boolean; minify?: boolean; check: boolean; sourceMaps: boolean }) => {
      try {
        await buildRunner({
          project: flags.project,
          sea: flags.sea,
          minify: flags.minify,
          check: flags.check,
          sourceMaps: flags.sourceMaps,
          log: (line) => process.stdout.write(`${line}\n`),
        });
      } catch (err) {
        if (!(err instanceof BuildError)) throw err;
        process.stderr.write(`a6kit build: ${err.message}\n`);
        process.exitCode = 1;
      }
    });
}

// ---------------------------------------------------------------------------------------------
// Checks before bundling: the same code as `a6kit gen --check` and gen's type check

async function checkProject(project: string, log: (line: string) => void): Promise<void> {
  // Imported lazily: ts-morph and the schema compiler are only needed here.
  const { runGenProject } = await import('../project/generate.js');
  const { describeTypeProblems, typeCheckProject } = await import('../project/typecheck.js');
  const bypass = `or build anyway with \`a6kit build --no-check\``;
  if (existsSync(join(project, 'plugins'))) {
    const errors: string[] = [];
    const gen = await runGenProject({ project, check: true, typecheck: false, log: { info: () => undefined, error: (l) => errors.push(l) } });
    if (gen.code !== 0) {
      const fix = gen.stale.length > 0 ? 'run `a6kit gen` (npm run gen) to regenerate them' : 'fix the schema, then run `a6kit gen`';
      const what = gen.stale.length > 0 ? 'generated files are out of date with their schema.json' : 'a plugin schema is refused';
      throw new BuildError(`${what}:\n${indent(errors.filter((l) => !/^a6kit gen|^nothing written$/.test(l)))}\n${fix}, ${bypass}`);
    }
  }
  const types = typeCheckProject(project, new Map());
  if (types.skipped) {
    log(`type check skipped: ${types.skipped}`);
  } else if (types.problems.length > 0) {
    throw new BuildError(`${describeTypeProblems(types.problems).join('\n')}\nfix the code at those lines (\`npx tsc --noEmit\` lists the same), ${bypass}`);
  }
  log('checked: generated files up to date, project type-checks');
}

function indent(lines: readonly string[]): string {
  return lines.map((l) => `  ${l}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Bundle

async function bundleRunner(project: string, entry: string, outDir: string, minify: boolean, sourceMaps: boolean): Promise<string> {
  // Imported lazily: tsup pulls in esbuild, rollup and friends, which no other command needs.
  const { build } = await import('tsup');
  const tsconfig = join(project, 'tsconfig.json');
  const errors: string[] = [];
  const a6kitRoot = findA6kitRoot(project);
  try {
    await build({
      entry: { 'a6-runner': entry },
      outDir,
      format: ['cjs'],
      outExtension: () => ({ js: '.cjs' }),
      platform: 'node',
      target: 'node20',
      // Inline everything: the file must run with nothing installed beside it.
      noExternal: [/.*/],
      splitting: false,
      sourcemap: sourceMaps ? 'inline' : false,
      minify,
      keepNames: true,
      clean: false,
      dts: false,
      shims: true,
      silent: true,
      config: false, // a tsup.config in the project is for the project's own needs, not this bundle
      ...(existsSync(tsconfig) ? { tsconfig } : {}),
      banner: { js: `#!/usr/bin/env node\n${sourceMaps ? `${SOURCE_MAPS_ON}\n` : ''}${SEA_ARGV_FIX}` },
      env: { NODE_ENV: 'production' },
      esbuildPlugins: [a6kitSourcePlugin(a6kitRoot), noPinoTransports(), collectErrors(errors)],
      // esbuild's own report would repeat what collectErrors puts into the BuildError.
      esbuildOptions: (opts) => {
        opts.logLevel = 'silent';
        // Stack traces need the mappings only; the sources stay out of the shipped file.
        opts.sourcesContent = false;
        // runtime/build-info.ts: `a6-runner --version` names the project, read from its package.json now.
        opts.define = { ...opts.define, __A6KIT_PROJECT__: JSON.stringify(projectInfo(project)) };
        // Generated validators import ajv's runtime helpers, and the runtime its own dependencies:
        // when the project has no node_modules of its own (a6kit linked, or this repo's examples/),
        // find them where the a6kit in use has them installed.
        opts.nodePaths = [join(a6kitRoot, 'node_modules')];
        if (basename(dirname(a6kitRoot)) === 'node_modules') opts.nodePaths.push(dirname(a6kitRoot));
      },
    });
  } catch (err) {
    const detail = errors.length > 0 ? errors.join('\n') : err instanceof Error ? err.message : String(err);
    throw new BuildError(`bundling ${entry} failed:\n${detail}`);
  }
  const bundle = join(outDir, BUNDLE_NAME);
  await chmod(bundle, 0o755);
  return bundle;
}

/**
 * Resolve `a6kit` to the TypeScript sources of the a6kit package: the project's own dependency when
 * it has one, else the a6kit running this build (this repository's examples/, or a project made
 * outside any install). Bundling the sources rather than the prebuilt dist/ means the runner always
 * gets the runtime that matches the sources beside it, and `a6kit/testing` never enters a runner.
 */
function a6kitSourcePlugin(root: string): EsbuildPlugin {
  const entries: Record<string, string> = {
    a6kit: join(root, 'runtime', 'index.ts'),
    'a6kit/testing': join(root, 'runtime', 'testkit', 'index.ts'),
  };
  return {
    name: 'a6kit-source',
    setup(b) {
      b.onResolve({ filter: /^a6kit(\/testing)?$/ }, (args) => {
        const path = entries[args.path];
        return path !== undefined && existsSync(path) ? { path } : undefined;
      });
    },
  };
}

function findA6kitRoot(project: string): string {
  try {
    const req = createRequire(join(project, 'package.json'));
    return dirname(req.resolve('a6kit/package.json'));
  } catch {
    return ownPackageRoot();
  }
}

/** Root of the a6kit package this code runs from (source tree or installed dist/). */
export function ownPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'a6kit') return dir;
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new BuildError('cannot find the a6kit package this command runs from');
    dir = parent;
  }
}

/**
 * pino transports run in worker threads loaded from files by name, which a one-file runner does
 * not have. The runner logs to stdout (APISIX copies it into error.log), so the transport
 * machinery (thread-stream) is replaced by a stub that says so if anything ever asks for it.
 */
function noPinoTransports(): EsbuildPlugin {
  const message = 'pino transports are not available in a bundled a6kit runner: log to stdout or a file destination';
  return {
    name: 'a6kit-no-pino-transports',
    setup(b) {
      b.onResolve({ filter: /^thread-stream$/ }, () => ({ path: 'thread-stream', namespace: 'a6kit-stub' }));
      b.onLoad({ filter: /.*/, namespace: 'a6kit-stub' }, () => ({
        contents: `module.exports = function ThreadStream() { throw new Error(${JSON.stringify(message)}); };\n`,
        loader: 'js',
      }));
    },
  };
}

/** esbuild's own messages say file:line and what is wrong; keep them for the error we throw. */
function collectErrors(errors: string[]): EsbuildPlugin {
  return {
    name: 'a6kit-collect-errors',
    setup(b) {
      b.onEnd((r) => {
        for (const m of r.errors) {
          const at = m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : '';
          errors.push(`  ${at}${m.text}`);
        }
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Single executable

/** name and version from the project's package.json (null when it has none). */
function projectInfo(project: string): { name: string; version: string } | null {
  try {
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
    if (typeof pkg.name !== 'string') return null;
    return { name: pkg.name, version: typeof pkg.version === 'string' ? pkg.version : '0.0.0' };
  } catch {
    return null;
  }
}

async function makeSingleExecutable(bundle: string, executable: string, sourceMaps: boolean): Promise<void> {
  const node = process.execPath;
  const nodeBinary = await readFile(node);
  if (!nodeBinary.includes(SEA_FUSE)) {
    throw new BuildError(`${node} was built without single-executable support; use an official Node build`);
  }
  const work = await mkdtemp(join(tmpdir(), 'a6kit-sea-'));
  try {
    const blob = join(work, 'runner.blob');
    const config = join(work, 'sea-config.json');
    const loader = join(work, 'loader.cjs');
    if (sourceMaps) await writeFile(loader, SEA_LOADER);
    await writeFile(config, JSON.stringify({
      ...(sourceMaps ? { main: loader, assets: { [BUNDLE_NAME]: bundle } } : { main: bundle }),
      output: blob,
      disableExperimentalSEAWarning: true,
      // V8's compile cache for the main script, made now: the runner starts faster.
      useCodeCache: true,
    }));
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
    throw new BuildError('--sea needs the postject package (a dependency of a6kit): reinstall a6kit');
  }
}

/** Run a tool, keeping its chatter to show only when it fails. */
function run(cmd: string, args: readonly string[], what: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => fail(new BuildError(`${what}: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) done();
      else fail(new BuildError(`${what} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    });
  });
}

/** Path relative to the working folder when inside it, else absolute. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}
