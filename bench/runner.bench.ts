/**
 * Runner throughput, latency and memory against the floor: a load generator holding N keepalive
 * connections (64 by default) with one exchange in flight each, as APISIX's pooled cosocket does,
 * run side by side in interleaved slices against
 *   - floor:  a framing-only Node server answering every frame with a canned reply (no decoding);
 *   - single: the a6kit runner in one process (a fresh one per scenario: its peak RSS is that
 *             scenario's);
 *   - multi:  the a6kit runner with --workers 2 (node:cluster sharing the socket; opt in with
 *             A6KIT_BENCH_ONLY=floor,single,multi);
 *   - metrics: the single runner with --metrics on (in the default run; A6KIT_BENCH_ONLY=floor,single leaves it out:
 *             a line compares it with `single`, measured in the same slices).
 * Scenarios (issue 14): stop / rewrite / no action / one ExtraInfo var on a browser-like request
 * of 12 headers, and "big" (64 more headers of 1 KiB, one plugin reading one header). Prints
 * req/s, % of floor, p50/p99, server CPU per request, peak RSS (VmHWM of the runner process), and
 * the ratios: big / floor, ExtraInfo p99 / stop p99, peak RSS per scenario.
 *
 *   npx tsx bench/runner.bench.ts            (or `npm run bench -- runner`)
 *   A6KIT_BENCH_SECONDS=3 for longer cells (see bench() for the other knobs).
 * This file is also the floor's server process (`--serve floor`); the runners are bundled from
 * bench/runner-entry.ts by shipping/bundle.ts, as `a6kit build` bundles a project.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleRunner } from '../shipping/bundle.js';
import { readSinkOf, shareReads } from '../runtime/shared-reads.js';
import { Builder, ByteBuffer, ExtraInfo, HTTPReqCall, PrepareConf, TextEntry } from '../runtime/wire.js';

const self = fileURLToPath(import.meta.url);
const RPC_PREPARE_CONF = 1;
const RPC_HTTP_REQ_CALL = 2;
const RPC_EXTRA_INFO = 3;

// ---------------------------------------------------------------- server side

/**
 * The floor: parse the 4-byte header, skip the payload, answer each frame with a canned reply (a
 * no-action HTTPReqCall reply). What a Node runner cannot beat: no decoding, no plugin, no builder,
 * and no copy of a frame's bytes (a payload spanning reads is counted, not collected; only a header
 * split across reads is kept, 4 bytes). An earlier floor concatenated the pending bytes with every
 * read, which costs O(reads²) per frame and made its big-frame figures swing with how the kernel
 * happened to split the frame (25 to 42 µs per request on the same machine).
 */
