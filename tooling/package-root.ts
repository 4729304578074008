/**
 * Where this a6kit installation lives (source checkout or installed package, bundled or not), to
 * find templates/ and the versions a new project should depend on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface A6kitPackage {
  root: string;
  version: string;
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
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as Partial<A6kitPackage> & { name?: string };
      if (pkg.name === 'a6kit') {
        cached = { root: dir, version: pkg.version ?? '0.0.0', dependencies: pkg.dependencies ?? {}, devDependencies: pkg.devDependencies ?? {} };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the a6kit package root (package.json named "a6kit")');
    dir = parent;
  }
}

export const templatesDir = (): string => join(a6kitPackage().root, 'templates');
