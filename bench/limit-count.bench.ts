/**
 * limit-count: requests/s and latency of `policy: redis` next to `policy: local` (and a plugin
 * that only passes, as the floor), 64 keepalive connections with one exchange in flight each, as
 * APISIX's pooled connections drive a runner. Also the Redis round trip alone (the counting script
 * at the same concurrency), to tell its share of a request's latency.
 *
 *   npx tsx bench/limit-count.bench.ts      (~20 s; needs redis-server on the PATH)
 *   A6KIT_BENCH_SECONDS=n: n one-second slices per row (default 4, after one warm-up slice).
 * The runner is examples/runner.ts in its own process; Redis runs on a free local port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, ByteBuffer, HTTPReqCall, PrepareConf, TextEntry } from '../runtime/wire.js';
import { RedisServer } from '../examples/plugins/limit-count/test/redis-server.js';

const SECONDS = Number(process.env.A6KIT_BENCH_SECONDS ?? 4);
const CONNS = 64;
const RPC_PREPARE_CONF = 1;
const RPC_HTTP_REQ_CALL = 2;

function frame(type: number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(4 + payload.length);
  out[0] = type;
  out.writeUIntBE(payload.length, 1, 3);
  out.set(payload, 4);
  return out;
}

function prepareFrame(key: string, name: string, value: string): Buffer {
  const b = new Builder(256);
  const vec = PrepareConf.Req.createConfVector(b, [
    TextEntry.createTextEntry(b, b.createString(name), b.createString(value)),
  ]);
  const k = b.createString(key);
  PrepareConf.Req.startReq(b);
  PrepareConf.Req.addConf(b, vec);
  PrepareConf.Req.addKey(b, k);
  b.finish(PrepareConf.Req.endReq(b));
  return frame(RPC_PREPARE_CONF, b.asUint8Array());
}

function callFrame(token: number): Buffer {
  const b = new Builder(512);
  const te = (k: string, v: string) => TextEntry.createTextEntry(b, b.createString(k), b.createString(v));
  const h = HTTPReqCall.Req.createHeadersVector(b, [
    te('host', 'upstream.local'),
    te('user-agent', 'curl/8.5.0'),
    te('accept', '*/*'),
  ]);
  const a = HTTPReqCall.Req.createArgsVector(b, []);
  const src = HTTPReqCall.Req.createSrcIpVector(b, [10, 0, 0, 7]);
  const p = b.createString('/api/items');
  b.finish(HTTPReqCall.Req.createReq(b, 1, src, 0, p, a, h, token));
  return frame(RPC_HTTP_REQ_CALL, b.asUint8Array());
}

/** One connection, one exchange at a time, as APISIX's cosocket pool does. */
class Lane {
  private pending: Buffer | undefined;
  private sentAt = 0;
  private running = false;
  latencies: number[] = [];
  private waiter: ((f: [number, Buffer]) => void) | undefined;

  private constructor(
    private readonly sock: Socket,
    private request: Buffer,
  ) {
    sock.setNoDelay(true);
    sock.on('data', (c: Buffer) => this.onData(c));
  }

  static open(path: string): Promise<Lane> {
    return new Promise((resolve, reject) => {
      const s = connect(path, () => resolve(new Lane(s, Buffer.alloc(0))));
      s.once('error', reject);
    });
  }

  exchange(f: Buffer): Promise<[number, Buffer]> {
    return new Promise((r) => {
      this.waiter = r;
      this.sock.write(f);
    });
  }

