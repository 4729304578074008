/**
 * shareReads (runtime/shared-reads.ts) swaps in its own accept on a listening net.Server, leaning
 * on Node internals: these tests fail on a Node whose internals moved, instead of the runner
 * silently falling back to a read buffer per read (runner.bench.ts measured that at 20-48 % of
 * throughput).
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { readSinkOf, shareReads } from '../../runtime/shared-reads.js';
import { startRunner } from '../../runtime/server.js';
import { RawClient, prepareConf, tempDir, tokenOf, until } from './helpers.js';
import { RPC_PREPARE_CONF } from '../../runtime/frame.js';
import { definePlugin } from '../../runtime/plugin.js';
import { createLogger } from '../../runtime/logger.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function listening(onSocket: (s: Socket) => void): Promise<{ server: Server; path: string }> {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const path = join(dir, 's.sock');
  const server = createServer(onSocket);
  await new Promise<void>((r) => server.listen(path, r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return { server, path };
}

function client(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const c = connect(path, () => resolve(c));
    c.once('error', reject);
    cleanups.push(() => void c.destroy());
  });
}

describe('shared reads', () => {
  it("read every connection into one buffer, through the sink its server's connection installs", async () => {
    const got: string[] = [];
    const buffers = new Set<Buffer>();
    const { server, path } = await listening((sock) => {
      const sink = readSinkOf(sock);
      expect(sink).toBeDefined();
      sink!.sink = (buf, n) => {
        buffers.add(buf);
        got.push(buf.toString('latin1', 0, n));
      };
    });
    expect(shareReads(server)).toBe(true);
    const a = await client(path);
    const b = await client(path);
    a.write('one');
    await until(() => got.includes('one'));
    b.write('two');
    await until(() => got.includes('two'));
    expect(buffers.size).toBe(1);
  });

  it('keep net.Server accounting: maxConnections drops, closed sockets leave room, close() completes', async () => {
    let open = 0;
    const { server, path } = await listening((sock) => {
      open++;
      sock.on('close', () => open--);
    });
    expect(shareReads(server)).toBe(true);
    server.maxConnections = 2;
    let dropped = 0;
    server.on('drop', () => dropped++);
    const first = await Promise.all([client(path), client(path)]);
    await until(() => open === 2);
    const third = await client(path);
    await until(() => dropped === 1);
    await new Promise((r) => third.once('close', r));
    for (const c of first) c.destroy();
    await until(() => open === 0);
    await client(path);
    await until(() => open === 1);
    expect(dropped).toBe(1);
  });

  it('are off with A6KIT_SHARED_READS=0 (sockets read as Node reads them)', async () => {
    const { server } = await listening(() => {});
    expect(shareReads(server, { A6KIT_SHARED_READS: '0' })).toBe(false);
  });

  it("are what a standalone runner's connections read through", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const lines: { msg: string; sharedReads?: boolean }[] = [];
    const log = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as { msg: string; sharedReads?: boolean });
        done();
      },
    });
    const runner = await startRunner({
      address: `unix:${join(dir, 'r.sock')}`,
      plugins: [definePlugin({ name: 'p', parseConf: () => null })],
      logger: createLogger('info', log),
    });
    expect(lines.find((l) => l.msg === 'runner listening')?.sharedReads).toBe(true);
    cleanups.push(() => runner.close());
    const c = await RawClient.open(runner.address);
    const [type, payload] = await c.exchange(RPC_PREPARE_CONF, prepareConf('k', [{ name: 'p', value: '' }]));
    expect(type).toBe(RPC_PREPARE_CONF);
    expect(tokenOf(payload)).toBeGreaterThan(0);
    await c.close();
  });
});
