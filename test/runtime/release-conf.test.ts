/**
 * `releaseConf`: every config `parseConf` returned is given back exactly once, when the runner
 * stops using it (expiry, refusal of the conf list, close), so plugins can hold shared resources
 * per config (examples/plugins/limit-count holds a Redis connection).
 */
import { describe, expect, it } from 'vitest';
import { definePlugin } from '../../runtime/plugin.js';
import { startTestRunner } from '../../runtime/testkit/index.js';

function tracked() {
  const live = new Set<object>();
  const keys: string[] = [];
  let released = 0;
  const plugin = definePlugin({
    name: 'tracked',
    parseConf(raw, ctx) {
      keys.push(ctx?.key ?? '(none)');
      const conf = { raw };
      live.add(conf);
      return conf;
    },
    releaseConf(conf) {
      if (!live.delete(conf)) throw new Error('released twice or never parsed');
      released++;
    },
    requestFilter() {
      // Present so that routes use the plugin; these tests count parseConf/releaseConf only.
    },
  });
  return { plugin, live, keys, released: () => released };
}

describe('releaseConf', () => {
  it('is not called for a conf in use, nor for the same conf prepared again (no second parse)', async () => {
    const t0 = tracked();
    const t = await startTestRunner([t0.plugin]);
    try {
      const route = [{ name: 'tracked', value: '{"a":1}' }];
      expect((await t.simulator.request(route)).kind).toBe('upstream');
      t.simulator.flushTokens(); // APISIX lost its token cache: prepares the same conf again
      expect((await t.simulator.request(route)).kind).toBe('upstream');
      expect(t0.keys).toEqual(['route#1#ext-plugin-pre-req#1']);
      expect(t0.released()).toBe(0);
    } finally {
      await t.close();
    }
    expect(t0.live.size).toBe(0); // close released it
    expect(t0.released()).toBe(1);
  });

  it('gives back the configs parsed before a refused entry of the same conf list', async () => {
    const t0 = tracked();
    const t = await startTestRunner([t0.plugin]);
    try {
      const r = await t.simulator.request([
        { name: 'tracked', value: '{}' },
        { name: 'missing', value: '{}' },
      ]);
      expect(r).toMatchObject({ kind: 'error' });
      expect(t0.keys.length).toBeGreaterThan(0);
      expect(t0.live.size).toBe(0);
      expect(t0.released()).toBe(t0.keys.length);
    } finally {
      await t.close();
    }
  });

  it('is called when an unused conf token expires', async () => {
    const t0 = tracked();
    const t = await startTestRunner([t0.plugin], { confExpireSeconds: 0.2 }); // 240 ms unused
    try {
      expect((await t.simulator.request([{ name: 'tracked', value: '{}' }])).kind).toBe('upstream');
      expect(t0.live.size).toBe(1);
      await expect.poll(() => t0.released(), { timeout: 2000 }).toBe(1);
      expect(t0.live.size).toBe(0);
    } finally {
      await t.close();
    }
  });
});
