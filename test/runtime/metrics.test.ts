/**
 * `--metrics`: scripted traffic through the gateway simulator (and raw frames for what APISIX
 * never sends), then a scrape of /metrics over HTTP, with exact counts. Single process in-test;
 * `--workers 2` as a real process, where the primary serves the sum over its workers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRunner, type RunningRunner } from '../../runtime/server.js';
import { definePlugin } from '../../runtime/plugin.js';
import { replyBuilder } from '../../runtime/reply.js';
import { GatewaySimulator } from '../../runtime/testkit/index.js';
import { createLogger } from '../../runtime/logger.js';
import { parseMetricsAddress } from '../../runtime/metrics-server.js';
import { RPC_ERROR, RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF } from '../../runtime/frame.js';
import * as P from './plugins.js';
import {
  Err,
  HTTPReqCall,
  RawClient,
  decodeReqCallResp,
  errCode,
  prepareConf,
  reqCall,
  tempDir,
  tokenOf,
  until,
} from './helpers.js';

/** GET /metrics at `address` (`host:port` or `unix:/path`). */
function scrape(address: string): Promise<{ status: number; type: string; body: string }> {
  const a = parseMetricsAddress(address);
  const where = 'path' in a ? { socketPath: a.path } : { host: a.host, port: a.port };
  return new Promise((resolve, reject) => {
    const req = request({ ...where, path: '/metrics', headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The samples of an exposition text: `value(name, labels)` is the one sample with exactly those labels. */
function samples(text: string) {
  const rows: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    rows.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  const value = (name: string, labels: Record<string, string> = {}): number | undefined => {
    const hit = rows.filter(
      (r) =>
        r.name === name &&
        Object.keys(r.labels).length === Object.keys(labels).length &&
        Object.entries(labels).every(([k, v]) => r.labels[k] === v),
    );
    if (hit.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} is ambiguous`);
    return hit[0]?.value;
  };
  return { rows, value };
}

describe('metrics, one process', () => {
  let runner: RunningRunner;
  let sim: GatewaySimulator;
  beforeAll(async () => {
    const { dir } = tempDir();
    runner = await startRunner({
      plugins: P.all,
      address: `unix:${join(dir, 'r.sock')}`,
      callTimeoutMs: 300,
      logger: createLogger('silent'),
      metrics: '127.0.0.1:0',
    });
    sim = await GatewaySimulator.connect(runner.address);
  });
  afterAll(async () => {
    await sim.close();
    await runner.close();
  });

  it('serves prom-client text at /metrics only', async () => {
    expect(runner.metricsAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    const r = await scrape(runner.metricsAddress!);
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/plain; version=0.0.4');
    expect(r.body).toContain('# HELP a6kit_calls_total');
    expect(r.body).toContain('# TYPE a6kit_plugin_filter_duration_seconds histogram');
    // prom-client's defaults, event-loop lag among them.
    expect(samples(r.body).value('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(samples(r.body).value('process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts calls, filters, errors, deadlines, refused confs, ExtraInfo and refused frames exactly', async () => {
    for (let i = 0; i < 3; i++)
      expect(await sim.request([{ name: 'stop', conf: { body: 'x' } }])).toMatchObject({ kind: 'response' });
    for (let i = 0; i < 2; i++)
      expect(await sim.request([{ name: 'rewrite', conf: { set: { a: 'b' } } }])).toMatchObject({ kind: 'upstream' });
    for (let i = 0; i < 4; i++)
      expect(await sim.request([{ name: 'noop', conf: {} }])).toMatchObject({ kind: 'upstream' });
    // A chain of two: noop then stop, both timed.
    expect(
      await sim.request([
        { name: 'noop', conf: {} },
        { name: 'stop', conf: {} },
      ]),
    ).toMatchObject({ kind: 'response' });
    expect(await sim.request([{ name: 'throws', conf: {} }])).toMatchObject({
      kind: 'error',
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(await sim.request([{ name: 'throws', conf: { async: true } }])).toMatchObject({
      kind: 'error',
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(await sim.request([{ name: 'hang', conf: {} }])).toMatchObject({
      kind: 'error',
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(await sim.request([{ name: 'strict', conf: { n: 'not a number' } }])).toMatchObject({
      kind: 'error',
      code: 'BAD_REQUEST',
    });
    expect(await sim.request([{ name: 'no-such-plugin', conf: {} }])).toMatchObject({
      kind: 'error',
      code: 'BAD_REQUEST',
    });
    expect(
      await sim.request([{ name: 'inspect', conf: { vars: ['a', 'b'], body: true } }], {
        vars: { a: '1', b: '2' },
        body: 'hi',
      }),
    ).toMatchObject({ kind: 'response' });
    expect(await sim.response([{ name: 'resp', conf: { status: 201 } }], { status: 200 })).toMatchObject({
      status: 201,
    });
    expect(await sim.response([{ name: 'resp', conf: { var: 'a' } }], { status: 200, vars: { a: '1' } })).toMatchObject(
      { status: 200 },
    );
    expect(await sim.response([{ name: 'resp', conf: {} }], { status: 200 })).toMatchObject({ status: 200 });
    expect(await sim.response([{ name: 'throws', conf: {} }], { status: 200 })).toMatchObject({ kind: 'error' });

    // What APISIX never sends: an unknown token, an undecodable call, an unknown type, a frame out of turn.
    const raw = await RawClient.open(runner.address);
    const [t1, p1] = await raw.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: 0x7fff_fff1 }));
    expect([t1, errCode(p1)]).toEqual([RPC_ERROR, Err.Code.CONF_TOKEN_NOT_FOUND]);
    const [t2, p2] = await raw.exchange(RPC_HTTP_REQ_CALL, new Uint8Array([1, 2, 3]));
    expect([t2, errCode(p2)]).toEqual([RPC_ERROR, Err.Code.BAD_REQUEST]);
    const [t3, p3] = await raw.exchange(9, new Uint8Array(8));
    expect([t3, errCode(p3)]).toEqual([RPC_ERROR, Err.Code.BAD_REQUEST]);
    const [, tok] = await raw.exchange(RPC_PREPARE_CONF, prepareConf('raw-hang', [{ name: 'hang', value: '' }]));
    raw.send(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(tok) }));
    raw.send(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(tok) })); // out of turn: the connection is closed
    await raw.whenClosed();

    const { value } = samples((await scrape(runner.metricsAddress!)).body);
    const calls = (phase: string, outcome: string) => value('a6kit_calls_total', { phase, outcome });
    expect(calls('request', 'stop')).toBe(3 + 1 + 1);
    expect(calls('request', 'rewrite')).toBe(2);
    expect(calls('request', 'no_action')).toBe(4);
    expect(calls('request', 'service_unavailable')).toBe(3);
    expect(calls('request', 'conf_token_not_found')).toBe(1);
    expect(calls('request', 'bad_request')).toBe(1);
    expect(calls('response', 'rewrite')).toBe(2); // the status, and x-var set
    expect(calls('response', 'no_action')).toBe(1);
    expect(calls('response', 'service_unavailable')).toBe(1);
    expect(calls('response', 'stop')).toBe(0);

    const count = (plugin: string, phase = 'request') =>
      value('a6kit_plugin_filter_duration_seconds_count', { plugin, phase });
    expect(count('stop')).toBe(4);
    expect(count('rewrite')).toBe(2);
    expect(count('noop')).toBe(5);
    expect(count('throws')).toBe(2);
    expect(count('inspect')).toBe(1);
    expect(count('hang')).toBe(0); // never settled: counted as a deadline, not timed
    expect(count('resp', 'response')).toBe(3);
    expect(count('throws', 'response')).toBe(1);
    expect(value('a6kit_plugin_filter_duration_seconds_bucket', { plugin: 'stop', phase: 'request', le: '+Inf' })).toBe(
      4,
    );
    expect(value('a6kit_plugin_filter_duration_seconds_sum', { plugin: 'stop', phase: 'request' })).toBeGreaterThan(0);

    const errors = (plugin: string, phase: string, kind: string) =>
      value('a6kit_plugin_errors_total', { plugin, phase, kind });
    expect(errors('throws', 'request', 'throw')).toBe(2);
    expect(errors('throws', 'response', 'throw')).toBe(1);
    expect(errors('hang', 'request', 'deadline')).toBe(1);
    expect(errors('hang', 'request', 'throw')).toBe(0);
    expect(errors('stop', 'request', 'throw')).toBe(0);

    // One PrepareConf per distinct conf list through the simulator, plus the raw one.
    expect(value('a6kit_prepare_conf_total', { outcome: 'invalid_conf' })).toBe(1);
    expect(value('a6kit_prepare_conf_total', { outcome: 'unknown_plugin' })).toBe(1);
    expect(value('a6kit_prepare_conf_total', { outcome: 'accepted' })).toBe(sim.prepareCount - 2 + 1);
    expect(value('a6kit_prepare_conf_total', { outcome: 'failed' })).toBe(0);
    expect(value('a6kit_conf_tokens')).toBe(sim.prepareCount - 2 + 1);
    expect(value('a6kit_conf_evictions_total')).toBe(0);

    expect(value('a6kit_extra_info_duration_seconds_count', { kind: 'var' })).toBe(3); // asked twice, sent once each
    expect(value('a6kit_extra_info_duration_seconds_count', { kind: 'req_body' })).toBe(1);
    expect(value('a6kit_extra_info_duration_seconds_count', { kind: 'resp_body' })).toBe(0);

    expect(value('a6kit_frames_refused_total', { reason: 'malformed' })).toBe(1);
    expect(value('a6kit_frames_refused_total', { reason: 'unknown_type' })).toBe(1);
    expect(value('a6kit_frames_refused_total', { reason: 'out_of_turn' })).toBe(1);
    expect(value('a6kit_frames_refused_total', { reason: 'buffer_budget' })).toBe(0);
    expect(value('a6kit_connections')).toBe(runner.connections);
  });

  it('has no label but registered plugin names: a conf naming another plugin adds no series', async () => {
    await sim.request([{ name: 'made-up-by-a-peer', conf: {} }]);
    const { rows } = samples((await scrape(runner.metricsAddress!)).body);
    const plugins = new Set(rows.filter((r) => r.labels.plugin !== undefined).map((r) => r.labels.plugin));
    expect([...plugins].sort()).toEqual(P.all.map((p) => p.name).sort());
    expect(rows.some((r) => JSON.stringify(r.labels).includes('made-up'))).toBe(false);
  });

  it('answers 404 off /metrics', async () => {
    const a = parseMetricsAddress(runner.metricsAddress!) as { host: string; port: number };
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: a.host, port: a.port, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(404);
  });
});

describe('metrics of the limits', () => {
  it('counts frames over the buffer budget, frames past their deadline and connections over the cap', async () => {
    const { dir } = tempDir();
    const runner = await startRunner({
      plugins: [P.stop],
      address: `unix:${join(dir, 'r.sock')}`,
      logger: createLogger('silent'),
      metrics: '127.0.0.1:0',
      limits: { maxBufferedBytes: 1024, frameTimeoutMs: 80, maxConnections: 2 },
    });
    try {
      const big = await RawClient.open(runner.address);
      big.write(Buffer.from([RPC_HTTP_REQ_CALL, 0, 8, 0])); // announces 2048 bytes: over the budget
      await big.whenClosed();
      const slow = await RawClient.open(runner.address);
      slow.write(Buffer.from([RPC_HTTP_REQ_CALL, 0, 0, 16, 1, 2])); // never completed
      await slow.whenClosed();
      const a = await RawClient.open(runner.address);
      const b = await RawClient.open(runner.address);
      await until(() => runner.connections === 2);
      const c = await RawClient.open(runner.address);
      await c.whenClosed();
      const { value } = samples((await scrape(runner.metricsAddress!)).body);
      expect(value('a6kit_frames_refused_total', { reason: 'buffer_budget' })).toBe(1);
      expect(value('a6kit_frames_refused_total', { reason: 'frame_timeout' })).toBe(1);
      expect(value('a6kit_connections_refused_total')).toBe(1);
      expect(value('a6kit_connections')).toBe(2);
      await a.close();
      await b.close();
    } finally {
      await runner.close();
    }
  });
});

describe('metrics of replies the runner cannot send', () => {
  /** Answers with a body of `size` bytes (its conf). */
  const sized = definePlugin({
    name: 'sized',
    parseConf: (raw) => (JSON.parse(raw) as { size: number }).size,
    requestFilter(size, _req, res) {
      res.respond(200, Buffer.alloc(size, 0x61));
    },
  });

  it("counts a reply over the protocol's frame limit and one over the output budget", async () => {
    const { dir } = tempDir();
    const runner = await startRunner({
      plugins: [sized],
      address: `unix:${join(dir, 'r.sock')}`,
      logger: createLogger('silent'),
      metrics: '127.0.0.1:0',
      limits: { maxOutputBytes: 1536 << 10 },
    });
    try {
      const setup = await RawClient.open(runner.address);
      const tokenFor = async (size: number) =>
        tokenOf(
          (
            await setup.exchange(
              RPC_PREPARE_CONF,
              prepareConf(`k${size}`, [{ name: 'sized', value: `{"size":${size}}` }]),
            )
          )[1],
        );
      const huge = await tokenFor(17 << 20); // over the 3-byte length: SERVICE_UNAVAILABLE
      // 1 MiB: the kernel takes a few hundred KiB of a reply nobody reads, the rest stays unsent; the
      // 1.5 MiB budget holds one such reply, not two.
      const big = await tokenFor(1 << 20);
      await setup.close();

      const c = await RawClient.open(runner.address);
      const [t, p] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: huge }));
      expect([t, errCode(p)]).toEqual([RPC_ERROR, Err.Code.SERVICE_UNAVAILABLE]);
      // The builder that grew to hold the refused reply is let go, not kept for the process's life.
      expect(replyBuilder().dataBuffer().capacity()).toBeLessThanOrEqual(1 << 20);
      await c.close();

      // A peer that does not read: its 1 MiB reply waits in the runner, so a second one is refused.
      const first = await RawClient.open(runner.address);
      first.sock.pause();
      first.send(RPC_HTTP_REQ_CALL, reqCall({ token: big }));
      // The reply is being written once its first bytes reach the paused socket's buffer.
      await until(() => first.sock.readableLength > 0);
      const second = await RawClient.open(runner.address);
      second.send(RPC_HTTP_REQ_CALL, reqCall({ token: big }));
      const [t2, p2] = await second.next();
      expect([t2, errCode(p2)]).toEqual([RPC_ERROR, Err.Code.SERVICE_UNAVAILABLE]);
      expect(replyBuilder().dataBuffer().capacity()).toBeLessThanOrEqual(1 << 20);

      const { value } = samples((await scrape(runner.metricsAddress!)).body);
      expect(value('a6kit_frames_refused_total', { reason: 'reply_too_large' })).toBe(1);
      expect(value('a6kit_frames_refused_total', { reason: 'output_budget' })).toBe(1);
      expect(value('a6kit_calls_total', { phase: 'request', outcome: 'service_unavailable' })).toBe(2);
      expect(value('a6kit_calls_total', { phase: 'request', outcome: 'stop' })).toBe(1);
      first.sock.resume();
      await first.close();
      await second.close();
    } finally {
      await runner.close();
    }
  });
});

describe('metrics address', () => {
  it('takes host:port, [v6]:port, :port and unix:/path; refuses the rest', () => {
    expect(parseMetricsAddress('127.0.0.1:9091')).toEqual({ host: '127.0.0.1', port: 9091 });
    expect(parseMetricsAddress('[::1]:9091')).toEqual({ host: '::1', port: 9091 });
    expect(parseMetricsAddress(':9091')).toEqual({ host: '0.0.0.0', port: 9091 });
    expect(parseMetricsAddress('unix:/run/m.sock')).toEqual({ path: '/run/m.sock' });
    expect(() => parseMetricsAddress('9091')).toThrow(/host:port/);
    expect(() => parseMetricsAddress('unix:rel.sock')).toThrow(/absolute/);
    expect(() => parseMetricsAddress('h:70000')).toThrow(/host:port/);
  });

  it('never removes a file that is not a socket at a unix metrics address', async () => {
    const { dir } = tempDir();
    const file = join(dir, 'metrics.sock');
    writeFileSync(file, 'keep me');
    await expect(
      startRunner({
        plugins: [P.stop],
        address: `unix:${join(dir, 'r.sock')}`,
        logger: createLogger('silent'),
        metrics: `unix:${file}`,
      }),
    ).rejects.toThrow(/not a socket/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(existsSync(join(dir, 'r.sock'))).toBe(false);
  });

  it('is off by default: no endpoint', async () => {
    const { dir } = tempDir();
    const r = await startRunner({
      plugins: [P.stop],
      address: `unix:${join(dir, 'r.sock')}`,
      logger: createLogger('silent'),
    });
    expect(r.metricsAddress).toBeUndefined();
    await r.close();
  });
});

const fixture = fileURLToPath(new URL('./fixtures/runner.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
});

describe('metrics, --workers 2 (a real process)', () => {
  it('the primary serves the sum over its workers', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const sock = join(dir, 'r.sock');
      const metricsSock = join(dir, 'metrics.sock');
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, 'run', '--workers', '2'], {
        env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${sock}`, A6KIT_METRICS: `unix:${metricsSock}` },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await until(() => out.includes('runner listening (multi-process)'), 30_000);
      expect(out).toContain(`"metrics":"unix:${metricsSock}"`);

      // Many fresh connections at once, so that the kernel hands some to each worker.
      const prep = await RawClient.open(sock);
      const token = tokenOf(
        (await prep.exchange(RPC_PREPARE_CONF, prepareConf('multi', [{ name: 'pid', value: '' }])))[1],
      );
      await prep.close();
      const pids = new Set<string>();
      const rounds = 4;
      for (let round = 0; round < rounds; round++) {
        const clients = await Promise.all(Array.from({ length: 32 }, () => RawClient.open(sock)));
        const replies = await Promise.all(
          clients.map((c, i) => c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token, id: i }))),
        );
        for (const [type, payload] of replies) {
          expect(type).toBe(RPC_HTTP_REQ_CALL);
          const stop = decodeReqCallResp(payload).action(new HTTPReqCall.Stop()) as HTTPReqCall.Stop;
          pids.add(Buffer.from(stop.bodyArray()!).toString());
        }
        await Promise.all(clients.map((c) => c.close()));
      }
      expect(pids.size).toBe(2); // both workers served calls: the figures below are their sum
      const pidCalls = rounds * 32;
      const sim = await GatewaySimulator.connect(sock);
      for (let i = 0; i < 5; i++) await sim.request([{ name: 'stop', conf: { body: 'x' } }]);
      expect(await sim.request([{ name: 'nope', conf: {} }])).toMatchObject({ kind: 'error', code: 'BAD_REQUEST' });
      const raw = await RawClient.open(sock);
      const [t, p] = await raw.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: 0x7fff_fff1 }));
      expect([t, errCode(p)]).toEqual([RPC_ERROR, Err.Code.CONF_TOKEN_NOT_FOUND]);
      await raw.close();

      const { value } = samples((await scrape(`unix:${metricsSock}`)).body);
      expect(value('a6kit_calls_total', { phase: 'request', outcome: 'stop' })).toBe(pidCalls + 5);
      expect(value('a6kit_calls_total', { phase: 'request', outcome: 'conf_token_not_found' })).toBe(1);
      expect(value('a6kit_plugin_filter_duration_seconds_count', { plugin: 'stop', phase: 'request' })).toBe(5);
      expect(value('a6kit_plugin_filter_duration_seconds_count', { plugin: 'pid', phase: 'request' })).toBe(pidCalls);
      expect(value('a6kit_prepare_conf_total', { outcome: 'unknown_plugin' })).toBe(1);
      // Two conf lists accepted ('multi' and the stop route): the primary's table holds their tokens (workers' caches are not counted).
      expect(value('a6kit_conf_tokens')).toBe(2);
      expect(value('a6kit_conf_evictions_total')).toBe(0);
      expect(value('a6kit_prepare_conf_total', { outcome: 'accepted' })).toBe(1 + sim.prepareCount - 1);
      expect(value('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      await sim.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    } finally {
      cleanup();
    }
  }, 60_000);
});

