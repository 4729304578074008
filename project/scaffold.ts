/**
 * `a6kit new` and `a6kit init`: render templates/ with node-plop. Everything that can be refused
 * (name, duplicate, schema) is checked before the first file is written, so a refused command
 * leaves the project as it was.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import nodePlop, { type ActionType, type NodePlopAPI } from 'node-plop';
import { UserError } from '../tooling/user-error.js';
import { buildSamples } from '../generator/plugin/samples.js';
import { checkPluginName, findNameClash } from '../generator/plugin/names.js';
import { a6kitPackage, templatesDir } from '../tooling/package-root.js';
import {
  consoleLogger,
  generatePluginFiles,
  listPluginFolders,
  pluginsDir,
  writeIfChanged,
  type Logger,
} from './generate.js';
import {
  addToRegistry,
  REGISTRY_FILE,
  registeredIdentifier,
  registryTemplate,
  removeFromRegistry,
} from './registry.js';
import { loadSchemaFile, parseSchemaText } from '../generator/plugin/schema-load.js';

export type Phase = 'request' | 'response' | 'both';
export const PHASES: readonly Phase[] = ['request', 'response', 'both'];

async function plopFor(dest: string): Promise<NodePlopAPI> {
  const plop = await nodePlop(undefined, { destBasePath: dest, force: false });
  return plop;
}

async function runPlop(dest: string, actions: ActionType[], data: Record<string, unknown>): Promise<void> {
  const plop = await plopFor(dest);
  const generator = plop.setGenerator('a6kit', { description: 'a6kit scaffold', prompts: [], actions });
  const { failures } = await generator.runActions(data);
  if (failures.length > 0) {
    throw new UserError(`cannot write files: ${failures.map((f) => `${f.path || f.type}: ${f.error}`).join('; ')}`, 1);
  }
}

export interface NewPluginOptions {
  project: string;
  name: string;
  /** JSON Schema file to copy as the plugin's schema.json (default: a starter schema). */
  schema?: string;
  phase?: Phase;
  log?: Logger;
}

export async function newPlugin(o: NewPluginOptions): Promise<void> {
  const log = o.log ?? consoleLogger;
  const project = resolve(o.project);
  const phase = o.phase ?? 'request';
  if (!PHASES.includes(phase))
    throw new UserError(`invalid --phase ${JSON.stringify(phase)}: use request, response or both`, 2);
  if (!existsSync(pluginsDir(project))) {
    throw new UserError(`${o.project} is not a runner project (no plugins/ folder); run \`a6kit init\` first`, 2);
  }
  checkPluginName(o.name);
  const clash = findNameClash(o.name, await listPluginFolders(project));
  if (clash !== undefined) {
    throw new UserError(
      `plugin ${JSON.stringify(o.name)} already exists (plugins/${clash}); pick another name or edit plugins/${clash}/schema.json and run \`a6kit gen\``,
      1,
    );
  }
  const registryPath = join(project, REGISTRY_FILE);
  const registry = existsSync(registryPath) ? await readFile(registryPath, 'utf8') : registryTemplate();
  if (registeredIdentifier(registry, o.name) !== undefined) {
    throw new UserError(
      `plugin ${JSON.stringify(o.name)} is already imported by ${REGISTRY_FILE}; remove that import or pick another name`,
      1,
    );
  }
  const updatedRegistry = addToRegistry(registry, o.name);

  // The schema: the user's file (checked, copied byte for byte) or the starter.
  const schemaRel = `plugins/${o.name}/schema.json`;
  const plop = await plopFor(project);
  // Problems in a given schema are reported against the user's file, not the copy not yet written.
  const loaded = o.schema
    ? await loadSchemaFile(resolve(o.schema), o.schema)
    : parseSchemaText(
        plop.renderString(await readFile(join(templatesDir(), 'plugin', 'schema.json.hbs'), 'utf8'), { name: o.name }),
        schemaRel,
      );
  const schemaText = loaded.text;
  const { files, warnings } = await generatePluginFiles(project, o.name, loaded);
  const samples = buildSamples(loaded);

  const data = {
    name: o.name,
    header: `x-a6-${o.name.toLowerCase()}`,
    request: phase !== 'response',
    response: phase !== 'request',
    hasValid: samples.valid !== undefined,
    validJson: JSON.stringify(samples.valid, null, 2),
    invalidRawJson: JSON.stringify(samples.invalid.raw),
    invalidPointerJson: JSON.stringify(samples.invalid.pointer),
    invalidMessageJson: JSON.stringify(samples.invalid.message),
  };
  const tpl = join(templatesDir(), 'plugin');
  const dir = `plugins/${o.name}`;
  await mkdir(join(project, dir), { recursive: true });
  const owned = [`${dir}/index.ts`, `${dir}/${o.name}.test.ts`];
  await runPlop(
    project,
    [
      { type: 'add', path: owned[0]!, templateFile: join(tpl, 'index.ts.hbs'), abortOnFail: true },
      { type: 'add', path: owned[1]!, templateFile: join(tpl, 'plugin.test.ts.hbs'), abortOnFail: true },
    ],
    data,
  );
  await writeIfChanged(join(project, schemaRel), schemaText);
  for (const [path, text] of files) await writeIfChanged(path, text);
  await writeIfChanged(registryPath, updatedRegistry);
  warnings.forEach((w) => log.info(w));
  for (const f of [schemaRel, ...[...files.keys()].map((p) => relative(project, p)), ...owned].sort()) {
    log.info(`created ${f}`);
  }
  log.info(`registered in ${REGISTRY_FILE}`);
  if (!samples.valid)
    log.info(`note: no config accepted by the schema could be derived; fill in the test in ${dir}/${o.name}.test.ts`);
}

