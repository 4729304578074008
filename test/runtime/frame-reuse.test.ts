/**
 * Big request frames are collected into one buffer per connection, reused request after request
 * (transport.ts, FrameSpares). Over a real unix socket, as APISIX drives the runner: every request
 * reads its own bytes, and a plugin that keeps a request past its call gets CallEnded rather than
 * the bytes of the request that came after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CallEnded, definePlugin, type PluginRequest } from '../../runtime/plugin.js';
import { startRunner, type RunningRunner } from '../../runtime/server.js';
import { GatewaySimulator } from '../../runtime/testkit/simulator.js';
import { tempDir } from './helpers.js';

/** Requests kept by the plugin past their call (what a plugin must not do). */
const kept: PluginRequest[] = [];

const echo = definePlugin({
  name: 'echo-id',
  parseConf: () => null,
  requestFilter(_conf, req, res) {
    kept.push(req);
    // Reads a header near the end of the frame: the bytes a reused buffer would overwrite.
    res.respond(200, `${req.headers.get('x-id')} ${req.path}`);
  },
});

/** 64 headers of 1 KiB: a 66 KiB frame, which spans socket reads. */
function bigHeaders(id: string, fill: string): Record<string, string> {
  const h: Record<string, string> = {};
  for (let i = 0; i < 64; i++) h[`x-filler-${i}`] = fill.repeat(1024);
  h['x-id'] = id;
  return h;
}

describe('big request frames in a reused buffer', () => {
  const tmp = tempDir();
  let runner: RunningRunner;
  let sim: GatewaySimulator;
  beforeAll(async () => {
    runner = await startRunner({ plugins: [echo], address: `unix:${join(tmp.dir, 'r.sock')}`, logLevel: 'silent' });
    sim = await GatewaySimulator.connect(runner.address);
  });
  afterAll(async () => {
    await sim.close();
    await runner.close();
    tmp.cleanup();
  });

  it('reads every request from its own bytes, and refuses a late read instead of showing the next request', async () => {
    const conf = [{ name: 'echo-id', value: '{}' }];
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await sim.request(conf, {
        path: `/r${i}`,
        headers: bigHeaders(`id-${i}`, String.fromCharCode(97 + i)),
      });
      expect(r.kind).toBe('response');
      if (r.kind === 'response') answers.push(r.body);
    }
    expect(answers).toEqual(['id-0 /r0', 'id-1 /r1', 'id-2 /r2', 'id-3 /r3', 'id-4 /r4', 'id-5 /r5']);
    // Read during its call, kept: the path was read then and stays readable.
    expect(kept[0]!.path).toBe('/r0');
    // Not read during its call: its bytes may hold another request by now.
    expect(() => kept[0]!.headers.get('x-filler-3')).toThrow(CallEnded);
    expect(() => kept[0]!.method).toThrow(CallEnded);
    expect(() => kept[0]!.args.get('a')).toThrow(CallEnded);
  });
});
