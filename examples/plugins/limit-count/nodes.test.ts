/**
 * Two gateway nodes: two runner processes (examples/runner.ts, as APISIX starts it) each with its
 * own simulator, as two APISIX nodes would send the same route's traffic. With policy redis they
 * share one counter; with policy local each node counts on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimResult } from 'a6kit/testing';
import { GatewayNode } from './test/gateway-node.js';
import { RedisServer } from './test/redis-server.js';

let redis: RedisServer;
let nodes: GatewayNode[] = [];
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'a6kit-limit-count-'));
  redis = await RedisServer.start();
  nodes = await Promise.all([GatewayNode.start(join(dir, 'node1.sock')), GatewayNode.start(join(dir, 'node2.sock'))]);
}, 60_000);
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  await redis?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const remaining = (r: SimResult) =>
  r.kind === 'upstream' ? Number(r.respHeaders['x-ratelimit-remaining']) : undefined;

/** 30 requests at once, alternating between the two nodes. */
async function burst(conf: Record<string, unknown>): Promise<SimResult[][]> {
  const route = [
    { name: 'limit-count', conf: { count: 10, time_window: 60, key_type: 'constant', key: 'burst', ...conf } },
  ];
  const perNode: Promise<SimResult>[][] = [[], []];
  for (let i = 0; i < 30; i++) perNode[i % 2]!.push(nodes[i % 2]!.simulator.request(route));
  return Promise.all(perNode.map((p) => Promise.all(p)));
}

describe('two gateway nodes', () => {
  it('policy redis: let exactly 10 of 30 concurrent requests through, sharing one counter and its quota headers', async () => {
    const [a, b] = await burst({ policy: 'redis', redis_host: '127.0.0.1', redis_port: redis.port });
    const all = [...a!, ...b!];
    const passed = all.filter((r) => r.kind === 'upstream');
    expect(passed).toHaveLength(10);
    expect(all.filter((r) => r.kind === 'response' && r.status === 503)).toHaveLength(20);
    // Each remaining count from 9 down to 0 was handed out once, across both nodes.
    expect(passed.map(remaining).sort((x, y) => x! - y!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // (Which node got how many depends on timing; with per-node counters 20 would pass, below.)
    expect(a!.length + b!.length).toBe(30);
  });

  it('policy redis: the shared window ends for both nodes at once, and both count from zero again', async () => {
    const route = [
      {
        name: 'limit-count',
        conf: {
          count: 2,
          time_window: 1,
          key_type: 'constant',
          key: 'window',
          policy: 'redis',
          redis_host: '127.0.0.1',
          redis_port: redis.port,
        },
      },
    ];
    const [n1, n2] = nodes.map((n) => n.simulator);
    const start = Date.now();
    const first = [
      await n1!.request(route),
      await n2!.request(route),
      await n1!.request(route),
      await n2!.request(route),
    ];
    expect(first.map((r) => r.kind)).toEqual(['upstream', 'upstream', 'response', 'response']);
    await new Promise((r) => setTimeout(r, Math.max(0, start + 1100 - Date.now())));
    const after = [await n2!.request(route), await n1!.request(route), await n2!.request(route)];
    expect(after.map((r) => r.kind)).toEqual(['upstream', 'upstream', 'response']);
    expect(after.slice(0, 2).map(remaining)).toEqual([1, 0]);
  });

  it('policy local: each node counts on its own, so 10 per node (20 of 30) get through', async () => {
    const [a, b] = await burst({ policy: 'local' });
    for (const node of [a!, b!]) {
      const passed = node.filter((r) => r.kind === 'upstream');
      expect(passed).toHaveLength(10);
      expect(passed.map(remaining).sort((x, y) => x! - y!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(node.filter((r) => r.kind === 'response' && r.status === 503)).toHaveLength(5);
    }
  });
});
