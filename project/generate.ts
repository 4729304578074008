/**
 * A runner project on disk: which plugins it has, and regenerating their generated files. Only
 * files named `*.gen.*` are ever written here; schema.json, index.ts and tests belong to the user.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { CompilerOptions } from 'ts-morph';
import { emitPlugin } from '../generator/plugin/emit.js';
import { GenError } from '../generator/plugin/errors.js';
import { buildModel } from '../generator/plugin/model.js';
import { loadSchemaFile, type LoadedSchema } from '../generator/plugin/schema-load.js';
import { describeTypeProblems, typeCheckProject, type TypeCheckResult } from './typecheck.js';

export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

export const consoleLogger: Logger = {
  info: (line) => process.stdout.write(line + '\n'),
  error: (line) => process.stderr.write(line + '\n'),
};

export const pluginsDir = (project: string): string => join(project, 'plugins');

/** Plugin folders (those with a schema.json), sorted by name. */
async function listPlugins(project: string): Promise<string[]> {
  const dir = pluginsDir(project);
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'schema.json')))
    .map((e) => e.name)
    .sort();
}

/** Every folder under plugins/ (used to refuse duplicates, with or without a schema). */
export async function listPluginFolders(project: string): Promise<string[]> {
  const entries = await readdir(pluginsDir(project), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Generated files of one plugin, keyed by absolute path. Throws GenError; writes nothing. */
export async function generatePluginFiles(
  project: string,
  name: string,
  loaded?: LoadedSchema,
): Promise<{ files: Map<string, string>; warnings: string[] }> {
  const dir = join(pluginsDir(project), name);
  const schema =
    loaded ??
    (await loadSchemaFile(join(dir, 'schema.json'), relative(project, join(dir, 'schema.json')) || 'schema.json'));
  const model = await buildModel(name, schema);
  const files = new Map<string, string>();
  for (const [file, text] of Object.entries(emitPlugin(model))) files.set(resolve(dir, file), text);
  return { files, warnings: model.warnings.map((w) => `${schema.file}: warning: ${w}`) };
}

/** Writes `text` unless the file already holds exactly it. Returns whether it wrote. */
export async function writeIfChanged(path: string, text: string): Promise<boolean> {
  const current = existsSync(path) ? await readFile(path, 'utf8') : undefined;
  if (current === text) return false;
  await mkdir(resolve(path, '..'), { recursive: true });
  await writeFile(path, text);
  return true;
}

export interface GenProjectRun {
  project: string;
  check?: boolean;
  /** Type-check the project against the new files (default true). */
  typecheck?: boolean;
  /** Only these plugins (default: all). */
  only?: readonly string[];
  /** Extra compiler options for the type check (tests map `a6kit` to the sources). */
  compilerOptions?: CompilerOptions;
  log?: Logger;
}

export interface GenProjectResult {
  code: number;
  written: string[];
  stale: string[];
  errors: string[];
  typecheck?: TypeCheckResult;
}

/**
 * Regenerates every plugin. All schemas are checked first: if any is refused, nothing at all is
 * written (a half-regenerated project would not type-check).
 */
export async function runGenProject(o: GenProjectRun): Promise<GenProjectResult> {
  const log = o.log ?? consoleLogger;
  const project = resolve(o.project);
  const result: GenProjectResult = { code: 0, written: [], stale: [], errors: [] };
  if (!existsSync(pluginsDir(project))) {
    result.errors.push(`${o.project}: not a runner project (no plugins/ folder); run \`a6kit init\` first`);
  }
  const outputs = new Map<string, string>();
  const names = result.errors.length ? [] : (await listPlugins(project)).filter((n) => !o.only || o.only.includes(n));
  for (const name of names) {
    try {
      const { files, warnings } = await generatePluginFiles(project, name);
      for (const [p, t] of files) outputs.set(p, t);
      warnings.forEach((w) => log.info(w));
    } catch (err) {
      if (!(err instanceof GenError)) throw err;
      result.errors.push(err.message);
    }
  }
  if (result.errors.length > 0) {
    result.errors.forEach((e) => log.error(`error: ${e}`));
    log.error('nothing written');
    return { ...result, code: 1 };
  }
  for (const [path, text] of outputs) {
    const rel = relative(project, path);
    if (o.check) {
      const current = existsSync(path) ? await readFile(path, 'utf8') : undefined;
      if (current !== text) result.stale.push(rel);
    } else if (await writeIfChanged(path, text)) {
      result.written.push(rel);
    }
  }
  if (o.check) {
    result.stale.forEach((f) => log.error(`out of date: ${f} (run a6kit gen)`));
    if (result.stale.length) result.code = 1;
  } else {
    result.written.forEach((f) => log.info(`wrote ${f}`));
  }
  if (o.typecheck !== false && names.length > 0) {
    result.typecheck = typeCheckProject(project, outputs, o.compilerOptions);
    if (result.typecheck.skipped) log.info(`type check skipped: ${result.typecheck.skipped}`);
    else if (result.typecheck.problems.length > 0) {
      describeTypeProblems(result.typecheck.problems).forEach((l) => log.error(l));
      result.code = 1;
    }
  }
  // The summary names what failed; "up to date" is only ever said when nothing did.
  const failed = [
    result.stale.length ? `${result.stale.length} generated file(s) out of date` : '',
    result.typecheck?.problems.length ? `${result.typecheck.problems.length} type error(s)` : '',
  ].filter(Boolean);
  const files = o.check || result.written.length === 0 ? 'up to date' : `${result.written.length} file(s) updated`;
  if (failed.length === 0) log.info(`${names.length} plugin(s): ${files}`);
  else
    log.error(
      `a6kit gen${o.check ? ' --check' : ''} failed: ${failed.join(', ')}${o.check || result.written.length === 0 ? '' : ` (${files})`}`,
    );
  return result;
}
