import { startTestRunner } from 'a6kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import limitReq from './index.js';
import { TokenBucket } from './token-bucket.js';

let t: Awaited<ReturnType<typeof startTestRunner>>;
beforeAll(async () => {
  t = await startTestRunner([limitReq]);
});
afterAll(() => t.close());

it('refuses every request with 503 when the bucket holds nothing (empty config)', async () => {
  const r = await t.simulator.request([{ name: 'limit-req', value: '{}' }]);
  expect(r).toMatchObject({ kind: 'response', status: 503 });
});

it('makes concurrent requests over the rate wait instead of refusing them', async () => {
  const route = [{ name: 'limit-req', value: '{"rate":1000,"burst":1}' }];
  const results = await Promise.all(Array.from({ length: 6 }, () => t.simulator.request(route)));
  expect(results.map((r) => r.kind)).toEqual(Array(6).fill('upstream'));
});

it('serves only the initial burst when the rate is 0', async () => {
  const route = [{ name: 'limit-req', value: '{"rate":0,"burst":2}' }];
  const kinds: string[] = [];
  for (let i = 0; i < 3; i++) kinds.push((await t.simulator.request(route)).kind);
  expect(kinds).toEqual(['upstream', 'upstream', 'response']);
});

describe('token bucket', () => {
  it('schedules six simultaneous requests at rate 5/s, burst 1, over one second', () => {
    const bucket = new TokenBucket(5, 1, () => 0);
    const delays = Array.from({ length: 6 }, () => bucket.reserve());
    expect(delays.map((d) => Math.round(d!))).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('refills with time, up to the burst', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 2, () => now);
    expect([bucket.reserve(), bucket.reserve()]).toEqual([0, 0]);
    now = 10_000; // long quiet period: refilled to 2, not 100
    expect([bucket.reserve(), bucket.reserve()]).toEqual([0, 0]);
    expect(bucket.reserve()).toBeCloseTo(100);
  });

  it('refuses without changing its state', () => {
    expect(new TokenBucket(5, 0, () => 0).reserve()).toBeUndefined();
    const once = new TokenBucket(0, 1, () => 0);
    expect([once.reserve(), once.reserve(), once.reserve()]).toEqual([0, undefined, undefined]);
  });
});
