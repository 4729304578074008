/**
 * The test kit says why a call failed: an error outcome carries the plugin's error, the refused
 * conf's JSON pointer and the runner's log records of the call, and `expectKind` puts that reason
 * into its failure message. Both phases' outcomes have `kind`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfError, definePlugin } from '../../runtime/index.js';
import { expectKind, startTestRunner, type TestRunner } from '../../runtime/testkit/index.js';

const thrower = definePlugin({
  name: 'thrower',
  parseConf: (raw: string) => JSON.parse(raw || '{}') as { at?: 'request' | 'response' },
  requestFilter(conf) {
    if (conf.at === 'request') throw new TypeError('request went wrong');
  },
  responseFilter(conf, res) {
    if (conf.at === 'response') throw new RangeError('response went wrong');
    res.headers.set('x-seen', 'yes');
  },
});

const strict = definePlugin({
  name: 'strict',
  parseConf(raw: string) {
    const v = JSON.parse(raw) as { n?: unknown };
    if (typeof v.n !== 'number') throw new ConfError('must be a number', '/n');
    return v;
  },
  // A plugin without a filter for the phase is refused before its config is parsed.
  requestFilter() {
    // Passes every request: the tests only need a plugin that acts in the request phases.
  },
});

describe.each(['unix', 'memory'] as const)('error outcomes over %s', (transport) => {
  let t: TestRunner;
  beforeAll(async () => {
    t = await startTestRunner([thrower, strict], { transport });
  });
  afterAll(() => t.close());

  it('a throwing plugin: its name, error class and message, and the log record', async () => {
    const r = await t.simulator.request([{ name: 'thrower', conf: { at: 'request' } }]);
    const e = expectKind(r, 'error');
    expect(e.reason).toMatchObject({
      step: 'HTTPReqCall',
      plugin: 'thrower',
      error: { name: 'TypeError', message: 'request went wrong' },
    });
    expect(e.reason.error?.stack).toContain('test-kit.test.ts');
    expect(e.reason.logs.some((l) => l.plugin === 'thrower' && l.level === 'error')).toBe(true);
    // What a failed assertion on the kind prints:
    expect(() => expectKind(r, 'upstream')).toThrow(
      /expected the outcome 'upstream', got 'error' \(SERVICE_UNAVAILABLE, APISIX answers 503\): .*plugin "thrower", TypeError: request went wrong/,
    );
  });

  it('a misspelt plugin name: refused at PrepareConf, naming the name', async () => {
    const r = expectKind(await t.simulator.request([{ name: 'thorwer', conf: {} }]), 'error');
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.reason).toMatchObject({ step: 'PrepareConf', plugin: 'thorwer' });
  });

  it('a refused conf: the JSON pointer, also when the runner does not log the same refusal again', async () => {
    for (let i = 0; i < 2; i++) {
      const r = expectKind(await t.simulator.request([{ name: 'strict', conf: { n: 'x' } }]), 'error');
      expect(r.reason).toMatchObject({ step: 'PrepareConf', plugin: 'strict', pointer: '/n' });
      expect(r.reason.message).toContain('must be a number');
    }
  });

  it('ext-plugin-post-resp: a success has kind response; a failure its reason', async () => {
    const ok = await t.simulator.response([{ name: 'thrower', conf: {} }], { status: 201, body: 'b' });
    expect(ok).toMatchObject({ kind: 'response', status: 201, body: 'b', headers: { 'x-seen': 'yes' } });
    const bad = expectKind(
      await t.simulator.response([{ name: 'thrower', conf: { at: 'response' } }], { status: 200 }),
      'error',
    );
    expect(bad.reason).toMatchObject({ step: 'HTTPRespCall', plugin: 'thrower', error: { name: 'RangeError' } });
  });

  it('deep equality and JSON compare what APISIX does, not the diagnosis', async () => {
    const r = await t.simulator.request([{ name: 'thrower', conf: { at: 'request' } }]);
    expect(r).toEqual({ kind: 'error', code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(JSON.parse(JSON.stringify(r))).toEqual({ kind: 'error', code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('expectKind on a different success says what happened instead', async () => {
    const r = await t.simulator.request([{ name: 'thrower', conf: {} }], { path: '/x' });
    expect(() => expectKind(r, 'response')).toThrow(
      "expected the outcome 'response', got 'upstream': APISIX proxies GET /x",
    );
  });
});
