/**
 * What `--metrics` costs per call on the runner's own CPU, without sockets or a load generator
 * (whose noise on a busy machine is larger than the effect; bench/runner.bench.ts measures the
 * socket path, `A6KIT_BENCH_ONLY=single,metrics`). Two processes, one with metrics off and one
 * with metrics on (each monomorphic, as a real runner is), feed pre-built frames to the runner's
 * dispatcher; the parent has them run 25 ms slices in turn (order alternating each round), so a
 * noisy neighbour slows both alike, and reports the median ns per call of each, and the best slice
 * (on a machine busy with other work, the best slices are the closest to the uncontended cost).
 *
 *   npx tsx bench/metrics.bench.ts           (or `npm run bench -- metrics`)
 *   A6KIT_BENCH_ROUNDS=61 for more rounds.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Builder, ByteBuffer, ExtraInfo, HTTPReqCall, PrepareConf, TextEntry } from '../runtime/wire.js';
import { benchPlugins } from './plugins.js';
import { makeRegistry } from '../runtime/chain.js';
import { ConfStore, LocalConfs } from '../runtime/conf-store.js';
import { Engine } from '../runtime/engine.js';
import { Dispatcher, type Wire } from '../runtime/dispatch.js';
import { createLogger } from '../runtime/logger.js';
import { RPC_EXTRA_INFO, RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF } from '../runtime/frame.js';
import { loadMetrics } from '../runtime/server.js';

const ROUNDS = Number(process.env.A6KIT_BENCH_ROUNDS ?? 41);
const SLICE_MS = 25;
const SCENARIOS = ['stop', 'rewrite', 'var'] as const;
type Scenario = (typeof SCENARIOS)[number];

// ---------------------------------------------------------------- child: one runner engine

// The same plugins as the socket bench; only the scenarios measured here are registered.
const plugins = benchPlugins.filter((p) => (SCENARIOS as readonly string[]).includes(p.name));

function prepareFrame(name: string): Buffer {
  const b = new Builder(128);
  const vec = PrepareConf.Req.createConfVector(b, [
    TextEntry.createTextEntry(b, b.createString(name), b.createString('')),
  ]);
  const k = b.createString(`bench#${name}`);
  PrepareConf.Req.startReq(b);
  PrepareConf.Req.addConf(b, vec);
  PrepareConf.Req.addKey(b, k);
  b.finish(PrepareConf.Req.endReq(b));
  return Buffer.from(b.asUint8Array());
}

function callFrame(token: number): Buffer {
  const b = new Builder(1024);
  const te = (k: string, v: string) => TextEntry.createTextEntry(b, b.createString(k), b.createString(v));
  const h = HTTPReqCall.Req.createHeadersVector(b, [
    te('host', 'upstream.local'),
    te('user-agent', 'curl/8.5.0'),
    te('accept', '*/*'),
    te('authorization', 'Bearer abc'),
  ]);
  const a = HTTPReqCall.Req.createArgsVector(b, [te('page', '2')]);
  const src = HTTPReqCall.Req.createSrcIpVector(b, [10, 0, 0, 7]);
  const p = b.createString('/api/items');
  b.finish(HTTPReqCall.Req.createReq(b, 1, src, 0, p, a, h, token));
  return Buffer.from(b.asUint8Array());
}

function varAnswer(): Buffer {
  const b = new Builder(64);
  const r = b.createByteVector(Buffer.from('10.0.0.7'));
  ExtraInfo.Resp.startResp(b);
  ExtraInfo.Resp.addResult(b, r);
  b.finish(ExtraInfo.Resp.endResp(b));
  return Buffer.from(b.asUint8Array());
}

/** The connection as the dispatcher sees it: replies are counted, the last one kept. */
class BenchWire implements Wire {
  closed = false;
  last: Buffer | undefined;
  onReply: (() => void) | undefined;
  send(): void {
    // Replies are dropped: only the dispatcher's own cost is measured.
  }
  fits(): boolean {
    return true;
  }
  reply(frame: Buffer): void {
    this.last = frame;
    this.onReply?.();
  }
  violation(what: string): void {
    throw new Error(what);
  }
}

