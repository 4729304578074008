import { ConfError } from 'a6kit';
import { startTestRunner } from 'a6kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import faultInjection, { sampleHit } from './index.js';

let t: Awaited<ReturnType<typeof startTestRunner>>;
beforeAll(async () => {
  t = await startTestRunner([faultInjection]);
});
afterAll(() => t.close());

it('answers with the configured status and body instead of calling the upstream', async () => {
  const r = await t.simulator.request([{ name: 'fault-injection', value: '{"http_status":400, "body":"hello"}' }]);
  expect(r).toMatchObject({ kind: 'response', status: 400, body: 'hello' });
});

it('answers with the status alone when no body is configured', async () => {
  const r = await t.simulator.request([{ name: 'fault-injection', conf: { http_status: 503 } }]);
  expect(r).toMatchObject({ kind: 'response', status: 503, body: '' });
});

it('never injects at percentage 0', async () => {
  for (let i = 0; i < 5; i++) {
    const r = await t.simulator.request([{ name: 'fault-injection', value: '{"http_status":400, "percentage":0}' }]);
    expect(r.kind).toBe('upstream');
  }
});

describe('config', () => {
  it('defaults percentage to 100', () => {
    expect(faultInjection.parseConf('{"http_status":500}').percentage).toBe(100);
  });
  it.each([
    ['no http_status', '{}'],
    ['http_status below 200', '{"http_status":199}'],
    ['percentage over 100', '{"http_status":500,"percentage":101}'],
    ['negative percentage', '{"http_status":500,"percentage":-1}'],
    ['an empty text (read as {})', ''],
    ['not JSON', '{"http_status":'],
  ])('refuses %s', (_what, raw) => {
    expect(() => faultInjection.parseConf(raw)).toThrow(ConfError);
  });
});

it('samples the configured share of requests', () => {
  expect(sampleHit(0, () => 0)).toBe(false);
  expect(sampleHit(100, () => 0.999)).toBe(true);
  expect(sampleHit(30, () => 0.29)).toBe(true);
  expect(sampleHit(30, () => 0.3)).toBe(false);
});
