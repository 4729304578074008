import { startTestRunner } from 'a6kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import requestBodyRewrite from './index.js';

let t: Awaited<ReturnType<typeof startTestRunner>>;
beforeAll(async () => {
  t = await startTestRunner([requestBodyRewrite]);
});
afterAll(() => t.close());

it('sends the new body to the upstream', async () => {
  const r = await t.simulator.request([{ name: 'request-body-rewrite', value: '{"new_body":"See ya"}' }], {
    method: 'POST',
    body: 'hello',
  });
  expect(r.kind).toBe('upstream');
  expect(r.kind === 'upstream' && r.request.body).toBe('See ya');
});

it('leaves the body alone when new_body is empty', async () => {
  const r = await t.simulator.request([{ name: 'request-body-rewrite', value: '{"new_body":""}' }], {
    method: 'POST',
    body: 'hello',
  });
  expect(r.kind === 'upstream' && r.request.body).toBe('hello');
});

it('refuses a config that is not JSON', () => {
  expect(() => requestBodyRewrite.parseConf('{"new_body":')).toThrow();
  expect(() => requestBodyRewrite.parseConf('{"new_body":1}')).toThrow();
  expect(requestBodyRewrite.parseConf('{"new_body":"hello"}').new_body).toBe('hello');
});
