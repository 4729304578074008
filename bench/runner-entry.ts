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

void runMain({ plugins: benchPlugins }).then(async () => {
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
  // A6KIT_BENCH_HEAPPROF=file: V8's sampling heap profile of what is still held (live, or promoted
  // and not yet collected by a full GC), written on SIGUSR2: where old-space growth comes from.
  const heapProf = process.env.A6KIT_BENCH_HEAPPROF;
  if (heapProf) {
    const { Session } = await import('node:inspector/promises');
    const { writeFileSync } = await import('node:fs');
    const s = new Session();
    s.connect();
    await new Promise((r) => setTimeout(r, 2500));
    await s.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true });
    process.on('SIGUSR2', () => {
      void s.post('HeapProfiler.getSamplingProfile').then((r) => writeFileSync(heapProf, JSON.stringify(r.profile)));
    });
  }
  // The bench waits for this line; a cluster worker's primary prints it.
  if (!process.env.A6KIT_CLUSTER_WORKER) process.stdout.write('ready\n');
});