describe('process metrics', () => {
  it("are prom-client's defaults but its GC observer, which costs a call 5-10 % on Node 20", async () => {
    const { collectDefaultMetrics } = await import('prom-client');
    const { PROCESS_COLLECTORS, LEFT_OUT } = await import('../../runtime/process-collectors.js');
    // A prom-client upgrade that adds or renames a default collector shows up here.
    expect([...Object.keys(PROCESS_COLLECTORS), ...LEFT_OUT].sort()).toEqual(
      [...collectDefaultMetrics.metricsList].sort(),
    );
    const { processRegistry } = await import('../../runtime/metrics.js');
    const text = await processRegistry().metrics();
    expect(text).not.toContain('nodejs_gc_duration_seconds');
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'process_open_fds',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_space_size_used_bytes',
      'nodejs_active_handles_total',
      'nodejs_version_info',
    ])
      expect(text).toContain(`# TYPE ${name} `);
  });

  it('are collected once per process, whatever the number of runners in it', async () => {
    const { processRegistry } = await import('../../runtime/metrics.js');
    const a = processRegistry();
    const b = processRegistry();
    const lagA = a.getSingleMetric('nodejs_eventloop_lag_seconds');
    expect(lagA).toBeDefined();
    // The same collector object, not a second event-loop monitor per runner.
    expect(b.getSingleMetric('nodejs_eventloop_lag_seconds')).toBe(lagA);
    expect(b.getSingleMetric('process_cpu_seconds_total')).toBe(a.getSingleMetric('process_cpu_seconds_total'));
    // Each runner's registry still scrapes them, besides its own metrics.
    expect(await b.metrics()).toContain('nodejs_eventloop_lag_seconds');
  });
});
