/**
 * The runner as a process, started the way APISIX starts it: env-configured, logs on stdout,
 * SIGTERM then SIGKILL one second later; and multi-process mode.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GatewaySimulator } from '../../runtime/testkit/index.js';
import { RPC_ERROR, RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF } from '../../runtime/frame.js';
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

const fixture = fileURLToPath(new URL('./fixtures/runner.ts', import.meta.url));

interface Started {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  // A failed assertion must not leave a runner (and its workers) behind.
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
});

async function start(sock: string, args: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, 'run', ...args], {
    env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${sock}`, APISIX_CONF_EXPIRE_TIME: '3600' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const lines: string[] = [];
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr.on('data', (d: Buffer) => lines.push(`STDERR ${d.toString()}`));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  await until(() => lines.some((l) => l.includes('runner listening')), 30_000);
  return { child, lines, exited };
}

/** What APISIX does on shutdown: SIGTERM, then SIGKILL after one second. */
function terminateLikeApisix(child: ChildProcess): void {
  child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), 1000);
  child.once('exit', () => clearTimeout(kill));
}

describe('runner process', () => {
  it('logs JSON lines, finishes the call in flight on SIGTERM, removes its socket and exits 0 before APISIX kills it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const sock = join(dir, 'run', 'r.sock');
      const r = await start(sock);
      const sim = await GatewaySimulator.connect(sock);
      expect(await sim.request([{ name: 'stop', conf: { body: 'up' } }])).toMatchObject({ body: 'up' });
      const inFlight = sim.request([{ name: 'slow', conf: { ms: 300 } }]);
      await new Promise((res) => setTimeout(res, 100));
      terminateLikeApisix(r.child);
      expect(await inFlight).toMatchObject({ kind: 'response', body: 'slow done' });
      expect(await r.exited).toEqual({ code: 0, signal: null });
      expect(existsSync(sock)).toBe(false);
      await sim.close();
      const logged = r.lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { msg: string; level: string });
      expect(logged.map((l) => l.msg)).toEqual(expect.arrayContaining(['runner listening', 'shutting down']));
    } finally {
      cleanup();
    }
  });

  it('a SIGTERM that arrives while the runner is still starting still exits 0 and removes the socket', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const sock = join(dir, 'early.sock');
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, 'run'], {
        env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${sock}` },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      started.push(child);
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
        child.once('exit', (code, signal) => r({ code, signal })),
      );
      // APISIX may stop the runner at any time: send SIGTERM the moment the socket file appears,
      // before start-up has finished.
      await until(() => existsSync(sock), 30_000, 1);
      terminateLikeApisix(child);
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(existsSync(sock)).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('multi-process: a token prepared on one worker is valid on every worker; SIGTERM stops them all', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const sock = join(dir, 'r.sock');
      const r = await start(sock, ['--workers', '2']);
      // Each worker reads its connections through one shared buffer, as a single runner does.
      await until(() => r.lines.filter((l) => l.includes('"worker listening"')).length === 2, 30_000);
      for (const l of r.lines.filter((l) => l.includes('"worker listening"')))
        expect(JSON.parse(l)).toMatchObject({ sharedReads: true });
      const prep = await RawClient.open(sock);
      const [, p] = await prep.exchange(RPC_PREPARE_CONF, prepareConf('multi', [{ name: 'pid', value: '' }]));
      const token = tokenOf(p);
      // Many fresh connections right away: some land on the worker that never saw the token.
      const pids = new Set<string>();
      for (let round = 0; round < 4; round++) {
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
      expect(pids.size).toBe(2);
      // Unknown tokens are still unknown after asking the primary; bad confs are refused by workers.
      const [t1, p1] = await prep.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: (token ^ 0x5a5a5a5a) >>> 0 || 1 }));
      expect([t1, errCode(p1)]).toEqual([RPC_ERROR, Err.Code.CONF_TOKEN_NOT_FOUND]);
      const [t2, p2] = await prep.exchange(RPC_PREPARE_CONF, prepareConf('bad', [{ name: 'missing', value: '' }]));
      expect([t2, errCode(p2)]).toEqual([RPC_ERROR, Err.Code.BAD_REQUEST]);
      // The same key and conf, prepared again on any worker, keeps its token.
      const again = await RawClient.open(sock);
      const [, p3] = await again.exchange(RPC_PREPARE_CONF, prepareConf('multi', [{ name: 'pid', value: '' }]));
      expect(tokenOf(p3)).toBe(token);
      await again.close();
      await prep.close();
      terminateLikeApisix(r.child);
      expect(await r.exited).toEqual({ code: 0, signal: null });
      expect(existsSync(sock)).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('multi-process: the primary bounds the token table; an evicted token is unknown on every worker, the latest are valid', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const sock = join(dir, 'r.sock');
      const r = await start(sock, ['--workers', '2', '--max-confs', '20']);
      const prep = await RawClient.open(sock);
      const tokens: number[] = [];
      for (let i = 0; i < 100; i++) {
        const [t, p] = await prep.exchange(
          RPC_PREPARE_CONF,
          prepareConf(`route-${i}`, [{ name: 'pid', value: String(i) }]),
        );
        expect(t).toBe(RPC_PREPARE_CONF);
        tokens.push(tokenOf(p));
      }
      // Fresh connections land on both workers; the worker that prepared a token has it cached,
      // the other one asks the primary, which has evicted the oldest.
      for (let round = 0; round < 3; round++) {
        const clients = await Promise.all(Array.from({ length: 16 }, () => RawClient.open(sock)));
        const latest = await Promise.all(
          clients.map((c, i) => c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokens[99 - (i % 10)]! }))),
        );
        for (const [type] of latest) expect(type).toBe(RPC_HTTP_REQ_CALL);
        const oldest = await Promise.all(
          clients.map((c) => c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokens[0]! }))),
        );
        for (const [type, payload] of oldest)
          expect([type, errCode(payload)]).toEqual([RPC_ERROR, Err.Code.CONF_TOKEN_NOT_FOUND]);
        await Promise.all(clients.map((c) => c.close()));
      }
      await prep.close();
      terminateLikeApisix(r.child);
      expect(await r.exited).toEqual({ code: 0, signal: null });
    } finally {
      cleanup();
    }
  });

  it('takes its limits from flags and env: --frame-timeout, A6KIT_IDLE_TIMEOUT_MS', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const sock = join(dir, 'r.sock');
      process.env.A6KIT_IDLE_TIMEOUT_MS = '700';
      let r: Started;
      try {
        r = await start(sock, ['--frame-timeout', '300']);
      } finally {
        delete process.env.A6KIT_IDLE_TIMEOUT_MS;
      }
      const t0 = Date.now();
      const half = await RawClient.open(sock);
      half.write(Uint8Array.from([RPC_PREPARE_CONF, 0]));
      const idle = await RawClient.open(sock);
      await half.whenClosed();
      const halfMs = Date.now() - t0;
      await idle.whenClosed();
      const idleMs = Date.now() - t0;
      expect(halfMs).toBeLessThan(idleMs);
      expect(halfMs).toBeLessThan(1500);
      expect(idleMs).toBeGreaterThanOrEqual(600);
      expect(idleMs).toBeLessThan(3000);
      terminateLikeApisix(r.child);
      expect(await r.exited).toEqual({ code: 0, signal: null });
    } finally {
      cleanup();
    }
  });
});
