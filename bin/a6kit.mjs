#!/usr/bin/env node
// The CLI runs the bundled build in dist/, so users never need a TypeScript loader at run time.
// dist/ is made by `npm run build:lib`, which npm runs as `prepare` before packing or publishing
// (the registry's tarball ships dist/) and on `npm install` in a checkout or from git.
import { main } from '../dist/cli/main.js';

// main() sets the exit code itself (see `a6kit --help`); nothing is expected to reach this catch.
main(process.argv).catch((err) => {
  process.stderr.write(`a6kit: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(70);
});
