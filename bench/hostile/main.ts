/**
 * `npm run bench:hostile`: replays the hostile-input rows of issue 8 at full scale, each against a
 * fresh runner child process, and prints per row the runner's peak RSS (VmHWM from /proc), the
 * worst latency a bystander connection saw meanwhile, and crashes. Targets: no crash, peak RSS
 * < 512 MiB, bystander worst < 100 ms (and < 256 MiB after 1 M PrepareConf).
 *
 *   npm run bench:hostile                     every row
 *   npm run bench:hostile -- trickle idle     rows whose name contains one of the words
 *
 * Rows live in scenarios/ (one module each, default export a Scenario): other rows (aliasing
 * frames, socket modes) plug in by adding a module there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario, ScenarioContext } from './scenario.js';
import { callFrame, FrameClient, prepareFrame, RPC_PREPARE_CONF, sleep, tokenOf } from './wire.js';

const here = dirname(fileURLToPath(import.meta.url));
const RSS_TARGET_MIB = 512;
const LATENCY_TARGET_MS = 100;

function procStatus(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * The bystander runs in its own thread: the attack keeps this thread's event loop busy, and its
 * lag must not count as the runner's. Plain JS over node:net, frames prepared here.
 */
const BYSTANDER = `
const { connect } = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const call = Buffer.from(workerData.call);
let worst = 0, calls = 0, errors = 0, stopping = false, last = 0;
const s = connect(workerData.path);
let buf = Buffer.alloc(0), t0 = 0, done = null;
s.on('data', (c) => {
  buf = Buffer.concat([buf, c]);
  while (buf.length >= 4) {
    const len = (buf[1] << 16) | (buf[2] << 8) | buf[3];
    if (buf.length < 4 + len) break;
    const type = buf[0];
    buf = buf.subarray(4 + len);
    const ms = performance.now() - t0;
    if (type === 0) errors++; else { calls++; worst = Math.max(worst, ms); }
    last = ms;
    const d = done; done = null; d && d();
  }
});
s.on('error', () => {});
s.on('close', () => { errors++; stopping = true; const d = done; done = null; d && d(); });
parentPort.on('message', () => { stopping = true; });
s.once('connect', async () => {
  while (!stopping) {
    await new Promise((r) => { done = r; t0 = performance.now(); s.write(call); });
    await new Promise((r) => setTimeout(r, 10));
  }
  parentPort.postMessage({ worst, calls, errors });
  s.destroy();
});
`;

interface Row {
  name: string;
  peakMiB: number;
  worstMs: number;
  calls: number;
  bystanderErrors: number;
  crashed: boolean;
  outcome: string;
  seconds: number;
  pass: boolean;
}

/**
 * The runner child runs from an esbuild bundle, as `a6kit build` ships it (tsx's loader would add
 * its own memory to every figure); dependencies stay in node_modules. Falls back to tsx.
 */
function runnerCommand(): string[] {
  const root = join(here, '..', '..');
  const out = join(root, '.tmp', 'hostile-runner.mjs');
  const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
  const r = existsSync(esbuild)
    ? spawnSync(
        esbuild,
        [
          join(here, 'runner.ts'),
          '--bundle',
          '--platform=node',
          '--format=esm',
          '--packages=external',
          '--log-level=warning',
          `--outfile=${out}`,
        ],
        { stdio: 'inherit' },
      )
    : undefined;
  if (r?.status === 0) return [out];
  process.stdout.write('(esbuild unavailable: the runner runs under tsx, whose loader adds to its RSS)\n');
  return ['--import', 'tsx', join(here, 'runner.ts')];
}
const RUNNER = runnerCommand();

