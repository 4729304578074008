/**
 * Step 1 of `a6kit build`: tsup bundles `<project>/runner.ts` with the plugins it imports, the a6kit
 * runtime and every dependency into one CommonJS file, `dist/a6-runner.cjs` (shebang, executable).
 * Nothing is left for `require` to find at run time except Node's built-in modules, which is also
 * what a Node single executable allows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Options as TsupOptions } from 'tsup';
import { a6kitPackage } from '../tooling/package-root.js';
import { UserError } from '../tooling/user-error.js';

/** esbuild's plugin type, as tsup exposes it (esbuild itself is tsup's dependency, not ours). */
type EsbuildPlugin = NonNullable<TsupOptions['esbuildPlugins']>[number];

export const BUNDLE_NAME = 'a6-runner.cjs';

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
 * Runs first in the bundle: keeps V8's young generation at its initial size (2 MiB). Under load V8
 * doubles the young generation (up to 32 MiB on 64-bit) whenever enough objects survived
 * scavenges, and a runner always has survivors (the calls in flight on 64 connections): with an
 * ExtraInfo plugin a runner otherwise ends near 84 MiB instead of 60. `--max-semi-space-size` would
 * do it but is read only as the heap is made, and APISIX starts the bundle without our flags (no
 * NODE_OPTIONS); the growth factor is read at each growth, so a factor of 1 holds the size.
 *
 * Earlier versions held it at 4 MiB (factor 1 at the cap, 2 below it), because 2 MiB then cost
 * ExtraInfo calls a third more CPU; since socket reads stopped allocating (shared-reads.ts) a
 * runner makes so little garbage that 2 MiB costs nothing measurable (bench/runner.bench.ts: stop,
 * rewrite and ExtraInfo within noise, peak RSS about 1 MiB lower), and a fixed factor needs no
 * watcher: the watcher was first a PerformanceObserver of GCs, which on Node 20 cost 5-10 % of a
 * call (every GC's entry is built with deprecation wrappers that get promoted), then a timer, which
 * a burst of growth between two ticks could outrun.
 */
export const YOUNG_GENERATION_CAP = [
  ';(() => {',
  '  try {',
  '    require("node:v8").setFlagsFromString("--semi-space-growth-factor=1");',
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

export async function bundleRunner(
  project: string,
  entry: string,
  outDir: string,
  minify: boolean,
  sourceMaps: boolean,
): Promise<string> {
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
      // Beside the bundle (a6-runner.cjs.map, named by its sourceMappingURL) rather than inline: the
      // map is as large as the code, and a runner shipped without it still runs, with frames in
      // the bundle's own lines. The single executable embeds it again (shipping/build.ts).
      sourcemap: sourceMaps,
      minify,
      // Names survive as written unless minified. esbuild's keepNames re-attaches a name with
      // Object.defineProperty wherever a function is made, also every time a hot path makes a
      // closure: measured 16 % of a header-rewriting request's CPU. Only a minified bundle, whose
      // names would otherwise be mangled in logs and stack traces, pays for it.
      keepNames: minify,
      clean: false,
      dts: false,
      shims: true,
      silent: true,
      config: false, // a tsup.config in the project is for the project's own needs, not this bundle
      ...(existsSync(tsconfig) ? { tsconfig } : {}),
      banner: {
        js: `#!/usr/bin/env node\n${sourceMaps ? `${SOURCE_MAPS_ON}\n` : ''}${SEA_ARGV_FIX}\n${YOUNG_GENERATION_CAP}`,
      },
      env: { NODE_ENV: 'production' },
      esbuildPlugins: [
        a6kitSourcePlugin(a6kitRoot),
        noPinoTransports(),
        noTracingInPromClient(),
        collectErrors(errors),
      ],
      // esbuild's own report would repeat what collectErrors puts into the UserError.
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
    throw new UserError(`bundling ${entry} failed:\n${detail}`, 1);
  }
  const bundle = join(outDir, BUNDLE_NAME);
  await chmod(bundle, 0o755);
  // A map from an earlier build would describe other code: never leave it beside this bundle.
  if (!sourceMaps) await rm(`${bundle}.map`, { force: true });
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
    return a6kitPackage().root;
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

/**
 * prom-client requires @opentelemetry/api (73 KiB bundled) for one thing: trace ids as exemplars of
 * its process CPU counter, which the runtime never turns on (runtime/metrics.ts). Inside prom-client
 * it is replaced by the answer the real API gives when no tracing SDK is set up: no active span.
 * A plugin that imports @opentelemetry/api itself still gets the real one.
 */
function noTracingInPromClient(): EsbuildPlugin {
  return {
    name: 'a6kit-no-tracing-in-prom-client',
    setup(b) {
      b.onResolve({ filter: /^@opentelemetry\/api$/ }, (args) =>
        /[\\/]node_modules[\\/]prom-client[\\/]/.test(args.importer)
          ? { path: 'opentelemetry-api', namespace: 'a6kit-no-tracing' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'a6kit-no-tracing' }, () => ({
        contents: 'module.exports = { trace: { getSpan: () => undefined }, context: { active: () => undefined } };\n',
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

/** name and version from the project's package.json (null when it has none). */
function projectInfo(project: string): { name: string; version: string } | null {
  try {
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    if (typeof pkg.name !== 'string') return null;
    return { name: pkg.name, version: typeof pkg.version === 'string' ? pkg.version : '0.0.0' };
  } catch {
    return null;
  }
}
