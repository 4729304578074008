/**
 * The runner that bench/runner.bench.ts measures: a runner project's `runner.ts` with the bench
 * plugins, bundled by shipping/bundle.ts exactly as `a6kit build` bundles a project (one CommonJS
 * file, the same banner), so its memory and CPU figures are the shipped product's.
 */
import v8 from 'node:v8';
import { runMain } from '../runtime/main.js';
import { benchPlugins } from './plugins.js';

// A6KIT_BENCH_V8_FLAGS: flags set in the running process, as a built runner could at its start.
if (process.env.A6KIT_BENCH_V8_FLAGS) v8.setFlagsFromString(process.env.A6KIT_BENCH_V8_FLAGS);

void runMain({ plugins: benchPlugins }).then(() => {
  // A6KIT_BENCH_MEMLOG=ms: where the memory is (V8 heap vs. buffers outside it), printed to stderr.
  const every = Number(process.env.A6KIT_BENCH_MEMLOG ?? 0);
  if (every > 0) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    setInterval(() => {
      const m = process.memoryUsage();
      const spaces = v8
        .getHeapSpaceStatistics()
        .filter((x) => x.space_size > 0)
        .map((x) => `${x.space_name} ${mb(x.space_size)}`);
      process.stderr.write(
        `mem rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} (${spaces.join(', ')})\n`,
      );
    }, every).unref();
  }
  // The bench waits for this line; a cluster worker's primary prints it.
  if (!process.env.A6KIT_CLUSTER_WORKER) process.stdout.write('ready\n');
});
