/**
 * The socket file against a local attacker and across an APISIX reload: it never exists at its
 * path with a wider mode than asked (even under umask 000), a new runner takes the path over
 * while the old one drains, and the old one's exit leaves the new socket alone. `a6kit dev`
 * refuses a live socket and names the process holding it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, readdir, utimes } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startRunner } from '../../runtime/server.js';
import { createLogger } from '../../runtime/logger.js';
import { listeningInodes, SocketInUseError } from '../../runtime/socket-file.js';
import { startDev } from '../../project/dev.js';
import { RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF } from '../../runtime/frame.js';
import {
  decodeReqCallResp,
  HTTPReqCall,
  prepareConf,
  RawClient,
  reqCall,
  tempDir,
  tokenOf,
  until,
} from '../runtime/helpers.js';

const fixture = fileURLToPath(new URL('../runtime/fixtures/runner.ts', import.meta.url));
const silent = createLogger('silent');
const started: ChildProcess[] = [];
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

interface Runner {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the fixture runner as APISIX does (`run`, APISIX_LISTEN_ADDRESS), optionally under umask 000. */
async function startProcess(sock: string, env: Record<string, string> = {}, umask000 = false): Promise<Runner> {
  const argv = ['--import', 'tsx', fixture, 'run'];
  const child = umask000
    ? spawn('/bin/sh', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, ...argv], {
        env: { ...process.env, ...env, APISIX_LISTEN_ADDRESS: `unix:${sock}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, argv, {
        env: { ...process.env, ...env, APISIX_LISTEN_ADDRESS: `unix:${sock}` },
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
  await until(() => lines.some((l) => l.includes('runner listening')) || child.exitCode !== null, 30_000);
  if (child.exitCode !== null) throw new Error(`runner exited: ${lines.join('\n')}`);
  return { child, lines, exited };
}

/**
 * Watches `dir` from another thread as fast as it can while the main thread (or a child process)
 * starts runners: every mode the socket at `name` was seen with, and the modes of the private
 * directories sockets are bound in. As root (CI) permissions are not enforced, so what an
 * attacker could do is judged from the modes seen.
 */
async function observe(
  dir: string,
  name: string,
): Promise<{ stop(): Promise<{ socketModes: number[]; privateDirModes: number[]; looks: number }> }> {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { lstatSync, readdirSync } = require('node:fs');
     const { workerData, parentPort } = require('node:worker_threads');
     const { dir, name, flag } = workerData;
     const target = dir + '/' + name;
     const socketModes = new Set(), privateDirModes = new Set();
     let looks = 0;
     parentPort.postMessage('ready');
     while (Atomics.load(flag, 0) === 0) {
       looks++;
       const st = lstatSync(target, { throwIfNoEntry: false });
       if (st && st.isSocket()) socketModes.add(st.mode & 0o7777);
       if (looks % 16 === 0) {
         for (const n of readdirSync(dir)) {
           if (!n.startsWith('.a6-')) continue;
           const d = lstatSync(dir + '/' + n, { throwIfNoEntry: false });
           if (d) privateDirModes.add(d.mode & 0o7777);
         }
       }
     }
     parentPort.postMessage({ socketModes: [...socketModes], privateDirModes: [...privateDirModes], looks });`,
    { eval: true, workerData: { dir, name, flag } },
  );
  await new Promise((r) => worker.once('message', r));
  const result = new Promise<{ socketModes: number[]; privateDirModes: number[]; looks: number }>((r) =>
    worker.once('message', r),
  );
  return {
    async stop() {
      Atomics.store(flag, 0, 1);
      const r = await result;
      await worker.terminate();
      return r;
    },
  };
}

/** Paths listening unix sockets were bound to, from /proc/net/unix (Linux). */
function boundPaths(): string[] {
  return readFileSync('/proc/net/unix', 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c.length >= 8 && c[3] === '00010000')
    .map((c) => c.slice(7).join(' '));
}

const linux = process.platform === 'linux';

/** Which process answers a call on this connection (the fixture's `pid` plugin). */
async function pidOf(c: RawClient): Promise<number> {
  const [, p] = await c.exchange(RPC_PREPARE_CONF, prepareConf('pid', [{ name: 'pid', value: '' }]));
  const [, r] = await c.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: tokenOf(p) }));
  const stop = decodeReqCallResp(r).action(new HTTPReqCall.Stop()) as HTTPReqCall.Stop;
  return Number(Buffer.from(stop.bodyArray()!).toString());
}

