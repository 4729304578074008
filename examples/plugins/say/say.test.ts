import { startTestRunner } from 'a6kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import say from './index.js';

let t: Awaited<ReturnType<typeof startTestRunner>>;
beforeAll(async () => {
  t = await startTestRunner([say]);
});
afterAll(() => t.close());

it('answers the client with the body and names the runner', async () => {
  const r = await t.simulator.request([{ name: 'say', value: '{"body":"hello"}' }], { path: '/hello' });
  expect(r).toMatchObject({ kind: 'response', status: 200, body: 'hello' });
  expect(r.kind === 'response' && r.headers['x-resp-a6-runner']).toBe('a6kit');
});

it('lets the request through to the upstream when there is no body to say', async () => {
  const r = await t.simulator.request([{ name: 'say', conf: {} }], { path: '/hello' });
  expect(r.kind).toBe('upstream');
  expect(r.kind === 'upstream' && r.respHeaders['x-resp-a6-runner']).toBeFalsy();
});

it('refuses a config that is not JSON or has a misspelt field', () => {
  expect(() => say.parseConf('{')).toThrow();
  expect(() => say.parseConf('{"bdy":"hello"}')).toThrow(/bdy/);
  expect(() => say.parseConf('{"body":1}')).toThrow();
});
