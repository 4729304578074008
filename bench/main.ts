/**
 * `npm run bench`: runs every benchmark suite in its own Node process (so one suite's heap and JIT
 * state never colour another's figures) and lets each print its own side-by-side table.
 * Suites: bench/<name>.bench.ts. Pass names to run a subset: `npm run bench -- codec`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of suites) {
  process.stdout.write(`\n=== bench: ${name} ===\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${name}.bench.ts`)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
if (suites.length === 0) process.stdout.write('no benchmark suites matched\n');
process.exit(failed === 0 ? 0 : 1);