async function child(metricsOn: boolean): Promise<void> {
  const registry = makeRegistry(plugins);
  const lib = metricsOn ? await loadMetrics() : undefined;
  const metrics = lib && new lib.RunnerMetrics(registry, { connections: () => 1 });
  const engine = new Engine(
    registry,
    new LocalConfs(new ConfStore(3_600_000)),
    createLogger('silent'),
    { callTimeoutMs: 50_000, skipInvalidConf: false },
    metrics,
  );
  const wire = new BenchWire();
  const d = new Dispatcher(engine, wire);
  const frames = new Map<Scenario, Buffer>();
  for (const name of SCENARIOS) {
    d.onFrame(RPC_PREPARE_CONF, prepareFrame(name));
    const token = PrepareConf.Resp.getRootAsResp(new ByteBuffer(wire.last!.subarray(4))).confToken();
    frames.set(name, callFrame(token));
  }
  const answer = varAnswer();
  const slice = async (scenario: Scenario, ms: number): Promise<number> => {
    const frame = frames.get(scenario)!;
    const t0 = performance.now();
    const end = t0 + ms;
    let n = 0;
    if (scenario === 'var') {
      while (performance.now() < end) {
        const replied = new Promise<void>((r) => (wire.onReply = r));
        d.onFrame(RPC_HTTP_REQ_CALL, frame);
        d.onFrame(RPC_EXTRA_INFO, answer);
        await replied;
        n++;
      }
    } else {
      while (performance.now() < end) {
        for (let i = 0; i < 100; i++) d.onFrame(RPC_HTTP_REQ_CALL, frame);
        n += 100;
      }
    }
    return ((performance.now() - t0) * 1e6) / n;
  };
  process.on('message', (m: { scenario: Scenario; ms: number }) => {
    void slice(m.scenario, m.ms).then((ns) => process.send!({ ns }));
  });
  process.send!({ ready: true });
}

// ---------------------------------------------------------------- parent

function ask(c: ChildProcess, msg: object): Promise<{ ns: number }> {
  return new Promise((resolve) => {
    c.once('message', (m: { ns: number }) => resolve(m));
    c.send(msg);
  });
}

async function parent(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const start = (side: 'off' | 'on') =>
    new Promise<ChildProcess>((resolve) => {
      const c = fork(self, ['--side', side], { execArgv: ['--import', 'tsx'] });
      c.once('message', () => resolve(c));
    });
  const off = await start('off');
  const on = await start('on');
  try {
    process.stdout.write(
      `metrics cost per call on the runner's CPU (dispatcher fed frames, no socket): ${ROUNDS} rounds of ${SLICE_MS} ms slices per side, median; node ${process.version}\n\n`,
    );
    const rows = [
      '| scenario | off ns/call median (best) | on ns/call median (best) | on − off, medians | on − off, best slices |',
      '|---|---:|---:|---:|---:|',
    ];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const diff = (a: number, b: number) =>
      `${b >= a ? '+' : ''}${(b - a).toFixed(0)} ns (${(((b - a) / a) * 100).toFixed(1)}%)`;
    for (const scenario of SCENARIOS) {
      for (const c of [off, on]) await ask(c, { scenario, ms: 300 }); // warm-up
      const offNs: number[] = [];
      const onNs: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const order = r % 2 === 0 ? ([off, offNs, on, onNs] as const) : ([on, onNs, off, offNs] as const);
        order[1].push((await ask(order[0], { scenario, ms: SLICE_MS })).ns);
        order[3].push((await ask(order[2], { scenario, ms: SLICE_MS })).ns);
      }
      const [a, b, aMin, bMin] = [median(offNs), median(onNs), Math.min(...offNs), Math.min(...onNs)];
      rows.push(
        `| ${scenario === 'var' ? 'extra-info var' : scenario} | ${a.toFixed(0)} (${aMin.toFixed(0)}) | ${b.toFixed(0)} (${bMin.toFixed(0)}) | ${diff(a, b)} | ${diff(aMin, bMin)} |`,
      );
    }
    process.stdout.write(`${rows.join('\n')}\n`);
  } finally {
    off.kill();
    on.kill();
  }
}

const sideAt = process.argv.indexOf('--side');
if (sideAt > 0) await child(process.argv[sideAt + 1] === 'on');
else await parent();