function serveFloor(path: string): void {
  const canned = noActionReply();
  const server = createServer((sock) => {
    /** Payload bytes of the current frame still to come. */
    let skip = 0;
    /** A header split across reads: its first bytes. */
    let head: Buffer | undefined;
    const onBytes = (chunk: Buffer, end: number) => {
      let buf = chunk;
      if (head !== undefined) {
        buf = Buffer.concat([head, chunk.subarray(0, end)]);
        end = buf.length;
        head = undefined;
      }
      let off = 0;
      for (;;) {
        if (skip > 0) {
          const n = Math.min(skip, end - off);
          skip -= n;
          off += n;
          if (skip > 0) return;
          sock.write(canned);
        }
        if (end - off < 4) break;
        const len = (buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!;
        off += 4;
        if (len === 0) sock.write(canned);
        else skip = len;
      }
      if (off < end) head = Buffer.from(buf.subarray(off, end));
    };
    const shared = readSinkOf(sock);
    if (shared !== undefined) shared.sink = onBytes;
    else sock.on('data', (chunk: Buffer) => onBytes(chunk, chunk.length));
    sock.on('error', () => {});
  });
  server.listen(path, () => {
    // A6KIT_BENCH_FLOOR=onread: the floor reads through the runner's shared buffer too (what Node
    // allows with `onread`), instead of a buffer per read as a plain Node server does.
    if (process.env.A6KIT_BENCH_FLOOR === 'onread') shareReads(server);
    process.stdout.write('ready\n');
  });
  process.on('SIGTERM', () => process.exit(0));
}

function noActionReply(): Buffer {
  const b = new Builder(64);
  HTTPReqCall.Resp.startResp(b);
  HTTPReqCall.Resp.addId(b, 1);
  b.finish(HTTPReqCall.Resp.endResp(b));
  return frame(RPC_HTTP_REQ_CALL, b.asUint8Array());
}

// ---------------------------------------------------------------- client side

function frame(type: number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(4 + payload.length);
  out[0] = type;
  out.writeUIntBE(payload.length, 1, 3);
  out.set(payload, 4);
  return out;
}

function prepareFrame(name: string): Buffer {
  const b = new Builder(128);
  const e = TextEntry.createTextEntry(b, b.createString(name), b.createString(''));
  const vec = PrepareConf.Req.createConfVector(b, [e]);
  const k = b.createString(`bench#${name}`);
  PrepareConf.Req.startReq(b);
  PrepareConf.Req.addConf(b, vec);
  PrepareConf.Req.addKey(b, k);
  b.finish(PrepareConf.Req.endReq(b));
  return frame(RPC_PREPARE_CONF, b.asUint8Array());
}

/**
 * A request as APISIX builds it for a browser's GET: 12 headers. The "big" one adds 64 headers of
 * 1 KiB (cookies, tokens, tracing baggage): a 66 KiB frame that spans socket reads.
 */
function callFrame(token: number, bigHeaders: boolean): Buffer {
  const b = new Builder(1024);
  const headers: [string, string][] = [
    ['host', 'upstream.local'],
    ['user-agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
    ['accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
    ['accept-language', 'en-US,en;q=0.5'],
    ['accept-encoding', 'gzip, deflate, br, zstd'],
    ['authorization', 'Bearer abc'],
    ['connection', 'keep-alive'],
    ['upgrade-insecure-requests', '1'],
    ['sec-fetch-dest', 'document'],
    ['sec-fetch-mode', 'navigate'],
    ['sec-fetch-site', 'none'],
    ['priority', 'u=0, i'],
  ];
  if (bigHeaders) for (let i = 0; i < 64; i++) headers.push([`x-filler-${i}`, 'f'.repeat(1024)]);
  const te = (k: string, v: string) => TextEntry.createTextEntry(b, b.createString(k), b.createString(v));
  const h = HTTPReqCall.Req.createHeadersVector(
    b,
    headers.map(([k, v]) => te(k, v)),
  );
  const a = HTTPReqCall.Req.createArgsVector(b, [te('page', '2')]);
  const src = HTTPReqCall.Req.createSrcIpVector(b, [10, 0, 0, 7]);
  const p = b.createString('/api/items');
  b.finish(HTTPReqCall.Req.createReq(b, 1, src, 0, p, a, h, token));
  return frame(RPC_HTTP_REQ_CALL, b.asUint8Array());
}

function varAnswer(): Buffer {
  const b = new Builder(64);
  const r = b.createByteVector(Buffer.from('10.0.0.7'));
  ExtraInfo.Resp.startResp(b);
  ExtraInfo.Resp.addResult(b, r);
  b.finish(ExtraInfo.Resp.endResp(b));
  return frame(RPC_EXTRA_INFO, b.asUint8Array());
}

/** One keepalive connection with one exchange in flight; answers ExtraInfo like the gateway. */
class Lane {
  private pending: Buffer | undefined;
  private sentAt = 0;
  private stopped = true;
  done = 0;
  latencies: number[] = [];
  private constructor(
    private readonly sock: Socket,
    private request: Buffer,
    private readonly answer: Buffer,
  ) {
    sock.setNoDelay(true);
    sock.on('data', (chunk: Buffer) => this.onData(chunk));
  }
  static open(path: string, request: Buffer, answer: Buffer): Promise<Lane> {
    return new Promise((resolve, reject) => {
      const s = connect(path, () => resolve(new Lane(s, request, answer)));
      s.once('error', reject);
    });
  }
  private onData(chunk: Buffer): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    let off = 0;
    while (buf.length - off >= 4) {
      const len = (buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!;
      if (buf.length - off - 4 < len) break;
      const type = buf[off]!;
      off += 4 + len;
      if (type === RPC_EXTRA_INFO) {
        this.sock.write(this.answer);
        continue;
      }
      const now = performance.now();
      this.done++;
      this.latencies.push(now - this.sentAt);
      if (!this.stopped) this.send();
    }
    if (off < buf.length) pending(this, buf.subarray(off));
    function pending(l: Lane, rest: Buffer) {
      l.pending = rest;
    }
  }
  private send(): void {
    this.sentAt = performance.now();
    this.sock.write(this.request);
  }
  start(): void {
    this.stopped = false;
    this.send();
  }
  stop(): void {
    this.stopped = true;
  }
  close(): void {
    this.sock.destroy();
  }
}

async function rpc(path: string, f: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = connect(path, () => s.write(f));
    let acc = Buffer.alloc(0);
    s.on('data', (d: Buffer) => {
      acc = Buffer.concat([acc, d]);
      if (acc.length >= 4 && acc.length >= 4 + acc.readUIntBE(1, 3)) {
        s.destroy();
        resolve(acc.subarray(4));
      }
    });
    s.on('error', reject);
  });
}

/** CPU seconds used so far by a server (its workers included). */
function cpuSeconds(pid: number): number {
  const read = (p: number): number => {
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return 0;
    }
  };
  let total = read(pid);
  try {
    for (const c of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/))
      if (c) total += read(Number(c));
  } catch {
    /* no children */
  }
  return total;
}