export interface RemovePluginOptions {
  project: string;
  name: string;
  log?: Logger;
}

/**
 * `a6kit remove`: the plugin's folder and its registration in plugins/index.ts. The registry edit
 * is worked out first, so a refusal (the plugin used in a way only its author can undo) changes
 * nothing; a plugin that is only in one of the two places is removed from that one.
 */
export async function removePlugin(o: RemovePluginOptions): Promise<void> {
  const log = o.log ?? consoleLogger;
  const project = resolve(o.project);
  if (!existsSync(pluginsDir(project))) {
    throw new UserError(`${o.project} is not a runner project (no plugins/ folder)`, 2);
  }
  checkPluginName(o.name);
  const folder = (await listPluginFolders(project)).find((f) => f === o.name);
  const registryPath = join(project, REGISTRY_FILE);
  const registry = existsSync(registryPath) ? await readFile(registryPath, 'utf8') : undefined;
  const updated = registry === undefined ? undefined : removeFromRegistry(registry, o.name);
  if (folder === undefined && !updated?.removed) {
    throw new UserError(
      `no plugin ${JSON.stringify(o.name)} here: neither plugins/${o.name}/ nor an import of it in ${REGISTRY_FILE}`,
      1,
    );
  }
  if (updated?.removed) {
    await writeFile(registryPath, updated.text);
    log.info(`unregistered from ${REGISTRY_FILE}`);
  }
  if (folder !== undefined) {
    await rm(join(pluginsDir(project), folder), { recursive: true, force: true });
    log.info(`removed plugins/${folder}/`);
  }
  log.info(
    'routes that still name it will be refused at PrepareConf (unknown plugin); `npm test` checks nothing else imports it',
  );
}

export interface InitOptions {
  dir: string;
  /** package.json name (default: the folder's name). */
  name?: string;
  /**
   * How the project depends on a6kit: a path (folder or `npm pack` tarball, relative to the current
   * folder), `file:…`, or any other npm spec (a version, a git URL). Default: this a6kit's folder.
   */
  a6kit?: string;
  log?: Logger;
}

export async function initProject(o: InitOptions): Promise<void> {
  const log = o.log ?? consoleLogger;
  const dest = resolve(o.dir);
  if (existsSync(dest) && (await readdir(dest)).length > 0) {
    throw new UserError(`${o.dir} exists and is not empty; init only writes into a new or empty folder`, 1);
  }
  const pkg = a6kitPackage();
  const packageName =
    o.name ??
    (basename(dest)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+/, '') ||
      'apisix-plugins');
  if (!/^(?:@[a-z0-9-*~][a-z0-9-*._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(packageName) || packageName.length > 214) {
    throw new UserError(
      `invalid package name ${JSON.stringify(packageName)}: use lower-case letters, digits, '-', '.', '_' (pass --name)`,
      2,
    );
  }
  const data = {
    packageName,
    a6kitSpec: dependencySpec(o.a6kit ?? pkg.root, dest),
    ajvVersion: pkg.dependencies['ajv'] ?? '^8.17.0',
    ajvFormatsVersion: pkg.dependencies['ajv-formats'] ?? '^3.0.1',
    typesNodeVersion: pkg.devDependencies['@types/node'] ?? '^20.19.0',
    tsxVersion: pkg.devDependencies['tsx'] ?? '^4.19.0',
    typescriptVersion: pkg.devDependencies['typescript'] ?? '~5.9.0',
    vitestVersion: pkg.devDependencies['vitest'] ?? '^4.0.0',
  };
  await mkdir(join(dest, 'plugins'), { recursive: true });
  const tpl = join(templatesDir(), 'project');
  const files: [string, string][] = [
    ['package.json', 'package.json.hbs'],
    ['tsconfig.json', 'tsconfig.json.hbs'],
    ['runner.ts', 'runner.ts.hbs'],
    ['README.md', 'README.md.hbs'],
    ['.gitignore', 'gitignore.hbs'],
  ];
  await runPlop(
    dest,
    files.map(([to, from]) => ({ type: 'add', path: to, templateFile: join(tpl, from), abortOnFail: true })),
    data,
  );
  await writeIfChanged(join(dest, REGISTRY_FILE), registryTemplate());
  for (const f of [...files.map(([to]) => to), REGISTRY_FILE]) log.info(`created ${shown(join(dest, f))}`);
  if (!o.a6kit && !existsSync(join(pkg.root, 'dist', 'index.js'))) {
    log.info(`note: ${pkg.root}/dist is missing; run \`npm run build:lib\` there before \`npm install\` here`);
  }
  log.info(`next: cd ${shown(dest)} && npm install && npx a6kit new <plugin>`);
}

/**
 * The `dependencies.a6kit` entry. A local path becomes `file:` + the path relative to the project
 * folder (where npm resolves it), never an absolute path: a committed project then installs on a
 * teammate's machine or in CI as long as a6kit sits at the same place beside it. A spec that is
 * not a path (a version, a git URL, `npm:…`) is kept as given.
 */
function dependencySpec(spec: string, projectDir: string): string {
  const path = spec.startsWith('file:') ? spec.slice('file:'.length) : spec;
  const isPath =
    spec.startsWith('file:') || isAbsolute(spec) || /^(\.{1,2}|~)(\/|$)/.test(spec) || spec.endsWith('.tgz');
  if (!isPath) return spec;
  const rel = relative(resolve(projectDir), resolve(path.replace(/^~(?=\/|$)/, homedir())));
  return `file:${rel === '' ? '.' : rel.startsWith('.') ? rel : `./${rel}`}`;
}

/** A path as the user would type it from here: relative below the current folder, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