describe('socket mode', () => {
  it('never exists at its path with a wider mode than asked, under umask 000 (40 starts in process)', async () => {
    const { dir, cleanup } = tempDir();
    const old = process.umask(0);
    try {
      // Control: the old way (listen at the path, then chmod) is caught by the observer, so the
      // observer is fast enough to see such a window on this machine.
      const control = join(dir, 'control.sock');
      let widest: number[] = [];
      for (let batch = 0; batch < 20 && !widest.includes(0o777); batch++) {
        const watchControl = await observe(dir, 'control.sock');
        for (let i = 0; i < 10; i++) {
          const s = createServer();
          await new Promise<void>((r) => s.listen(control, r));
          await chmod(control, 0o700);
          await new Promise((r) => s.close(r));
        }
        widest = (await watchControl.stop()).socketModes;
      }
      expect(widest).toContain(0o777);

      const watch = await observe(dir, 'r.sock');
      for (let i = 0; i < 40; i++) {
        const r = await startRunner({
          plugins: [],
          logger: silent,
          address: `unix:${join(dir, 'r.sock')}`,
          socketMode: 0o700,
        });
        expect(lstatSync(join(dir, 'r.sock')).mode & 0o7777).toBe(0o700);
        await r.close();
      }
      const seen = await watch.stop();
      expect(seen.looks).toBeGreaterThan(1000);
      expect(seen.socketModes).toEqual([0o700]);
      // The socket is bound in a directory nobody else may enter, then moved into place.
      expect(seen.privateDirModes.every((m) => m === 0o700)).toBe(true);
    } finally {
      process.umask(old);
      cleanup();
    }
  });

  it.skipIf(!linux)(
    'a runner process under umask 000 with A6KIT_SOCKET_MODE=0700: bound privately, renamed into place, never wider',
    async () => {
      const { dir, cleanup } = tempDir();
      try {
        const sock = join(dir, 'r.sock');
        const watch = await observe(dir, 'r.sock');
        for (let i = 0; i < 2; i++) {
          const r = await startProcess(sock, { A6KIT_SOCKET_MODE: '0700' }, true);
          expect(statSync(sock).mode & 0o7777).toBe(0o700);
          // Created by rename: the listening socket was bound to the same name in a private
          // directory next to it, never to the path itself.
          const bound = boundPaths();
          expect(bound).not.toContain(sock);
          expect(bound.some((p) => new RegExp(`^${dir}/\\.a6-\\d+-[A-Za-z0-9]{6}/r\\.sock$`).test(p))).toBe(true);
          expect(listeningInodes(readFileSync('/proc/net/unix', 'utf8'), sock).size).toBe(1);
          r.child.kill('SIGTERM');
          expect(await r.exited).toEqual({ code: 0, signal: null });
          expect(existsSync(sock)).toBe(false);
        }
        const seen = await watch.stop();
        expect(seen.socketModes).toEqual([0o700]);
        expect(seen.privateDirModes.every((m) => m === 0o700)).toBe(true);
      } finally {
        cleanup();
      }
    },
  );
});

describe('leftovers', () => {
  it("a start removes the private directory of a dead runner (a minute old), never a live one's", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dead = join(dir, '.a6-4194399-abcdef'); // above Linux's pid_max: no such process
      const live = join(dir, `.a6-${process.ppid}-abcdef`);
      const young = join(dir, '.a6-4194398-abcdef');
      for (const d of [dead, live, young]) await mkdir(d, { mode: 0o700 });
      const old = new Date(Date.now() - 120_000);
      await utimes(dead, old, old);
      await utimes(live, old, old);
      const r = await startRunner({ plugins: [], logger: silent, address: `unix:${join(dir, 'r.sock')}` });
      await r.close();
      expect((await readdir(dir)).sort()).toEqual([live, young].map((d) => d.slice(dir.length + 1)).sort());
    } finally {
      cleanup();
    }
  });
});

describe('socket path length', () => {
  it.skipIf(!linux)(
    'keeps a path of up to 107 bytes working (short private name) and refuses clearly when there is no room',
    async () => {
      const { dir, cleanup } = tempDir();
      try {
        const roomy = join(dir, 'x'.repeat(80 - dir.length - 1));
        const path = join(roomy, 'runner-with-a-long-name.so');
        expect(Buffer.byteLength(path)).toBe(107);
        const r = await startRunner({ plugins: [], logger: silent, address: `unix:${path}`, socketMode: 0o700 });
        expect(statSync(path).mode & 0o777).toBe(0o700);
        await r.close();
        const cramped = join(dir, 'y'.repeat(100 - dir.length - 1), 'r.sock');
        await expect(startRunner({ plugins: [], logger: silent, address: `unix:${cramped}` })).rejects.toThrow(
          /too long to be created safely: its directory may have at most \d+ bytes/,
        );
        await expect(startRunner({ plugins: [], logger: silent, address: `unix:${path}x` })).rejects.toThrow(
          /at most 107 bytes/,
        );
      } finally {
        cleanup();
      }
    },
  );
});

