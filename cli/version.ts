import { createRequire } from 'node:module';

// Read at run time so the CLI and the runner always report the installed package's version.
const require = createRequire(import.meta.url);
function readVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(rel) as { name?: string; version?: string };
      if (pkg.name === 'a6kit' && pkg.version) return pkg.version;
    } catch {
      // try the next layout (source tree vs dist/)
    }
  }
  return '0.0.0';
}
export const version: string = readVersion();