/**
 * Peak resident memory (VmHWM) of a server, its workers included: what the runner process itself
 * held at its worst during the run, never the bench process.
 */
function peakRssKiB(pid: number): number {
  const read = (p: number): number => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  let total = read(pid);
  try {
    for (const c of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/))
      if (c) total += read(Number(c));
  } catch {
    /* no children */
  }
  return total;
}

interface Server {
  /** baseline: a single runner built from A6KIT_BENCH_BASELINE's runtime (before/after in one run). */
  kind: 'floor' | 'single' | 'multi' | 'baseline' | 'metrics';
  path: string;
  child: ChildProcess;
}

/**
 * The floor runs from a bundle of this file (no TypeScript loader in the process: its memory and
 * per-call helpers would colour RSS and CPU figures).
 */
async function bundleFloor(dir: string): Promise<string[]> {
  try {
    const esbuild = await import('esbuild');
    const out = join(dir, 'floor.mjs');
    await esbuild.build({
      entryPoints: [self],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    return [out];
  } catch (err) {
    process.stdout.write(`(esbuild unavailable, the floor runs through tsx: ${(err as Error).message})\n`);
    return ['--import', 'tsx', self];
  }
}

const repoRoot = join(dirname(self), '..');

/**
 * The runners are built as `a6kit build` builds a project's runner (shipping/bundle.ts: one
 * CommonJS file with the shipped banner), from bench/runner-entry.ts. A baseline tree gets a copy
 * of the bench entry and plugins beside its own runtime/, so the same bench code runs over it.
 */
async function bundleRunnerFrom(dir: string, tree?: string): Promise<string[]> {
  let entry = join(repoRoot, 'bench', 'runner-entry.ts');
  if (tree !== undefined) {
    mkdirSync(join(tree, 'bench'), { recursive: true });
    for (const f of ['runner-entry.ts', 'plugins.ts']) cpSync(join(repoRoot, 'bench', f), join(tree, 'bench', f));
    entry = join(tree, 'bench', 'runner-entry.ts');
  }
  const out = join(dir, tree === undefined ? 'runner' : 'baseline');
  // A baseline tree that has its own shipping/ is bundled by it (its banner: the young-generation
  // cap and whatever else `a6kit build` put first then), so before/after compares shipped runners.
  let bundle = bundleRunner;
  if (tree !== undefined && existsSync(join(tree, 'shipping', 'bundle.ts')))
    ({ bundleRunner: bundle } = (await import(pathToFileURL(join(tree, 'shipping', 'bundle.ts')).href)) as {
      bundleRunner: typeof bundleRunner;
    });
  return [await bundle(repoRoot, entry, out, false, false)];
}

let floorEntry: string[] = [];
let runnerEntry: string[] = [];
let baselineEntry: string[] = [];
let serverSeq = 0;

async function startServer(kind: Server['kind'], dir: string): Promise<Server> {
  const path = join(dir, `${kind}-${serverSeq++}.sock`);
  const args =
    kind === 'floor'
      ? ['--serve', 'floor', path]
      : ['run', '--log-level', 'warn', '--workers', kind === 'multi' ? '2' : '1'];
  // The single runner with a Prometheus endpoint: the cost of metrics, measured in the same slices.
  if (kind === 'metrics') args.push('--metrics', `unix:${join(dir, `metrics-${serverSeq}.sock`)}`);
  const entry = kind === 'floor' ? floorEntry : kind === 'baseline' ? baselineEntry : runnerEntry;
  // Flags under test go to the runners only: the floor stays the same reference.
  const extra =
    kind !== 'floor' && process.env.A6KIT_BENCH_NODE_ARGS ? process.env.A6KIT_BENCH_NODE_ARGS.split(' ') : [];
  const argv = [process.execPath, ...extra, ...entry, ...args];
  // Pinned, every server runs alone on the last core (they take turns), the load on the others.
  const pinned = PIN !== undefined && kind !== 'multi' ? ['taskset', '-c', String(PIN.server), ...argv] : argv;
  const child = spawn(pinned[0]!, pinned.slice(1), {
    env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${path}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
      // What a server prints besides (warnings, --trace-gc lines) goes to stderr, not lost.
      else process.stderr.write(d);
    });
    child.once('exit', (c) => reject(new Error(`${kind} server exited with ${c}`)));
  });
  return { kind, path, child };
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await Promise.race([exited, sleep(2000)]);
}

