/**
 * Runner throughput and latency against the floor: a load generator holding N keepalive
 * connections with one exchange in flight each (as APISIX's pooled cosocket does), run side by
 * side against
 *   - floor:  a minimal framing-only Node server that echoes every frame (no decoding at all);
 *   - single: the a6kit runner in one process;
 *   - multi:  the a6kit runner with --workers 2 (node:cluster sharing the socket);
 *   - metrics: the single runner with --metrics on (compared with `single` in a second table: the
 *     cost of metrics, measured in the same interleaved slices).
 * Scenarios: stop / rewrite / noop / one ExtraInfo var / 64 KiB of request headers.
 *
 *   npx tsx bench/runner.bench.ts            (or `npm run bench -- runner`)
 *   A6KIT_BENCH_SECONDS=3 for longer cells, A6KIT_BENCH_ROUNDS=16 for more interleaved slices,
 *   A6KIT_BENCH_CONNS=16,64 for fewer connection counts.
 * This file is also the server process it starts (`--serve floor|runner`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, ByteBuffer, ExtraInfo, HTTPReqCall, PrepareConf, TextEntry } from '../runtime/wire.js';
import { definePlugin } from '../runtime/plugin.js';

const self = fileURLToPath(import.meta.url);
const RPC_PREPARE_CONF = 1;
const RPC_HTTP_REQ_CALL = 2;
const RPC_EXTRA_INFO = 3;

// ---------------------------------------------------------------- server side

const benchPlugins = [
  definePlugin({
    name: 'stop',
    parseConf: () => null,
    requestFilter(_c, _req, res) {
      res.status = 403;
      res.headers.set('x-reason', 'bench');
      res.write('forbidden');
    },
  }),
  definePlugin({
    name: 'rewrite',
    parseConf: () => null,
    requestFilter(_c, req) {
      req.path = '/rewritten';
      req.headers.set('x-added', 'yes');
      req.args.set('k', 'v');
    },
  }),
  definePlugin({
    name: 'noop',
    parseConf: () => null,
    requestFilter() {
      // Does nothing on purpose: the runner still calls it for every request (a call's floor cost).
    },
  }),
  definePlugin({
    name: 'var',
    parseConf: () => null,
    async requestFilter(_c, req) {
      await req.var('remote_addr');
    },
  }),
  definePlugin({
    name: 'auth-header',
    parseConf: () => null,
    requestFilter(_c, req, res) {
      if (req.headers.get('authorization') === undefined) res.respond(401);
    },
  }),
];

/** The floor: parse the 4-byte header, echo the frame. Nothing a runner can do with less. */
function serveFloor(path: string): void {
  const server = createServer((sock) => {
    let pending: Buffer | undefined;
    sock.on('data', (chunk: Buffer) => {
      const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
      pending = undefined;
      let off = 0;
      while (buf.length - off >= 4) {
        const len = (buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!;
        if (buf.length - off - 4 < len) break;
        sock.write(buf.subarray(off, off + 4 + len));
        off += 4 + len;
      }
      if (off < buf.length) pending = buf.subarray(off);
    });
    sock.on('error', () => {});
  });
  server.listen(path, () => process.stdout.write('ready\n'));
  process.on('SIGTERM', () => process.exit(0));
}

async function serveRunner(): Promise<void> {
  const { runMain } = await import('../runtime/main.js');
  // Cluster workers are forked with the primary's (already rewritten) arguments.
  if (process.argv[2] === '--serve') process.argv = [process.argv[0]!, process.argv[1]!, 'run', ...process.argv.slice(4)];
  await runMain({ plugins: benchPlugins });
  if (!process.env.A6KIT_CLUSTER_WORKER) process.stdout.write('ready\n');
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

/** A request like APISIX builds for a small GET, or with 64 KiB of headers. */
function callFrame(token: number, bigHeaders: boolean): Buffer {
  const b = new Builder(1024);
  const headers: [string, string][] = [
    ['host', 'upstream.local'],
    ['user-agent', 'curl/8.5.0'],
    ['accept', '*/*'],
    ['authorization', 'Bearer abc'],
  ];
  if (bigHeaders) for (let i = 0; i < 64; i++) headers.push([`x-filler-${i}`, 'f'.repeat(1000)]);
  const te = (k: string, v: string) => TextEntry.createTextEntry(b, b.createString(k), b.createString(v));
  const h = HTTPReqCall.Req.createHeadersVector(b, headers.map(([k, v]) => te(k, v)));
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
    for (const c of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)) if (c) total += read(Number(c));
  } catch {
    /* no children */
  }
  return total;
}

