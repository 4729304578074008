/**
 * The plugins of a runner project, loaded the way its runner loads them: `plugins/index.ts`
 * imported through tsx, so `a6kit conf` / `check` / `docs` validate with the project's own
 * parseConf (the generated validator plus whatever the plugin adds) rather than a copy of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { AnyPlugin } from '../runtime/plugin.js';
import { UserError } from '../tooling/user-error.js';

type TsImport = (specifier: string, options: { parentURL: string; tsconfig?: string }) => Promise<unknown>;

/** tsx's import API: the project's own tsx first (the version it tests with), else the one beside a6kit. */
async function loadTsx(project: string): Promise<{ tsImport: TsImport }> {
  try {
    // The ESM entry, found through tsx's own exports map (require.resolve would give the CommonJS one).
    const pkgFile = createRequire(join(project, 'package.json')).resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as {
      exports?: Record<string, { import?: { default?: string } }>;
    };
    const entry = pkg.exports?.['./esm/api']?.import?.default;
    if (entry !== undefined)
      return (await import(pathToFileURL(join(dirname(pkgFile), entry)).href)) as { tsImport: TsImport };
  } catch {
    // not installed in the project: use a6kit's
  }
  try {
    return await import('tsx/esm/api');
  } catch {
    throw new UserError("loading the project's plugins needs tsx: npm install -D tsx");
  }
}

export async function loadProjectPlugins(projectDir: string): Promise<AnyPlugin[]> {
  const project = resolve(projectDir);
  const registry = join(project, 'plugins', 'index.ts');
  if (!existsSync(registry)) {
    throw new UserError(`${projectDir}: not a runner project (no plugins/index.ts); pass --project DIR`);
  }
  // tsx compiles TypeScript on import and honours the project's tsconfig (its `paths` for `a6kit`).
  const { tsImport } = await loadTsx(project);
  const tsconfig = join(project, 'tsconfig.json');
  let mod: { plugins?: unknown };
  try {
    mod = (await tsImport(pathToFileURL(registry).href, {
      parentURL: pathToFileURL(join(project, 'package.json')).href,
      ...(existsSync(tsconfig) ? { tsconfig } : {}),
    })) as { plugins?: unknown };
  } catch (err) {
    throw new UserError(`cannot load ${registry}: ${(err as Error).message}`);
  }
  const plugins = mod.plugins;
  if (
    !Array.isArray(plugins) ||
    plugins.some((p) => typeof p !== 'object' || p === null || typeof (p as AnyPlugin).name !== 'string')
  ) {
    throw new UserError(`${registry} must export \`plugins\`, an array of plugins (as a6kit init writes it)`);
  }
  return plugins as AnyPlugin[];
}
