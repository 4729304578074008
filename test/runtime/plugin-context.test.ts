/**
 * The plugin context (`req.log`, `req.signal`, `res.log`, `res.signal`) and the phase check at
 * PrepareConf, over a real unix socket the way APISIX drives the runner.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CallCancelled, definePlugin, type AnyPlugin, type CallContext } from '../../runtime/plugin.js';
import { startRunner } from '../../runtime/server.js';
import { GatewaySimulator } from '../../runtime/testkit/simulator.js';
import { expectKind, startTestRunner } from '../../runtime/testkit/index.js';
import { createLogger } from '../../runtime/logger.js';
import { buildChain, ConfRejected, makeRegistry } from '../../runtime/chain.js';
import { formatPluginList } from '../../runtime/describe.js';

/** A logger whose JSON lines are kept for the test to read. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}

/** Resolves once with what the plugin saw when its signal was aborted. */
function watcher() {
  let seen!: (v: { aborted: boolean; reason: unknown }) => void;
  const aborted = new Promise<{ aborted: boolean; reason: unknown }>((r) => (seen = r));
  let started!: () => void;
  const running = new Promise<void>((r) => (started = r));
  return { aborted, running, started, seen };
}

/** A plugin that waits on a fetch-like promise that only the signal can end. */
function hanging(w: ReturnType<typeof watcher>): AnyPlugin {
  const wait = async (ctx: CallContext) => {
    w.started();
    try {
      await new Promise((_resolve, reject) =>
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error)),
      );
    } finally {
      w.seen({ aborted: ctx.signal.aborted, reason: ctx.signal.reason });
    }
  };
  return definePlugin({
    name: 'hang',
    parseConf: () => ({}),
    requestFilter: (_c, req) => wait(req),
    responseFilter: (_c, res) => wait(res),
  });
}