async function startRunner(
  path: string,
  s: Scenario,
): Promise<{ child: ChildProcess; exited: Promise<number | null>; logFile: string }> {
  const logFile = join(dirname(path), 'runner.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      ...(process.env.A6KIT_HOSTILE_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ...RUNNER,
      'run',
      ...(s.runnerArgs ?? []),
    ],
    {
      env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${path}`, A6KIT_LOG_LEVEL: 'warn', ...s.runnerEnv },
      stdio: ['ignore', fd, fd],
    },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code, sig) => r(sig ? -1 : code)));
  for (let i = 0; i < 300 && !existsSync(path); i++) await sleep(50);
  if (!existsSync(path)) throw new Error(`runner did not start; see ${logFile}`);
  return { child, exited, logFile };
}

async function runRow(s: Scenario): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'a6kit-hostile-'));
  const path = join(dir, 'runner.sock');
  const { child, exited, logFile } = await startRunner(path, s);
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  const pid = child.pid!;

  const setup = await FrameClient.open(path);
  const prep = await setup.exchange(prepareFrame('bystander', [{ name: 'noop', value: '' }]));
  if (prep?.[0] !== RPC_PREPARE_CONF) throw new Error('bystander could not prepare');
  setup.destroy();
  const bystander = new Worker(BYSTANDER, { eval: true, workerData: { path, call: callFrame(tokenOf(prep[1])) } });
  const report = new Promise<{ worst: number; calls: number; errors: number }>((r) => bystander.once('message', r));
  await sleep(200);

  const ctx: ScenarioContext = {
    path,
    pid,
    alive: () => !exitedEarly,
    rssMiB: () => procStatus(pid, 'VmRSS'),
    note: (line) => process.stdout.write(`    ${s.name}: ${line}\n`),
  };
  // Sampled, for rows whose runner exits (VmHWM is gone with the process).
  let peakSeen = 0;
  const sampler = setInterval(() => {
    const v = procStatus(pid, 'VmHWM');
    if (v > peakSeen) peakSeen = v;
  }, 100);
  const t0 = Date.now();
  let outcome: string;
  try {
    outcome = await s.run(ctx);
  } catch (err) {
    outcome = `scenario failed: ${(err as Error).message}`;
  }
  const seconds = (Date.now() - t0) / 1000;
  const finalMiB = ctx.rssMiB();
  await sleep(200);
  bystander.postMessage('stop');
  const by = await Promise.race([report, sleep(5000).then(() => ({ worst: NaN, calls: 0, errors: 1 }))]);
  await bystander.terminate();
  clearInterval(sampler);
  const peakMiB = Math.max(peakSeen, procStatus(pid, 'VmHWM') || 0);
  const crashed = exitedEarly && !s.exits;
  if (!exitedEarly) child.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(2000).then(() => 'timeout' as const)]);
  if (code === 'timeout') child.kill('SIGKILL');
  const crashLines = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => /FATAL|uncaught|heap limit/i.test(l)).length;
  if (process.env.A6KIT_HOSTILE_KEEP_LOGS) process.stdout.write(`    runner log kept: ${logFile}\n`);
  else rmSync(dir, { recursive: true, force: true });
  const finalOk = s.maxFinalRssMiB === undefined || finalMiB < s.maxFinalRssMiB;
  if (s.maxFinalRssMiB !== undefined)
    outcome += `; RSS at the end ${finalMiB.toFixed(0)} MiB (target < ${s.maxFinalRssMiB})`;
  const pass =
    !crashed &&
    crashLines === 0 &&
    !(peakMiB >= RSS_TARGET_MIB) &&
    finalOk &&
    by.worst < LATENCY_TARGET_MS &&
    !outcome.startsWith('scenario failed');
  return {
    name: s.name,
    peakMiB,
    worstMs: by.worst,
    calls: by.calls,
    bystanderErrors: by.errors,
    crashed: crashed || crashLines > 0,
    outcome,
    seconds,
    pass,
  };
}

async function loadScenarios(): Promise<Scenario[]> {
  const dir = join(here, 'scenarios');
  const out: Scenario[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default: Scenario };
    out.push(mod.default);
  }
  return out;
}

const words = process.argv.slice(2);
const scenarios = (await loadScenarios()).filter((s) => words.length === 0 || words.some((w) => s.name.includes(w)));
process.stdout.write(
  `hostile bench: ${scenarios.length} rows, node ${process.version}, each against a fresh runner child\n`,
);
const rows: Row[] = [];
for (const s of scenarios) {
  process.stdout.write(`\n--- ${s.name}: ${s.row}\n`);
  const row = await runRow(s);
  rows.push(row);
  process.stdout.write(
    `    peak RSS ${row.peakMiB.toFixed(0)} MiB | bystander worst ${row.worstMs.toFixed(1)} ms over ${row.calls} calls (${row.bystanderErrors} errors) | ${row.crashed ? 'CRASHED' : 'no crash'} | ${row.seconds.toFixed(1)} s\n    ${row.outcome}\n`,
  );
}
process.stdout.write(
  '\n| row | peak RSS (MiB) | bystander worst (ms) | crash | outcome | target met |\n|---|---|---|---|---|---|\n',
);
for (const r of rows) {
  process.stdout.write(
    `| ${r.name} | ${r.peakMiB.toFixed(0)} | ${r.worstMs.toFixed(1)} | ${r.crashed ? 'yes' : 'no'} | ${r.outcome} | ${r.pass ? 'yes' : 'NO'} |\n`,
  );
}
process.exit(rows.every((r) => r.pass) ? 0 : 1);
