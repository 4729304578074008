import { startTestRunner } from 'a6kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import limitReq from './index.js';
import { MAX_TIMER_MS, TokenBucket } from './token-bucket.js';

let t: Awaited<ReturnType<typeof startTestRunner>>;
beforeAll(async () => {
  t = await startTestRunner([limitReq]);
});
afterAll(() => t.close());

const route = (conf: object) => [{ name: 'limit-req', value: JSON.stringify(conf) }];

it('refuses every request with 503 when the bucket holds nothing (empty config)', async () => {
  const r = await t.simulator.request([{ name: 'limit-req', value: '{}' }]);
  expect(r).toMatchObject({ kind: 'response', status: 503 });
});

it('makes concurrent requests over the rate wait instead of refusing them', async () => {
  const results = await Promise.all(
    Array.from({ length: 6 }, () => t.simulator.request(route({ rate: 1000, burst: 1 }))),
  );
  expect(results.map((r) => r.kind)).toEqual(Array(6).fill('upstream'));
});

it('serves only the initial burst when the rate is 0', async () => {
  const kinds: string[] = [];
  for (let i = 0; i < 3; i++) kinds.push((await t.simulator.request(route({ rate: 0, burst: 2 }))).kind);
  expect(kinds).toEqual(['upstream', 'upstream', 'response']);
});

describe('the call deadline', () => {
  it('refuses at once a request whose wait would pass max_delay_ms', async () => {
    const conf = route({ rate: 10, burst: 1, max_delay_ms: 150 });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 5 }, () => t.simulator.request(conf)));
    // Tokens at 0 and 100 ms; 200 ms and later would pass the bound.
    expect(results.map((r) => r.kind).sort()).toEqual(['response', 'response', 'response', 'upstream', 'upstream']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never hands a timer more than 2^31-1 ms: a flood past it is refused, not let through after 1 ms', async () => {
    // One token every ~116 days: the second token is 10^10 ms away. Node would fire such a
    // timer after 1 ms, so the old example let every one of these requests through at once.
    for (const max of [undefined, MAX_TIMER_MS]) {
      const conf = route({ rate: 1e-7, burst: 1, ...(max !== undefined && { max_delay_ms: max }) });
      expect(await t.simulator.request(conf)).toMatchObject({ kind: 'upstream' });
      const flood = await Promise.all(Array.from({ length: 20 }, () => t.simulator.request(conf)));
      expect(flood.map((r) => r.kind)).toEqual(Array(20).fill('response'));
    }
  });

  it('a flood leaves no debt behind: refused requests took no token, so the bucket recovers at its rate', async () => {
    const conf = route({ rate: 20, burst: 1, max_delay_ms: 100 });
    const start = performance.now();
    const flood = await Promise.all(Array.from({ length: 100 }, () => t.simulator.request(conf)));
    const served = flood.filter((r) => r.kind === 'upstream').length;
    // One token every 50 ms over the flood plus the 100 ms a request may wait; the rest refused.
    expect(served).toBeGreaterThanOrEqual(2);
    expect(served).toBeLessThanOrEqual(2 + Math.ceil((performance.now() - start + 100) / 50));
    expect(served).toBeLessThan(50);
    // Had the refused requests reserved their tokens, the next one would wait ~5 s.
    await new Promise((r) => setTimeout(r, 60));
    const before = performance.now();
    expect(await t.simulator.request(conf)).toMatchObject({ kind: 'upstream' });
    expect(performance.now() - before).toBeLessThan(100);
  });
});

describe('a call that ends while it waits', () => {
  it('gives its token back at the call deadline, so the next request is not pushed further out', async () => {
    const short = await startTestRunner([limitReq], { callTimeoutMs: 150 });
    try {
      const conf = route({ rate: 1, burst: 1 });
      const started = performance.now();
      expect(await short.simulator.request(conf)).toMatchObject({ kind: 'upstream' }); // the burst token
      // Its token exists in 1 s: the call deadline (150 ms) ends the wait first.
      expect(await short.simulator.request(conf)).toMatchObject({ kind: 'error', code: 'SERVICE_UNAVAILABLE' });
      await new Promise((r) => setTimeout(r, 1050 - (performance.now() - started)));
      // The token of the abandoned wait is back: served at once. Had it stayed reserved, this
      // request would wait another second and miss the deadline too.
      expect(await short.simulator.request(conf)).toMatchObject({ kind: 'upstream' });
    } finally {
      await short.close();
    }
  });
});

describe('token bucket', () => {
  it('schedules six simultaneous requests at rate 5/s, burst 1, over one second', () => {
    const bucket = new TokenBucket(5, 1, () => 0);
    const delays = Array.from({ length: 6 }, () => bucket.reserve()?.delayMs);
    expect(delays.map((d) => Math.round(d!))).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('refills with time, up to the burst', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 2, () => now);
    expect([bucket.reserve()?.delayMs, bucket.reserve()?.delayMs]).toEqual([0, 0]);
    now = 10_000; // long quiet period: refilled to 2, not 100
    expect([bucket.reserve()?.delayMs, bucket.reserve()?.delayMs]).toEqual([0, 0]);
    expect(bucket.reserve()?.delayMs).toBeCloseTo(100);
  });

  it('refuses without changing its state: never servable, or beyond the longest wait', () => {
    expect(new TokenBucket(5, 0, () => 0).reserve()).toBeUndefined();
    const once = new TokenBucket(0, 1, () => 0);
    expect([once.reserve()?.delayMs, once.reserve(), once.reserve()]).toEqual([0, undefined, undefined]);
    const bucket = new TokenBucket(5, 1, () => 0);
    expect(bucket.reserve(300)?.delayMs).toBe(0);
    expect(bucket.reserve(300)?.delayMs).toBeCloseTo(200);
    expect(bucket.reserve(300)).toBeUndefined(); // would be 400
    expect(bucket.reserve(300)).toBeUndefined();
    expect(bucket.reserve(1000)?.delayMs).toBeCloseTo(400); // the refusals took nothing
  });

  it('never reserves further than a Node timer reaches, whatever the caller allows', () => {
    const bucket = new TokenBucket(1e-7, 1, () => 0);
    expect(bucket.reserve(Infinity)?.delayMs).toBe(0);
    expect(bucket.reserve(Infinity)).toBeUndefined();
  });

  it('a cancelled reservation gives its token back, less what later reservations count on', () => {
    let now = 0;
    const bucket = new TokenBucket(5, 1, () => now);
    bucket.reserve(); // the burst token
    const second = bucket.reserve()!;
    expect(second.delayMs).toBeCloseTo(200);
    second.cancel();
    second.cancel(); // once only
    expect(bucket.reserve()?.delayMs).toBeCloseTo(200); // took the given-back slot
    const fourth = bucket.reserve()!; // 400
    bucket.reserve(); // 600: counts on fourth's token being gone
    fourth.cancel();
    expect(bucket.reserve()?.delayMs).toBeCloseTo(800);
    // Once its time has come, a reservation is spent: cancelling gives nothing back.
    const b2 = new TokenBucket(5, 1, () => now);
    b2.reserve();
    const late = b2.reserve()!;
    now = 250;
    late.cancel();
    expect(b2.reserve()?.delayMs).toBeCloseTo(150);
  });
});
