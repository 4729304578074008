#!/usr/bin/env node
// The published CLI runs the bundled build in dist/ (made by `npm run build:lib`, which npm's
// `prepare` runs on install), so users never need a TypeScript loader at run time.
import { main } from '../dist/cli/main.js';

// main() sets the exit code itself (see `a6kit --help`); nothing is expected to reach this catch.
main(process.argv).catch((err) => {
  process.stderr.write(`a6kit: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(70);
});