function rssKiB(pid: number): number {
  const read = (p: number): number => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  let total = read(pid);
  try {
    for (const c of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)) if (c) total += read(Number(c));
  } catch {
    /* no children */
  }
  return total;
}

interface Server {
  kind: 'floor' | 'single' | 'multi' | 'metrics';
  path: string;
  child: ChildProcess;
}

/**
 * Servers run from a bundle of this file, as a built runner executable runs (no TypeScript loader
 * in the process: its memory and per-call helpers would colour RSS and CPU figures).
 */
async function bundle(dir: string): Promise<string[]> {
  try {
    const esbuild = await import('esbuild');
    const out = join(dir, 'server.mjs');
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
    process.stdout.write(`(esbuild unavailable, servers run through tsx: ${(err as Error).message})\n`);
    return ['--import', 'tsx', self];
  }
}

let serverEntry: string[] = [];

async function startServer(kind: Server['kind'], dir: string): Promise<Server> {
  const path = join(dir, `${kind}.sock`);
  const args = kind === 'floor' ? ['floor', path] : ['runner', '--log-level', 'warn', '--workers', kind === 'multi' ? '2' : '1'];
  if (kind === 'metrics') args.push('--metrics', `unix:${join(dir, 'metrics.sock')}`);
  const extra = process.env.A6KIT_BENCH_NODE_ARGS ? process.env.A6KIT_BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...extra, ...serverEntry, '--serve', ...args], {
    env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${path}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.once('exit', (c) => reject(new Error(`${kind} server exited with ${c}`)));
  });
  return { kind, path, child };
}

const SCENARIOS = [
  { name: 'stop', plugin: 'stop', big: false },
  { name: 'rewrite', plugin: 'rewrite', big: false },
  { name: 'noop', plugin: 'noop', big: false },
  { name: 'extra-info var', plugin: 'var', big: false },
  { name: '64 KiB headers', plugin: 'auth-header', big: true },
] as const;
const CONNS = process.env.A6KIT_BENCH_CONNS?.split(',').map(Number) ?? [1, 16, 64];

interface Cell {
  /** Server CPU per request, in microseconds. */
  cpuUs: number;
  rps: number;
  p50: number;
  p99: number;
  rss: number;
  /** req/s of each slice, in round order (slices of one round run back to back, server after server). */
  rates: number[];
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
  // More, shorter slices cancel more of a busy machine's noise (A6KIT_BENCH_ROUNDS=16).
  const rounds = Number(process.env.A6KIT_BENCH_ROUNDS ?? 4);
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
  const acc = new Map<Server, { done: number; secs: number; cpu: number; lat: number[]; rates: number[] }>();
  for (const s of servers) acc.set(s, { done: 0, secs: 0, cpu: 0, lat: [], rates: [] });
  for (let round = 0; round < rounds; round++) {
    // Every other round in reverse: no server always runs right after the same one.
    for (const s of round % 2 === 0 ? servers : [...servers].reverse()) {
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
      a.rates.push(done / secs);
      await sleep(20); // let the exchanges in flight finish before the next server's slice
    }
  }
  const out = new Map<Server, Cell>();
  for (const s of servers) {
    const a = acc.get(s)!;
    lanesOf.get(s)!.forEach((l) => l.close());
    a.lat.sort((x, y) => x - y);
    const q = (p: number) => a.lat[Math.min(a.lat.length - 1, Math.floor(a.lat.length * p))] ?? NaN;
    out.set(s, { rps: a.done / a.secs, cpuUs: (a.cpu / a.done) * 1e6, p50: q(0.5), p99: q(0.99), rss: rssKiB(s.child.pid!), rates: a.rates });
  }
  return out;
}

