/**
 * The demo's runner project, made the way a user makes one — `a6kit init`, `a6kit new --schema`,
 * the plugin's code written into the scaffolded index.ts, `a6kit gen` — in a temporary folder and
 * without touching the network: instead of `npm install`, the project's node_modules links to this
 * checkout (as `a6kit`) and to the packages this checkout has installed (ajv, vitest, @types/node…).
 */
import { copyFile, mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGenProject, type Logger } from '../project/generate.js';
import { initProject, newPlugin } from '../project/scaffold.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = fileURLToPath(new URL('./sample/', import.meta.url));
const PLUGIN = 'api-key';

export async function scaffoldProject(project: string, print: (line: string) => void): Promise<void> {
  const log: Logger = { info: (l) => print(`    ${l}`), error: (l) => print(`    ${l}`) };

  print(`  $ a6kit init ${project}`);
  await initProject({ dir: project, log: { info: () => undefined, error: (l) => log.error(l) } });
  print('    package.json, tsconfig.json, runner.ts, plugins/index.ts, README.md');
  await linkDependencies(project);

  const schema = join(SAMPLE, `${PLUGIN}.schema.json`);
  print(`  $ a6kit new ${PLUGIN} --schema demo/sample/${PLUGIN}.schema.json`);
  await newPlugin({ project, name: PLUGIN, schema, phase: 'request', log });

  print(
    `  (the demo writes the plugin's code into plugins/${PLUGIN}/index.ts — see demo/sample/${PLUGIN}.index.ts.txt)`,
  );
  await copyFile(join(SAMPLE, `${PLUGIN}.index.ts.txt`), join(project, 'plugins', PLUGIN, 'index.ts'));

  print('  $ a6kit gen   (regenerates config types + validators, then type-checks the plugin code against them)');
  // Type-check against this checkout's runtime sources (its dist/ may predate local edits).
  const paths = {
    a6kit: [join(REPO, 'runtime', 'index.ts')],
    'a6kit/testing': [join(REPO, 'runtime', 'testkit', 'index.ts')],
  };
  const gen = await runGenProject({ project, log, compilerOptions: { paths } });
  if (gen.code !== 0)
    throw new Error(
      `a6kit gen failed:\n${[...gen.errors, ...(gen.typecheck?.problems.map((p) => `${p.where}: ${p.message}`) ?? [])].join('\n')}`,
    );
}

/** What `npm install` would give the project, taken from this checkout: no network needed. */
async function linkDependencies(project: string): Promise<void> {
  const into = join(project, 'node_modules');
  await mkdir(into, { recursive: true });
  await symlink(REPO, join(into, 'a6kit'), 'dir');
  for (const name of await readdir(join(REPO, 'node_modules'))) {
    if (name.startsWith('.') || name === 'a6kit') continue;
    await symlink(join(REPO, 'node_modules', name), join(into, name), 'dir');
  }
}
