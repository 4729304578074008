/**
 * `a6kit docs [--out DIR] [--check]`: a Markdown page per plugin of the project (see
 * generator/plugin/docs.ts), regenerated like the other generated files; `--check` fails when a
 * page is out of date, so CI holds the docs to the schemas.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { phasesOf, schemaOf } from '../../runtime/describe.js';
import type { AnyPlugin } from '../../runtime/plugin.js';
import { emitPluginDoc } from '../../generator/plugin/docs.js';
import { buildSamples } from '../../generator/plugin/samples.js';
import { GenError } from '../../generator/plugin/errors.js';
import { writeIfChanged } from '../../project/generate.js';
import { loadSchemaFile, parseSchemaText, type LoadedSchema } from '../../generator/plugin/schema-load.js';
import { buildPhaseConf, formatOutput } from './conf.js';
import { loadProjectPlugins } from '../../project/load-plugins.js';
import { UserError } from '../../tooling/user-error.js';
import { reporting } from '../report.js';
import { readFile } from 'node:fs/promises';

interface DocsFlags {
  project: string;
  out?: string;
  check?: boolean;
}

/** The pages of every plugin, keyed by file name (`<plugin>.md`). */
export async function buildDocs(project: string, plugins: readonly AnyPlugin[]): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const plugin of [...plugins].sort((a, b) => a.name.localeCompare(b.name))) {
    const loaded = await pluginSchema(project, plugin);
    if (loaded === undefined) continue;
    const phases = phasesOf(plugin);
    pages.set(
      `${plugin.name}.md`,
      emitPluginDoc({
        name: plugin.name,
        schema: loaded.schema,
        phases,
        ...exampleFor(plugins, plugin, loaded, phases),
      }),
    );
  }
  return pages;
}

async function pluginSchema(project: string, plugin: AnyPlugin): Promise<LoadedSchema | undefined> {
  const file = join(project, 'plugins', plugin.name, 'schema.json');
  try {
    if (existsSync(file)) return await loadSchemaFile(file, relative(project, file));
    const carried = schemaOf(plugin);
    return carried === undefined
      ? undefined
      : parseSchemaText(JSON.stringify(carried), `${plugin.name} (schema carried by the plugin)`);
  } catch (err) {
    if (err instanceof GenError) throw new UserError(err.message);
    throw err;
  }
}

function exampleFor(
  plugins: readonly AnyPlugin[],
  plugin: AnyPlugin,
  loaded: LoadedSchema,
  phases: readonly string[],
): { example?: { command: string; output: string } } {
  const phase = phases[0];
  const sample = buildSamples(loaded).valid;
  if (phase === undefined || sample === undefined) return {};
  const json = JSON.stringify(sample);
  const short = phase.replace(/^ext-plugin-/, '');
  try {
    const fragment = buildPhaseConf(plugins, phase as never, [{ name: plugin.name, json }]);
    return {
      example: {
        command: `a6kit conf --phase ${short} ${plugin.name}='${json}'`,
        output: formatOutput(fragment, 'json'),
      },
    };
  } catch {
    return {}; // the plugin's parseConf refuses the schema's sample: better no example than a wrong one
  }
}

export function registerDocs(program: Command): void {
  program
    .command('docs')
    .description('write a Markdown page per plugin (description, phases, attributes, example) from its schema')
    .option('--project <dir>', 'runner project', '.')
    .option('--out <dir>', 'folder for the pages (default: <project>/docs)')
    .option('--check', 'write nothing; exit 1 when a page is missing or out of date')
    .addHelpText(
      'after',
      '\nExit codes:\n  0  pages written (or up to date with --check)\n  1  --check: a page is out of date\n  2  usage error (not a runner project, bad schema)',
    )
    .action(
      reporting(async (f: DocsFlags) => {
        const project = resolve(f.project);
        const out = resolve(f.out ?? join(project, 'docs'));
        const pages = await buildDocs(project, await loadProjectPlugins(project));
        let changed = 0;
        for (const [name, text] of pages) {
          const path = join(out, name);
          const rel = relative(process.cwd(), path);
          if (f.check) {
            const current = existsSync(path) ? await readFile(path, 'utf8') : undefined;
            if (current !== text) {
              process.stderr.write(`out of date: ${rel} (run a6kit docs)\n`);
              changed++;
            }
          } else if (await writeIfChanged(path, text)) {
            process.stdout.write(`wrote ${rel}\n`);
            changed++;
          }
        }
        if (f.check) {
          if (changed === 0) process.stdout.write(`${pages.size} plugin page(s): up to date\n`);
          return changed === 0 ? 0 : 1;
        }
        process.stdout.write(`${pages.size} plugin page(s): ${changed ? `${changed} updated` : 'up to date'}\n`);
        return 0;
      }),
    );
}