/** The issue-14 rows: the four bench plugins on a browser-like request, and "big" (64 KiB more headers). */
const SCENARIOS = [
  { name: 'stop', plugin: 'stop', big: false },
  { name: 'rewrite', plugin: 'rewrite', big: false },
  { name: 'no action', plugin: 'noop', big: false },
  { name: 'one ExtraInfo var', plugin: 'var', big: false },
  { name: 'big (+64 × 1 KiB headers)', plugin: 'auth-header', big: true },
] as const;

interface Cell {
  /** Server CPU per request, in microseconds. */
  cpuUs: number;
  rps: number;
  p50: number;
  p99: number;
  /** Peak RSS of the server process (and its workers) in KiB; the floor's is not reset per scenario. */
  peakRss: number;
  /** req/s of each round's slice, in round order (for ratios taken slice against neighbouring slice). */
  rounds: number[];
}

/**
 * Core pinning, as the issue-14 figures were taken (load generator and server each on its own
 * core): with taskset and at least 2 cores, the bench process (the load) takes cores 0..n-2 and
 * each single-process server the last one, so a server never shares its core with the load.
 * A6KIT_BENCH_PIN=0 turns it off; `multi` (two workers) is never pinned.
 */
const PIN = ((): { server: number } | undefined => {
  const cores = availableParallelism();
  if (process.env.A6KIT_BENCH_PIN === '0' || cores < 2 || process.argv[2] === '--serve') return undefined;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', `0-${cores - 2}`, String(process.pid)], { stdio: 'ignore' });
    return { server: cores - 1 };
  } catch {
    return undefined;
  }
})();

/** Runs of every scenario with fresh processes (A6KIT_BENCH_REPEATS), pooled. */
const REPEATS = Math.max(1, Number(process.env.A6KIT_BENCH_REPEATS ?? 1));

/** Two measurements of one server kind and scenario, as one: means, the worst peak, all rounds. */
function pool(a: Cell | undefined, b: Cell | undefined): Cell | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const n = a.rounds.length;
  const m = b.rounds.length;
  const mean = (x: number, y: number) => (x * n + y * m) / (n + m);
  return {
    rps: mean(a.rps, b.rps),
    cpuUs: mean(a.cpuUs, b.cpuUs),
    p50: mean(a.p50, b.p50),
    p99: mean(a.p99, b.p99),
    peakRss: Math.max(a.peakRss, b.peakRss),
    rounds: [...a.rounds, ...b.rounds],
  };
}

/** Slices per server and scenario (A6KIT_BENCH_ROUNDS); more rounds, steadier ratios. */
const ROUNDS = Math.max(1, Number(process.env.A6KIT_BENCH_ROUNDS ?? 4));

/**
 * The per-round ratios a/b (each round's slices ran next to each other): their median, range, and
 * their geometric mean with a 95 % confidence interval (t distribution over the log ratios), which
 * tells a real difference from the slice-to-slice noise of a busy machine.
 */
