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
import {
  RawClient,
  decodeExtraInfoReq,
  decodeReqCallResp,
  extraInfoResp,
  prepareConf,
  reqCall,
  tempDir,
  tokenOf,
  until,
} from './helpers.js';
import { ExtraInfo, HTTPReqCall } from '../../runtime/wire.js';
import { RPC_EXTRA_INFO, RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF } from '../../runtime/frame.js';
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

  it('serve requests of every size in turn on one connection, each read where it lands', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    // Echoes the length of header x and of the request body (an ExtraInfo answer, read while the
    // call holds the connection's request buffer).
    const echo = definePlugin({
      name: 'echo',
      parseConf: () => null,
      async requestFilter(_c, req, res) {
        const body = await req.body();
        res.respond(200, `${req.headers.get('x')?.length ?? -1} ${body.length} ${req.headers.get('y')}`);
      },
    });
    const runner = await startRunner({
      address: `unix:${join(dir, 'r.sock')}`,
      plugins: [echo],
      logger: createLogger('silent'),
    });
    cleanups.push(() => runner.close());
    const c = await RawClient.open(runner.address);
    const [, p] = await c.exchange(RPC_PREPARE_CONF, prepareConf('k', [{ name: 'echo', value: '' }]));
    const token = tokenOf(p);
    // Small, 64 KiB, above the 256 KiB kept per connection, and small again: in the reused
    // buffer, grown, past it (a buffer of its own), and back.
    for (const size of [10, 64 << 10, 1 << 20, 300 << 10, 10, 70 << 10]) {
      c.send(
        RPC_HTTP_REQ_CALL,
        reqCall({
          token,
          headers: [
            ['x', 'v'.repeat(size)],
            ['y', `end-${size}`],
          ],
        }),
      );
      const [askType, ask] = await c.next();
      expect(askType).toBe(RPC_EXTRA_INFO);
      expect(decodeExtraInfoReq(ask).infoType()).toBe(ExtraInfo.Info.ReqBody);
      c.send(RPC_EXTRA_INFO, extraInfoResp(Buffer.alloc(size * 2, 1)));
      const [type, reply] = await c.next();
      expect(type).toBe(RPC_HTTP_REQ_CALL);
      const stop = decodeReqCallResp(reply).action(new HTTPReqCall.Stop()) as HTTPReqCall.Stop;
      expect(Buffer.from(stop.bodyArray()!).toString()).toBe(`${size} ${size * 2} end-${size}`);
    }
    await c.close();
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