describe('APISIX reload: take-over', () => {
  it('in process: the second runner takes the path over; the first one closing leaves it in place', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'r.sock');
      const first = await startRunner({ plugins: [], logger: silent, address: `unix:${path}` });
      const second = await startRunner({ plugins: [], logger: silent, address: `unix:${path}` });
      const ino = statSync(path).ino;
      await first.close();
      expect(statSync(path).ino).toBe(ino);
      const c = await RawClient.open(path);
      const [type] = await c.exchange(RPC_PREPARE_CONF, prepareConf('k', []));
      expect(type).toBe(RPC_PREPARE_CONF);
      await c.close();
      await second.close();
      expect(existsSync(path)).toBe(false);
      // Nothing left behind next to the socket.
      expect((await readdir(dir)).filter((n) => n.startsWith('.a6-'))).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('processes: the old runner keeps serving its open connection, the new one serves new connections, the old one exiting leaves the new socket', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const sock = join(dir, 'apisix.sock');
      const old = await startProcess(sock);
      const held = await RawClient.open(sock);
      expect(await pidOf(held)).toBe(old.child.pid);

      const next = await startProcess(sock);
      expect(next.lines.some((l) => l.includes('"replacedSocket":true'))).toBe(true);
      const fresh = await RawClient.open(sock);
      expect(await pidOf(fresh)).toBe(next.child.pid);
      expect(await pidOf(held)).toBe(old.child.pid);

      old.child.kill('SIGTERM');
      expect(await old.exited).toEqual({ code: 0, signal: null });
      expect(existsSync(sock)).toBe(true);
      const after = await RawClient.open(sock);
      expect(await pidOf(after)).toBe(next.child.pid);
      await Promise.all([held.close(), fresh.close(), after.close()]);

      next.child.kill('SIGTERM');
      expect(await next.exited).toEqual({ code: 0, signal: null });
      expect(existsSync(sock)).toBe(false);
    } finally {
      cleanup();
    }
  });
});

describe('multi-process', () => {
  it.skipIf(!linux)(
    "the primary publishes the workers' socket with its mode, takes the path over, and publishes again when every worker died",
    async () => {
      const { dir, cleanup } = tempDir();
      try {
        const sock = join(dir, 'multi.sock');
        const single = await startProcess(sock);
        const multi = await startProcess(sock, { A6KIT_SOCKET_MODE: '0700', A6KIT_WORKERS: '2' }, true);
        expect(statSync(sock).mode & 0o7777).toBe(0o700);
        single.child.kill('SIGTERM');
        expect(await single.exited).toEqual({ code: 0, signal: null });
        const workers = new Set<number>();
        for (let i = 0; i < 40 && workers.size < 2; i++) {
          const c = await RawClient.open(sock);
          workers.add(await pidOf(c));
          await c.close();
        }
        expect(workers.size).toBe(2);
        // Every worker gone at once: the shared socket closes, replacements bind it anew.
        for (const pid of workers) process.kill(pid, 'SIGKILL');
        await until(() => multi.lines.filter((l) => l.includes('worker exited')).length >= 2, 10_000);
        let served: number | undefined;
        for (let i = 0; i < 100 && served === undefined; i++) {
          try {
            const c = await RawClient.open(sock);
            served = await pidOf(c);
            await c.close();
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        expect(served).toBeDefined();
        expect(workers.has(served!)).toBe(false);
        expect(statSync(sock).mode & 0o7777).toBe(0o700);
        multi.child.kill('SIGTERM');
        expect(await multi.exited).toEqual({ code: 0, signal: null });
        expect(existsSync(sock)).toBe(false);
        expect((await readdir(dir)).filter((n) => n.startsWith('.a6-'))).toEqual([]);
      } finally {
        cleanup();
      }
    },
  );
});

describe('a6kit dev and a live socket', () => {
  it.skipIf(!linux)('refuses it, naming the pid of the runner holding it; the socket stays', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const sock = join(dir, 'dev.sock');
      const holder = await startProcess(sock);
      const err = await startDev({
        project: dir,
        socket: `unix:${sock}`,
        log: { info: () => {}, error: () => {} },
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SocketInUseError);
      expect((err as Error).message).toContain(`unix:${sock} is in use by pid ${holder.child.pid} (node`);
      const c = await RawClient.open(sock);
      await c.close();
      holder.child.kill('SIGTERM');
      await holder.exited;
    } finally {
      cleanup();
    }
  });
});