async function bench(): Promise<void> {
  const seconds = Number(process.env.A6KIT_BENCH_SECONDS ?? 1.5);
  const dir = mkdtempSync(join(tmpdir(), 'a6kit-bench-'));
  const servers: Server[] = [];
  try {
    // A6KIT_BENCH_ONLY=floor,single / A6KIT_BENCH_SCENARIOS=stop,noop narrow a run (profiling).
    serverEntry = await bundle(dir);
    const only = process.env.A6KIT_BENCH_ONLY?.split(',') ?? ['floor', 'single', 'multi', 'metrics'];
    for (const k of ['floor', 'single', 'multi', 'metrics'] as const) if (only.includes(k)) servers.push(await startServer(k, dir));
    // One token per scenario and server, prepared as APISIX would.
    const tokens = new Map<string, number>();
    for (const s of servers) {
      if (s.kind === 'floor') continue;
      for (const sc of SCENARIOS) {
        const reply = await rpc(s.path, prepareFrame(sc.plugin));
        tokens.set(`${s.kind}/${sc.plugin}`, PrepareConf.Resp.getRootAsResp(new ByteBuffer(reply)).confToken());
      }
    }
    const fmt = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0));
    const ms = (n: number) => n.toFixed(2);
    const rows: string[] = [];
    const metricsRows = [
      '| scenario | conns | metrics off req/s | metrics on req/s | on vs off (totals) | on vs off (median of slice pairs) | server CPU µs/req off / on |',
      '|---|---:|---:|---:|---:|---:|---:|',
    ];
    rows.push(
      '| scenario | conns | floor req/s | single req/s (% floor) | multi req/s (% floor) | p50/p99 ms floor | p50/p99 ms single | p50/p99 ms multi | server CPU µs/req floor / single / multi | RSS MiB single / multi |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    process.stdout.write(`runner bench: ${seconds}s per server and cell in ${process.env.A6KIT_BENCH_ROUNDS ?? 4} interleaved slices after 0.25s warm-up, node ${process.version}, ${servers.length} servers\n`);
    const scenarios = SCENARIOS.filter((sc) => !process.env.A6KIT_BENCH_SCENARIOS || process.env.A6KIT_BENCH_SCENARIOS.split(',').includes(sc.plugin));
    for (const sc of scenarios) {
      for (const conns of CONNS) {
        const measured = await measureAll(servers, (s) => callFrame(tokens.get(`${s.kind}/${sc.plugin}`) ?? 1, sc.big), conns, seconds);
        const cells: Record<string, Cell> = {};
        for (const [s, c] of measured) cells[s.kind] = c;
        const none: Cell = { rps: NaN, cpuUs: NaN, p50: NaN, p99: NaN, rss: NaN, rates: [] };
        const f = cells.floor ?? none;
        const si = cells.single ?? none;
        const mu = cells.multi ?? none;
        const pct = (c: Cell) => `${((c.rps / f.rps) * 100).toFixed(0)}%`;
        const row = `| ${sc.name} | ${conns} | ${fmt(f.rps)} | ${fmt(si.rps)} (${pct(si)}) | ${fmt(mu.rps)} (${pct(mu)}) | ${ms(f.p50)}/${ms(f.p99)} | ${ms(si.p50)}/${ms(si.p99)} | ${ms(mu.p50)}/${ms(mu.p99)} | ${f.cpuUs.toFixed(1)} / ${si.cpuUs.toFixed(1)} / ${mu.cpuUs.toFixed(1)} | ${(si.rss / 1024).toFixed(0)} / ${(mu.rss / 1024).toFixed(0)} |`;
        rows.push(row);
        process.stdout.write(`${row}\n`);
        const me = cells.metrics;
        if (me !== undefined) {
          // Each slice of `metrics` ran right after one of `single`: the median of their ratios
          // shrugs off the bursts a busy machine puts into a few slices.
          const ratios = me.rates.map((r, i) => r / si.rates[i]!).sort((x, y) => x - y);
          const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
          metricsRows.push(
            `| ${sc.name} | ${conns} | ${fmt(si.rps)} | ${fmt(me.rps)} | ${signed(me.rps / si.rps - 1)} | ${signed(ratios[Math.floor(ratios.length / 2)]! - 1)} | ${si.cpuUs.toFixed(1)} / ${me.cpuUs.toFixed(1)} |`,
          );
        }
      }
    }
    process.stdout.write(`\n${rows.join('\n')}\n`);
    if (metricsRows.length > 2) process.stdout.write(`\nmetrics (--metrics on) against the same single runner with metrics off:\n${metricsRows.join('\n')}\n`);
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  if (process.argv[3] === 'floor') serveFloor(process.argv[4]!);
  else void serveRunner();
} else if (process.env.A6KIT_CLUSTER_WORKER === '1') {
  // A cluster worker re-runs this file with the primary's argv.
  void serveRunner();
} else {
  await bench();
}
