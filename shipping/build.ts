/**
 * `a6kit build`: turn a runner project into what APISIX starts with `ext-plugin.cmd`.
 *
 * First the checks `a6kit gen --check` and gen's type check make (skipped with `--no-check`), then
 * the bundle (shipping/bundle.ts) and, with `--sea`, the single executable (shipping/single-executable.ts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../tooling/user-error.js';
import { BUNDLE_NAME, bundleRunner } from './bundle.js';
import { EXECUTABLE_NAME, makeSingleExecutable } from './single-executable.js';

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
   * Stack traces in the plugins' own .ts lines (default true): a source map (mappings only, no
   * sources) in dist/a6-runner.cjs.map, inline in the single executable, and source maps turned
   * on at start.
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

export async function buildRunner(o: BuildOptions): Promise<BuildResult> {
  const project = resolve(o.project);
  const log = o.log ?? (() => undefined);
  const entry = join(project, 'runner.ts');
  if (!existsSync(entry)) {
    throw new UserError(`no runner.ts in ${project} (is it a runner project? \`a6kit init\` makes one)`, 2);
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
    // A single executable has no file beside it to read a map from: it embeds a copy of the
    // bundle with the map inline, as one file.
    const work = sourceMaps ? await mkdtemp(join(tmpdir(), 'a6kit-build-')) : undefined;
    try {
      const embedded = work === undefined ? bundle : await withInlineMap(bundle, join(work, BUNDLE_NAME));
      await makeSingleExecutable(embedded, executable, sourceMaps);
    } finally {
      if (work !== undefined) await rm(work, { recursive: true, force: true });
    }
    result.executable = executable;
    result.executableBytes = (await stat(executable)).size;
    log(`single executable ${display(executable)} (${formatBytes(result.executableBytes)})`);
  }
  return result;
}

/** `bundle` written to `out` with its map (`<bundle>.map`, named by its last line) inline. */
async function withInlineMap(bundle: string, out: string): Promise<string> {
  const code = await readFile(bundle, 'utf8');
  const link = `//# sourceMappingURL=${basename(bundle)}.map`;
  const at = code.lastIndexOf(link);
  if (at < 0) throw new Error(`${bundle} does not end with ${link}`);
  const map = await readFile(`${bundle}.map`);
  await writeFile(
    out,
    `${code.slice(0, at)}//# sourceMappingURL=data:application/json;base64,${map.toString('base64')}${code.slice(at + link.length)}`,
  );
  return out;
}

/** The same checks as `a6kit gen --check` and gen's type check; a failed one refuses the build (exit 1). */
async function checkProject(project: string, log: (line: string) => void): Promise<void> {
  // Imported lazily: ts-morph and the schema compiler are only needed here.
  const { runGenProject } = await import('../project/generate.js');
  const { describeTypeProblems, typeCheckProject } = await import('../project/typecheck.js');
  const bypass = `or build anyway with \`a6kit build --no-check\``;
  if (existsSync(join(project, 'plugins'))) {
    const errors: string[] = [];
    const gen = await runGenProject({
      project,
      check: true,
      typecheck: false,
      log: { info: () => undefined, error: (l) => errors.push(l) },
    });
    if (gen.code !== 0) {
      const fix =
        gen.stale.length > 0
          ? 'run `a6kit gen` (npm run gen) to regenerate them'
          : 'fix the schema, then run `a6kit gen`';
      const what =
        gen.stale.length > 0 ? 'generated files are out of date with their schema.json' : 'a plugin schema is refused';
      throw new UserError(
        `${what}:\n${indent(errors.filter((l) => !/^a6kit gen|^nothing written$/.test(l)))}\n${fix}, ${bypass}`,
        1,
      );
    }
  }
  const types = typeCheckProject(project, new Map());
  if (types.skipped) {
    log(`type check skipped: ${types.skipped}`);
  } else if (types.problems.length > 0) {
    throw new UserError(
      `${describeTypeProblems(types.problems).join('\n')}\nfix the code at those lines (\`npx tsc --noEmit\` lists the same), ${bypass}`,
      1,
    );
  }
  log('checked: generated files up to date, project type-checks');
}

function indent(lines: readonly string[]): string {
  return lines.map((l) => `  ${l}`).join('\n');
}

/** Path relative to the working folder when inside it, else absolute. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}