  private onData(chunk: Buffer): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    let off = 0;
    while (buf.length - off >= 4) {
      const len = buf.readUIntBE(off + 1, 3);
      if (buf.length - off - 4 < len) break;
      const type = buf[off]!;
      const payload = buf.subarray(off + 4, off + 4 + len);
      off += 4 + len;
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = undefined;
        w([type, Buffer.from(payload)]);
        continue;
      }
      this.latencies.push(performance.now() - this.sentAt);
      if (this.running) this.send();
    }
    if (off < buf.length) this.pending = buf.subarray(off);
  }

  private send(): void {
    this.sentAt = performance.now();
    this.sock.write(this.request);
  }

  run(request: Buffer): void {
    this.request = request;
    this.latencies = [];
    this.running = true;
    this.send();
  }

  stop(): void {
    this.running = false;
  }

  close(): void {
    this.sock.destroy();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

interface Row {
  name: string;
  rps: number;
  mean: number;
  p50: number;
  p99: number;
}

/** Something to load for a while: returns the latencies (ms) of what completed. */
interface Load {
  name: string;
  run(ms: number): Promise<number[]>;
}

function laneLoad(lanes: Lane[], name: string, request: Buffer): Load {
  return {
    name,
    async run(ms) {
      for (const l of lanes) l.run(request);
      await sleep(ms);
      for (const l of lanes) l.stop();
      await sleep(50); // the exchanges in flight finish
      return lanes.flatMap((l) => l.latencies);
    },
  };
}

/** The counting script alone, from one client with CONNS commands in flight: Redis's part of a request. */
async function scriptLoad(redis: RedisServer): Promise<Load & { close(): void }> {
  const { Redis } = await import('ioredis');
  const c = new Redis({ host: '127.0.0.1', port: redis.port, enableAutoPipelining: true });
  c.defineCommand('count', {
    numberOfKeys: 1,
    lua: "local n = redis.call('INCR', KEYS[1]) local t = redis.call('PTTL', KEYS[1]) if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) t = tonumber(ARGV[1]) end return {n, t}",
  });
  const script = c as unknown as { count(k: string, ms: number): Promise<unknown> };
  return {
    name: 'redis script alone (ioredis, no runner)',
    async run(ms) {
      const latencies: number[] = [];
      let on = true;
      const loop = async () => {
        while (on) {
          const t0 = performance.now();
          await script.count('bench:alone', 3_600_000);
          latencies.push(performance.now() - t0);
        }
      };
      const loops = Array.from({ length: CONNS }, loop);
      await sleep(ms);
      on = false;
      await Promise.all(loops);
      return latencies;
    },
    close: () => c.disconnect(),
  };
}

/**
 * Every load in turn, one-second slices, SECONDS rounds (after a warm-up round that is dropped):
 * on a shared machine a noisy moment then slows all rows alike instead of one.
 */
async function measure(loads: Load[]): Promise<Row[]> {
  const acc = loads.map(() => ({ latencies: [] as number[], ms: 0 }));
  for (let round = -1; round < SECONDS; round++) {
    for (const [i, load] of loads.entries()) {
      const start = performance.now();
      const got = await load.run(1000);
      if (round < 0) continue;
      acc[i]!.ms += performance.now() - start;
      acc[i]!.latencies.push(...got);
    }
  }
  return loads.map((load, i) => {
    const all = acc[i]!.latencies.sort((a, b) => a - b);
    const mean = all.reduce((sum, x) => sum + x, 0) / all.length;
    return { name: load.name, rps: all.length / (acc[i]!.ms / 1000), mean, p50: pct(all, 50), p99: pct(all, 99) };
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'a6kit-bench-lc-'));
  const redis = await RedisServer.start();
  const socket = join(dir, 'runner.sock');
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/runner.ts', 'run', '--log-level', 'warn'], {
    env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${socket}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    let lanes: Lane[] | undefined;
    for (let i = 0; lanes === undefined; i++) {
      try {
        lanes = await Promise.all(Array.from({ length: CONNS }, () => Lane.open(socket)));
      } catch (err) {
        if (i > 300) throw err;
        await sleep(100);
      }
    }
    const many = 1_000_000_000; // never reached: every request passes and is counted
    const scenarios = [
      { name: 'floor: say (passes, no state)', plugin: 'say', conf: {} },
      { name: 'limit-count policy local', plugin: 'limit-count', conf: { count: many, time_window: 3600 } },
      {
        name: 'limit-count policy redis',
        plugin: 'limit-count',
        conf: { count: many, time_window: 3600, policy: 'redis', redis_host: '127.0.0.1', redis_port: redis.port },
      },
    ];
    const loads: Load[] = [];
    for (const sc of scenarios) {
      const [type, payload] = await lanes[0]!.exchange(
        prepareFrame(`bench#${sc.name}`, sc.plugin, JSON.stringify(sc.conf)),
      );
      if (type !== RPC_PREPARE_CONF) throw new Error(`PrepareConf of ${sc.name} refused`);
      loads.push(
        laneLoad(lanes, sc.name, callFrame(PrepareConf.Resp.getRootAsResp(new ByteBuffer(payload)).confToken())),
      );
    }
    const script = await scriptLoad(redis);
    const rows = await measure([...loads, script]);
    script.close();
    for (const l of lanes) l.close();

    const f = (x: number) => x.toFixed(2);
    process.stdout.write(
      `\n${CONNS} connections, ${SECONDS} x 1 s per row, interleaved (on a busy machine compare rows, not runs)\n\n`,
    );
    process.stdout.write('| scenario | req/s | mean ms | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|\n');
    for (const r of rows)
      process.stdout.write(
        `| ${r.name} | ${Math.round(r.rps).toLocaleString('en')} | ${f(r.mean)} | ${f(r.p50)} | ${f(r.p99)} |\n`,
      );
    const local = rows[1]!;
    const red = rows[2]!;
    const alone = rows[3]!;
    process.stdout.write(
      `\nredis vs local: ${(red.rps / local.rps).toFixed(2)}x the req/s; ` +
        `${f(red.mean - local.mean)} ms more per request, ${((100 * (red.mean - local.mean)) / red.mean).toFixed(0)} % of a redis request's mean latency ` +
        `(the script alone at the same concurrency: ${f(alone.mean)} ms mean)\n`,
    );
  } finally {
    child.kill('SIGTERM');
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
