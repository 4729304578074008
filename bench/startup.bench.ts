/**
 * Start-up of the shipped runner: time from spawn to the first accepted connection on the socket
 * (what APISIX waits for before its first request can get through), and from SIGTERM to exit, for
 * the one-file bundle run by `node` and for the single executable, side by side in one run.
 *
 *   npx tsx bench/startup.bench.ts [runs]        (default 15 runs of each, interleaved)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRunner } from '../shipping/build.js';
import { startRunnerProcess } from '../demo/runner-process.js';

const runs = Number(process.argv[2] ?? 15);
const examples = fileURLToPath(new URL('../examples/', import.meta.url));

const built = await buildRunner({ project: examples, sea: true });
const variants = [
  { name: 'node dist/a6-runner.cjs run', cmd: [process.execPath, built.bundle, 'run'], bytes: built.bundleBytes },
  { name: 'dist/a6-runner run (SEA)', cmd: [built.executable!, 'run'], bytes: built.executableBytes! },
];
const dir = await mkdtemp(join(tmpdir(), 'a6kit-bench-'));
const startup = variants.map(() => [] as number[]);
const stop = variants.map(() => [] as number[]);
/** Runs that died of the SIGTERM itself (no handler yet) instead of exiting 0: reported, not hidden. */
const unclean = variants.map(() => 0);
try {
  for (let i = 0; i < runs; i++) {
    for (const [v, variant] of variants.entries()) {
      const r = await startRunnerProcess(variant.cmd, { socketPath: join(dir, 'bench.sock') });
      startup[v]!.push(r.startupMs);
      const s = await r.stop();
      if (s.killed) throw new Error(`${variant.name}: still running 1 s after SIGTERM`);
      if (s.code !== 0) unclean[v]!++;
      stop[v]!.push(s.ms);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

const q = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const base = q(startup[0]!, 0.5);
console.log(
  `examples runner (5 plugins), ${runs} runs each, interleaved; node ${process.version}, ${process.platform}-${process.arch}`,
);
console.table(
  variants.map((v, i) => ({
    variant: v.name,
    size: `${(v.bytes / (1 << 20)).toFixed(2)} MiB`,
    'start p50 ms': Math.round(q(startup[i]!, 0.5)),
    'start p90 ms': Math.round(q(startup[i]!, 0.9)),
    'start vs bundle': `${(q(startup[i]!, 0.5) / base).toFixed(2)}x`,
    'SIGTERM->exit p50 ms': Math.round(q(stop[i]!, 0.5)),
    'SIGTERM->exit max ms': Math.round(Math.max(...stop[i]!)),
    'exit not 0': unclean[i],
  })),
);