function roundRatio(
  a: Cell,
  b: Cell,
): { median: number; low: number; high: number; mean: number; ciLow: number; ciHigh: number } {
  const r = a.rounds.map((x, i) => x / b.rounds[i]!).sort((x, y) => x - y);
  const logs = r.map(Math.log);
  const n = logs.length;
  const mean = logs.reduce((s, x) => s + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
  const half = n > 1 ? tQuantile975(n - 1) * (sd / Math.sqrt(n)) : 0;
  return {
    median: r[Math.floor(n / 2)]!,
    low: r[0]!,
    high: r[n - 1]!,
    mean: Math.exp(mean),
    ciLow: Math.exp(mean - half),
    ciHigh: Math.exp(mean + half),
  };
}

/** Student's t 97.5 % quantile for `df` degrees of freedom (table, then the normal value). */
function tQuantile975(df: number): number {
  const table = [12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.2, 2.18, 2.16, 2.14, 2.13, 2.12];
  if (df <= table.length) return table[df - 1]!;
  return df <= 30 ? 2.08 : 1.96;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Measures every server under the same load, interleaved: short slices taken in turn (floor,
 * single, multi, floor, ...) so that a noisy neighbour slows all of them alike instead of
 * whichever happened to run at that moment.
 */
async function measureAll(
  servers: readonly Server[],
  requestFor: (s: Server) => Buffer,
  conns: number,
  seconds: number,
): Promise<Map<Server, Cell>> {
  const rounds = ROUNDS;
  const lanesOf = new Map<Server, Lane[]>();
  for (const s of servers) {
    const request = requestFor(s);
    const lanes = await Promise.all(Array.from({ length: conns }, () => Lane.open(s.path, request, varAnswer())));
    lanesOf.set(s, lanes);
    lanes.forEach((l) => l.start());
    await sleep(250); // warm-up
    lanes.forEach((l) => l.stop());
    await sleep(20);
  }
  const acc = new Map<Server, { done: number; secs: number; cpu: number; lat: number[]; rounds: number[] }>();
  for (const s of servers) acc.set(s, { done: 0, secs: 0, cpu: 0, lat: [], rounds: [] });
  for (let round = 0; round < rounds; round++) {
    // The order flips every round: no server always runs right after the same neighbour.
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const s of order) {
      const lanes = lanesOf.get(s)!;
      const a = acc.get(s)!;
      lanes.forEach((l) => {
        l.done = 0;
        l.latencies = [];
        l.start();
      });
      const t0 = performance.now();
      const cpu0 = cpuSeconds(s.child.pid!);
      await sleep((seconds * 1000) / rounds);
      lanes.forEach((l) => l.stop());
      const secs = (performance.now() - t0) / 1000;
      a.secs += secs;
      a.cpu += cpuSeconds(s.child.pid!) - cpu0;
      let done = 0;
      for (const l of lanes) {
        done += l.done;
        for (const x of l.latencies) a.lat.push(x);
      }
      a.done += done;
      a.rounds.push(done / secs);
      await sleep(20); // let the exchanges in flight finish before the next server's slice
    }
  }
  const out = new Map<Server, Cell>();
  for (const s of servers) {
    const a = acc.get(s)!;
    lanesOf.get(s)!.forEach((l) => l.close());
    a.lat.sort((x, y) => x - y);
    const q = (p: number) => a.lat[Math.min(a.lat.length - 1, Math.floor(a.lat.length * p))] ?? NaN;
    out.set(s, {
      rps: a.done / a.secs,
      cpuUs: (a.cpu / a.done) * 1e6,
      p50: q(0.5),
      p99: q(0.99),
      peakRss: peakRssKiB(s.child.pid!),
      rounds: a.rounds,
    });
  }
  return out;
}

/**
 * One run: per scenario a fresh runner (so its peak RSS is that scenario's), measured in slices
 * interleaved with the floor at the same connection count; then the ratios issue 14 asks for.
 * A6KIT_BENCH_SECONDS (per server and scenario, default 2), A6KIT_BENCH_CONNS (default 64),
 * A6KIT_BENCH_ONLY=floor,single,multi,metrics (default floor,single,metrics), A6KIT_BENCH_SCENARIOS=stop,var,...
 * (plugin names), A6KIT_BENCH_NODE_ARGS (V8 flags for the runners) narrow or vary a run.
 * Finding where memory goes: A6KIT_BENCH_MEMLOG=<ms> (runners print heap spaces and buffers to
 * stderr), A6KIT_BENCH_V8_FLAGS (set in-process at start).
 * A6KIT_BENCH_ROUNDS (slices per server, default 4), A6KIT_BENCH_REPEATS (fresh processes per
 * scenario, pooled; default 1), A6KIT_BENCH_PIN=0 (no core pinning).
 * A6KIT_BENCH_BASELINE=<dir>: also a runner built from <dir>/runtime (an older tree, e.g.
 * `git archive <rev> runtime shipping tooling package.json | tar -x -C <dir>` and node_modules
 * linked; with shipping/ it is bundled by its own bundle.ts), measured in the same slices:
 * before/after in one run.
 */
async function bench(): Promise<void> {
  const seconds = Number(process.env.A6KIT_BENCH_SECONDS ?? 2);
  const conns = Number(process.env.A6KIT_BENCH_CONNS ?? 64);
  const dir = mkdtempSync(join(tmpdir(), 'a6kit-bench-'));
  const live: Server[] = [];
  try {
    floorEntry = await bundleFloor(dir);
    runnerEntry = await bundleRunnerFrom(dir);
    const only = process.env.A6KIT_BENCH_ONLY?.split(',') ?? ['floor', 'single', 'metrics'];
    const baselineDir = process.env.A6KIT_BENCH_BASELINE;
    if (baselineDir) baselineEntry = await bundleRunnerFrom(dir, baselineDir);
    const runners = (['baseline', 'single', 'metrics', 'multi'] as const).filter((k) =>
      k === 'baseline' ? baselineDir !== undefined : only.includes(k),
    );
    const floor = only.includes('floor') ? await startServer('floor', dir) : undefined;
    if (floor) live.push(floor);
    const picked = process.env.A6KIT_BENCH_SCENARIOS?.split(',');
    const scenarios = SCENARIOS.filter((sc) => picked === undefined || picked.includes(sc.plugin));
    process.stdout.write(
      `runner bench: ${conns} connections, one exchange in flight each; ${seconds}s per server and scenario in ${ROUNDS} interleaved slices after 0.25s warm-up; ` +
        `a fresh runner per scenario; ${PIN ? `servers pinned to core ${PIN.server}, load to the others` : 'not pinned'}; node ${process.version}${process.env.A6KIT_BENCH_NODE_ARGS ? `, server flags ${process.env.A6KIT_BENCH_NODE_ARGS}` : ''}\n`,
    );
    const fmt = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0));
    const ms = (n: number) => n.toFixed(2);
    const mib = (kib: number) => (kib / 1024).toFixed(1);
    const pct = (c: Cell, f: Cell | undefined) => (f ? `${((c.rps / f.rps) * 100).toFixed(0)}%` : '–');
    const rows = [
      `| scenario | runner | floor req/s | runner req/s | % floor | p50/p99 ms floor | p50/p99 ms runner | CPU µs/req floor / runner | peak RSS MiB runner |`,
      '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ];
    const results = new Map<string, { floor?: Cell; runner: Cell }>();
    // A6KIT_BENCH_REPEATS: each scenario again with fresh processes (their start order flipped), the
    // figures pooled: two processes of the same code differ by a few per cent from one start to the
    // next (memory layout, JIT), which only more processes average out.
    for (let rep = 0; rep < REPEATS; rep++)
      for (const sc of scenarios) {
        // Every runner kind fresh for this scenario, all measured in the same interleaved slices.
        const started: Server[] = [];
        const tokenOf = new Map<Server, number>();
        for (const kind of rep % 2 === 0 ? runners : [...runners].reverse()) {
          const runner = await startServer(kind, dir);
          live.push(runner);
          started.push(runner);
          const reply = await rpc(runner.path, prepareFrame(sc.plugin));
          tokenOf.set(runner, PrepareConf.Resp.getRootAsResp(new ByteBuffer(reply)).confToken());
        }
        const servers = floor ? [floor, ...started] : started;
        const measured = await measureAll(servers, (s) => callFrame(tokenOf.get(s) ?? 1, sc.big), conns, seconds);
        const f = floor ? measured.get(floor) : undefined;
        for (const runner of started) {
          await stopServer(runner);
          live.splice(live.indexOf(runner), 1);
          const r = measured.get(runner)!;
          const key = `${runner.kind}/${sc.plugin}`;
          const prev = results.get(key);
          results.set(key, { floor: pool(prev?.floor, f), runner: pool(prev?.runner, r)! });
          const row =
            `| ${sc.name} | ${runner.kind} | ${f ? fmt(f.rps) : '–'} | ${fmt(r.rps)} | ${pct(r, f)} | ${f ? `${ms(f.p50)}/${ms(f.p99)}` : '–'} | ` +
            `${ms(r.p50)}/${ms(r.p99)} | ${f ? f.cpuUs.toFixed(1) : '–'} / ${r.cpuUs.toFixed(1)} | ${mib(r.peakRss)} |`;
          rows.push(row);
          process.stdout.write(`${row}\n`);
        }
      }
    process.stdout.write(`\n${rows.join('\n')}\n`);
    // The floor lives through every scenario: its peak is the worst of them (a reference, not a target).
    if (floor) process.stdout.write(`\nfloor peak RSS over the run: ${mib(peakRssKiB(floor.child.pid!))} MiB\n`);
    // The proof of issue 14, per runner kind.
    for (const kind of runners) {
      const get = (plugin: string) => results.get(`${kind}/${plugin}`);
      const big = get('auth-header');
      const stop = get('stop');
      const v = get('var');
      const lines: string[] = [];
      // On a busy machine the load generator, not the runner, may set req/s: floor CPU / runner CPU
      // per request is what each server pinned to its own core would reach, relative to the floor.
      if (big?.floor) {
        lines.push(
          `big / floor = ${(big.runner.rps / big.floor.rps).toFixed(2)} req/s, ${(big.floor.cpuUs / big.runner.cpuUs).toFixed(2)} CPU per request (target ≥ 0.90)`,
        );
      }
      if (stop?.floor)
        lines.push(
          `stop / floor = ${(stop.runner.rps / stop.floor.rps).toFixed(2)} req/s, ${(stop.floor.cpuUs / stop.runner.cpuUs).toFixed(2)} CPU`,
        );
      if (v && stop)
        lines.push(`ExtraInfo p99 / stop p99 = ${(v.runner.p99 / stop.runner.p99).toFixed(2)} (target ≤ 2.5)`);
      const peaks = scenarios.map((sc) => `${sc.plugin} ${mib(get(sc.plugin)?.runner.peakRss ?? NaN)}`);
      lines.push(`peak RSS MiB: ${peaks.join(', ')} (target < 64 each)`);
      process.stdout.write(`\n${kind}: ${lines.join('; ')}\n`);
    }
    // Two runner kinds measured in the same slices: whole-run req/s, the median of the per-round
    // ratios (each round's two slices ran next to each other, so drift cancels) and CPU per request.
    const compare = (label: string, a: (typeof runners)[number], b: (typeof runners)[number]) => {
      if (!runners.includes(a) || !runners.includes(b)) return;
      const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
      const cmp = scenarios.flatMap((sc) => {
        const x = results.get(`${b}/${sc.plugin}`)?.runner;
        const y = results.get(`${a}/${sc.plugin}`)?.runner;
        if (!x || !y) return [];
        const r = roundRatio(y, x);
        return [
          `${sc.plugin} ${signed(y.rps / x.rps - 1)} req/s (per-round: median ${signed(r.median - 1)}, range ${signed(r.low - 1)} … ${signed(r.high - 1)}, ` +
            `mean ${signed(r.mean - 1)} [95% CI ${signed(r.ciLow - 1)} … ${signed(r.ciHigh - 1)}]), ` +
            `${x.cpuUs.toFixed(2)} → ${y.cpuUs.toFixed(2)} µs CPU/req (${signed(y.cpuUs / x.cpuUs - 1)})`,
        ];
      });
      process.stdout.write(`\n${label}:\n  ${cmp.join('\n  ')}\n`);
    };
    // Metrics on against off (A6KIT_BENCH_ONLY=floor,single,metrics).
    compare('metrics on vs off', 'metrics', 'single');
    // This tree against A6KIT_BENCH_BASELINE.
    compare('this tree vs baseline', 'single', 'baseline');
  } finally {
    for (const s of live) await stopServer(s);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  serveFloor(process.argv[4]!);
} else {
  await bench();
}