describe('the plugin logger', () => {
  it('writes into the runner JSON log with plugin, request id and conf key, in both filters', async () => {
    const { logger, lines } = capturedLogger();
    const plugin = definePlugin({
      name: 'talker',
      parseConf: () => ({}),
      requestFilter(_c, req) {
        req.log.info({ seen: req.path }, 'hello from the request');
      },
      responseFilter(_c, res) {
        res.log.warn({ status: res.status }, 'hello from the response');
      },
    });
    const t = await startTestRunner([plugin], { logger });
    try {
      expectKind(await t.simulator.request([{ name: 'talker', value: '{}' }], { path: '/x' }), 'upstream');
      expectKind(await t.simulator.response([{ name: 'talker', value: '{}' }], { status: 201 }), 'response');
    } finally {
      await t.close();
    }
    const req = lines.find((l) => l.msg === 'hello from the request');
    expect(req).toMatchObject({
      level: 'info',
      name: 'a6kit',
      plugin: 'talker',
      seen: '/x',
      key: expect.stringMatching(/#ext-plugin-pre-req#/) as unknown,
    });
    expect(typeof req?.requestId).toBe('number');
    const res = lines.find((l) => l.msg === 'hello from the response');
    expect(res).toMatchObject({
      level: 'warn',
      plugin: 'talker',
      status: 201,
      key: expect.stringMatching(/#ext-plugin-post-resp#/) as unknown,
    });
    expect(typeof res?.requestId).toBe('number');
  });

  it('names the plugin that logs, each in its turn along the chain', async () => {
    const { logger, lines } = capturedLogger();
    const named = (name: string) =>
      definePlugin({
        name,
        parseConf: () => ({}),
        async requestFilter(_c, req) {
          await Promise.resolve();
          req.log.info('turn');
        },
      });
    const t = await startTestRunner([named('first'), named('second')], { logger });
    try {
      const chain = [
        { name: 'first', value: '{}' },
        { name: 'second', value: '{}' },
      ];
      expectKind(await t.simulator.request(chain), 'upstream');
    } finally {
      await t.close();
    }
    expect(lines.filter((l) => l.msg === 'turn').map((l) => l.plugin)).toEqual(['first', 'second']);
  });

  it('shows in a failed test outcome: the test kit keeps the plugin lines of the call', async () => {
    const plugin = definePlugin({
      name: 'explains',
      parseConf: () => ({}),
      requestFilter(_c, req) {
        req.log.warn({ header: 'x-token' }, 'token missing');
        throw new Error('no token');
      },
    });
    const t = await startTestRunner([plugin]);
    try {
      const e = expectKind(await t.simulator.request([{ name: 'explains', value: '{}' }]), 'error');
      expect(e.reason.logs.some((l) => l.msg === 'token missing' && l.plugin === 'explains')).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('the call signal', () => {
  let upstream: Server;
  let url: string;
  beforeAll(async () => {
    // An upstream that never answers: only the signal ends a fetch to it.
    upstream = createServer(() => {});
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const addr = upstream.address() as { port: number };
    url = `http://127.0.0.1:${addr.port}/slow`;
  });
  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((r) => upstream.close(r));
  });

  it('is aborted at the call deadline: a fetch given the signal rejects with the deadline reason', async () => {
    let caught: unknown;
    const plugin = definePlugin({
      name: 'fetcher',
      parseConf: () => ({}),
      async requestFilter(_c, req) {
        try {
          await fetch(url, { signal: req.signal });
        } catch (err) {
          caught = err;
          throw err;
        }
      },
    });
    const t = await startTestRunner([plugin], { callTimeoutMs: 100 });
    try {
      const started = performance.now();
      const e = expectKind(await t.simulator.request([{ name: 'fetcher', value: '{}' }]), 'error');
      expect(e.code).toBe('SERVICE_UNAVAILABLE');
      await vi.waitFor(() => expect(caught).toBeDefined());
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      await t.close();
    }
    expect(caught).toBeInstanceOf(CallCancelled);
    expect(caught).toMatchObject({
      why: 'deadline',
      name: 'TimeoutError',
      message: 'the call missed its deadline of 100 ms',
    });
  });

  it('is aborted at the call deadline in the response phase too', async () => {
    const w = watcher();
    const t = await startTestRunner([hanging(w)], { callTimeoutMs: 80 });
    try {
      expectKind(await t.simulator.response([{ name: 'hang', value: '{}' }], {}), 'error');
      const seen = await w.aborted;
      expect(seen.aborted).toBe(true);
      expect(seen.reason).toMatchObject({ why: 'deadline' });
    } finally {
      await t.close();
    }
  });

  it('is aborted at shutdown when the grace period ends with the call still in flight', async () => {
    const w = watcher();
    const dir = await mkdtemp(join(tmpdir(), 'a6kit-ctx-'));
    const runner = await startRunner({
      plugins: [hanging(w)],
      address: `unix:${join(dir, 'r.sock')}`,
      logLevel: 'silent',
      shutdownGraceMs: 100,
    });
    const sim = await GatewaySimulator.connect(runner.address);
    try {
      const outcome = sim.request([{ name: 'hang', value: '{}' }]).catch((err: unknown) => err);
      await w.running;
      await runner.close(); // what SIGTERM does (main.ts)
      const seen = await w.aborted;
      expect(seen.aborted).toBe(true);
      expect(seen.reason).toBeInstanceOf(CallCancelled);
      expect(seen.reason).toMatchObject({ why: 'shutdown', name: 'AbortError' });
      await outcome;
    } finally {
      await sim.close();
      await runner.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is aborted at shutdown in a runner process on SIGTERM, as APISIX stops it', async () => {
    const { dir, cleanup } = tempDir();
    const fixture = fileURLToPath(new URL('./fixtures/runner.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, 'run'], {
      env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${join(dir, 'r.sock')}`, APISIX_CONF_EXPIRE_TIME: '3600' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: Record<string, unknown>[] = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const p of parts) if (p.startsWith('{')) lines.push(JSON.parse(p) as Record<string, unknown>);
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      await vi.waitFor(() => expect(lines.some((l) => l.msg === 'runner listening')).toBe(true), {
        timeout: 30_000,
        interval: 50,
      });
      const sim = await GatewaySimulator.connect(`unix:${join(dir, 'r.sock')}`);
      const outcome = sim.request([{ name: 'hang', value: '{}' }]).catch((err: unknown) => err);
      await vi.waitFor(() => expect(lines.some((l) => l.msg === 'waiting')).toBe(true), {
        timeout: 5000,
        interval: 20,
      });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await outcome;
      await sim.close();
      expect(lines.find((l) => l.msg === 'signal aborted')).toMatchObject({
        plugin: 'hang',
        why: 'shutdown',
        key: expect.stringContaining('#ext-plugin-pre-req#') as unknown,
      });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      cleanup();
    }
  });

  it('is aborted when the gateway closes the connection mid-call', async () => {
    const w = watcher();
    const t = await startTestRunner([hanging(w)]);
    const outcome = t.simulator.request([{ name: 'hang', value: '{}' }]).catch((err: unknown) => err);
    await w.running;
    await t.close();
    const seen = await w.aborted;
    expect(seen.reason).toMatchObject({ why: 'disconnected', name: 'AbortError' });
    await outcome;
  });

  it('is never aborted when the call ends normally, and a late look at it still works', async () => {
    let signal: AbortSignal | undefined;
    const plugin = definePlugin({
      name: 'keeps',
      parseConf: () => ({}),
      requestFilter(_c, req) {
        signal = req.signal;
      },
    });
    const t = await startTestRunner([plugin]);
    try {
      expectKind(await t.simulator.request([{ name: 'keeps', value: '{}' }]), 'upstream');
      await new Promise((r) => setTimeout(r, 20));
      expect(signal?.aborted).toBe(false);
    } finally {
      await t.close();
    }
  });
});

describe('cost: nothing is made for a call that does not use the context', () => {
  let made = 0;
  afterEach(() => vi.unstubAllGlobals());

  it('makes no AbortController and no child logger until a plugin touches them', async () => {
    const Real = globalThis.AbortController;
    vi.stubGlobal(
      'AbortController',
      class extends Real {
        constructor() {
          super();
          made++;
        }
      },
    );
    const { logger } = capturedLogger();
    const child = vi.spyOn(logger, 'child');
    let touch = false;
    const plugin = definePlugin({
      name: 'maybe',
      parseConf: () => ({}),
      requestFilter(_c, req) {
        if (touch) {
          void req.signal;
          req.log.debug('touched');
        }
      },
    });
    const t = await startTestRunner([plugin], { logger });
    try {
      const route = [{ name: 'maybe', value: '{}' }];
      for (let i = 0; i < 200; i++) expectKind(await t.simulator.request(route), 'upstream');
      expect({ made, child: child.mock.calls.length }).toEqual({ made: 0, child: 0 });
      touch = true;
      for (let i = 0; i < 3; i++) expectKind(await t.simulator.request(route), 'upstream');
      expect({ made, child: child.mock.calls.length }).toEqual({ made: 3, child: 3 });
    } finally {
      await t.close();
    }
  });
});

describe('phase awareness at PrepareConf', () => {
  const requestOnly = definePlugin({
    name: 'auth',
    parseConf: () => ({}),
    requestFilter() {
      // Acts in the request phases only: that is all this test needs of it.
    },
  });
  const responseOnly = definePlugin({
    name: 'tag-response',
    parseConf: () => ({}),
    responseFilter() {
      // Acts in the response phase only.
    },
  });

  it('refuses a request-only plugin configured in ext-plugin-post-resp, saying why', async () => {
    const t = await startTestRunner([requestOnly]);
    try {
      const e = expectKind(await t.simulator.response([{ name: 'auth', value: '{}' }], {}), 'error');
      expect(e.code).toBe('BAD_REQUEST');
      expect(e.reason).toMatchObject({ step: 'PrepareConf', plugin: 'auth' });
      expect(e.reason.message).toContain('cannot act in ext-plugin-post-resp');
      expect(e.reason.message).toContain("declare phases: ['ext-plugin-post-resp']");
      // The same plugin in a request phase is served.
      expectKind(await t.simulator.request([{ name: 'auth', value: '{}' }]), 'upstream');
    } finally {
      await t.close();
    }
  });

  it('refuses a response-only plugin configured in a request phase', async () => {
    const t = await startTestRunner([responseOnly]);
    try {
      const e = expectKind(await t.simulator.request([{ name: 'tag-response', value: '{}' }]), 'error');
      expect(e.reason.message).toContain('cannot act in ext-plugin-pre-req: it acts in ext-plugin-post-resp');
    } finally {
      await t.close();
    }
  });

  it('accepts the plugin in a phase it declares, and lists that phase', async () => {
    const declared = definePlugin({ ...requestOnly, phases: ['ext-plugin-pre-req', 'ext-plugin-post-resp'] });
    const t = await startTestRunner([declared]);
    try {
      expectKind(await t.simulator.response([{ name: 'auth', value: '{}' }], { status: 204 }), 'response');
    } finally {
      await t.close();
    }
    expect(formatPluginList([declared])).toContain('auth  ext-plugin-pre-req, ext-plugin-post-resp');
  });

  it('skips the entry with --skip-invalid-conf, and does not judge a key that names no phase', () => {
    const registry = makeRegistry([requestOnly, responseOnly]);
    const entries = [
      { name: 'auth', value: '{}' },
      { name: 'tag-response', value: '{}' },
    ];
    const skipped: ConfRejected[] = [];
    const chain = buildChain(registry, 'route#7#ext-plugin-post-resp#2', entries, true, (e) => skipped.push(e));
    expect(chain.links.map((l) => l.plugin.name)).toEqual(['tag-response']);
    expect(skipped.map((e) => e.plugin)).toEqual(['auth']);
    expect(() => buildChain(registry, 'route#7#ext-plugin-post-resp#2', entries, false, () => {})).toThrow(
      ConfRejected,
    );
    expect(buildChain(registry, 'some-other-tool', entries, false, () => {}).links).toHaveLength(2);
    // The phase is read by position: a route whose id reads like a phase is judged by its real phase.
    expect(
      buildChain(registry, 'route#ext-plugin-post-resp#ext-plugin-pre-req#5', entries.slice(0, 1), false, () => {})
        .links,
    ).toHaveLength(1);
    expect(buildChain(registry, 'ext-plugin-post-resp', entries, false, () => {}).links).toHaveLength(2);
  });

  it('refuses to register a plugin that declares an unknown phase', () => {
    expect(() => makeRegistry([{ ...requestOnly, phases: ['access' as never] }])).toThrow(/declares invalid phases/);
  });
});
