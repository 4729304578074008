/**
 * Where this a6kit installation lives (source checkout or installed package, run from source or
 * from the bundled dist/): the one place the developer tools find templates/, the runtime sources
 * `a6kit build` bundles, and the dependency ranges a new project starts with. The version is the
 * runtime's (runtime/version.ts), not read here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface A6kitPackage {
  root: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

let cached: A6kitPackage | undefined;

export function a6kitPackage(): A6kitPackage {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      let pkg: Partial<A6kitPackage> & { name?: string } = {};
      try {
        pkg = JSON.parse(readFileSync(file, 'utf8')) as typeof pkg;
      } catch {
        // unreadable package.json (not ours): keep walking up
      }
      if (pkg.name === 'a6kit') {
        cached = { root: dir, dependencies: pkg.dependencies ?? {}, devDependencies: pkg.devDependencies ?? {} };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('cannot find the a6kit package root (package.json named "a6kit") above this a6kit code');
    dir = parent;
  }
}

export const templatesDir = (): string => join(a6kitPackage().root, 'templates');
