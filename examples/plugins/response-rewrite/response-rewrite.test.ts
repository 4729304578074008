import { ConfError } from 'a6kit';
import { expectKind, startTestRunner } from 'a6kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import responseRewrite from './index.js';

let t: Awaited<ReturnType<typeof startTestRunner>>;
beforeAll(async () => {
  t = await startTestRunner([responseRewrite]);
});
afterAll(() => t.close());

const upstream = {
  status: 502,
  headers: { 'X-Resp-A6-Runner': 'Java', 'Content-Type': 'text/plain', 'X-Upstream': 'u1' },
  body: 'hello world world',
};
const route = (conf: unknown) => [{ name: 'response-rewrite', conf }];

it("sets status, headers and body, and keeps the upstream's other headers", async () => {
  const r = await t.simulator.response(
    [{ name: 'response-rewrite', value: '{"status":200, "headers":{"X-Server-Id":"9527"},"body":"response rewrite"}' }],
    upstream,
  );
  // expectKind narrows the type, and on a failed call its message says why (the plugin's error…).
  const { status, body, headers } = expectKind(r, 'response');
  expect({ status, body }).toEqual({ status: 200, body: 'response rewrite' });
  expect(headers['x-resp-a6-runner']).toBe('a6kit');
  expect(headers['x-server-id']).toBe('9527');
  expect(headers['x-upstream']).toBe('u1');
  expect(headers['content-type']).toBe('text/plain');
});

it('answers with the configured status, whatever it is', async () => {
  const r = await t.simulator.response(route({ status: 201 }), upstream);
  expect(r).toMatchObject({ status: 201, body: 'hello world world' });
});

it('changes nothing but the runner header with an empty config', async () => {
  const r = await t.simulator.response(route({}), upstream);
  expect(r).toMatchObject({ kind: 'response', status: 502, body: 'hello world world' });
  expect(expectKind(r, 'response').headers['x-resp-a6-runner']).toBe('a6kit');
});

describe('filters', () => {
  it('replaces every match with scope global', async () => {
    const r = await t.simulator.response(
      route({ filters: [{ regex: 'world', scope: 'global', replace: 'golang' }] }),
      upstream,
    );
    expect(r).toMatchObject({ status: 502, body: 'hello golang golang' });
  });

  it('replaces the first match with scope once (the default)', async () => {
    const r = await t.simulator.response(route({ filters: [{ regex: 'world', replace: 'golang' }] }), upstream);
    expect(r).toMatchObject({ body: 'hello golang world' });
  });

  it('replaces every match of a pattern, not only copies of the first one found', async () => {
    const r = await t.simulator.response(route({ filters: [{ regex: 'w\\w+d', scope: 'global', replace: 'X' }] }), {
      body: 'world wood wild',
    });
    expect(r).toMatchObject({ body: 'X X X' });
  });

  it('inserts the replacement literally and applies filters in order', async () => {
    const r = await t.simulator.response(
      route({
        filters: [
          { regex: 'hello', replace: '$&$1' },
          { regex: '\\$1', replace: '!' },
        ],
        body: 'ignored',
      }),
      upstream,
    );
    expect(r).toMatchObject({ body: '$&! world world' });
  });

  it('leaves the body alone (and ignores `body`) when no filter matches', async () => {
    const r = await t.simulator.response(route({ filters: [{ regex: 'nope' }], body: 'ignored' }), upstream);
    expect(r).toMatchObject({ body: 'hello world world' });
  });
});

describe('config', () => {
  it('refuses a bad regex, pointing at it', () => {
    let err: unknown;
    try {
      responseRewrite.parseConf('{"filters":[{"regex":"ok"},{"regex":"("}]}');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfError);
    expect((err as ConfError).pointer).toBe('/filters/1/regex');
  });

  it.each(['{', '{"status":"200"}', '{"headers":{"a":1}}', '{"filters":[{"regex":"a","scope":"twice"}]}'])(
    'refuses %j',
    (raw) => {
      expect(() => responseRewrite.parseConf(raw)).toThrow();
    },
  );
});
