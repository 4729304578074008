/** `a6kit call`: one request through a running runner from the command line. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { registerCall } from '../../cli/commands/call.js';
import { startTestRunner, type TestRunner } from '../../runtime/testkit/index.js';
import * as P from './plugins.js';

let t: TestRunner;
beforeAll(async () => {
  t = await startTestRunner(P.all);
});
afterAll(async () => {
  await t.close();
});

async function call(args: string[]): Promise<unknown> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out.push(String(s));
    return true;
  });
  try {
    const program = new Command().exitOverride();
    registerCall(program);
    await program.parseAsync(['node', 'a6kit', 'call', '--socket', t.address, ...args]);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out.join(''));
}

describe('a6kit call', () => {
  it('prints the response APISIX would send for a Stop', async () => {
    expect(
      await call(['--plugin', 'stop={"status":401,"body":"hi","headers":{"x-a":["1","2"]}}', '--path', '/a']),
    ).toEqual({
      kind: 'response',
      status: 401,
      headers: { 'x-a': ['1', '2'] },
      body: 'hi',
    });
  });

  it('prints the rewritten upstream request, with headers, args, vars and body from flags', async () => {
    const out = await call([
      '--plugin',
      'rewrite={"path":"/b","set":{"x-new":"1"}}',
      '--plugin',
      'noop=',
      '-X',
      'POST',
      '--path',
      '/a',
      '-H',
      'X-In: v',
      '--arg',
      'q=1',
      '--arg',
      'q=2',
      '--body',
      'payload',
    ]);
    expect(out).toEqual({
      kind: 'upstream',
      request: {
        method: 'POST',
        path: '/b',
        args: { q: ['1', '2'] },
        headers: { 'x-in': 'v', 'x-new': '1' },
        body: 'payload',
      },
      respHeaders: {},
    });
    const seen = (await call(['--plugin', 'inspect={"vars":["route_id"]}', '--var', 'route_id=r1'])) as {
      body: string;
    };
    expect((JSON.parse(seen.body) as { vars: unknown }).vars).toEqual({ route_id: 'r1' });
  });

  it('runs ext-plugin-post-resp when an upstream response is given, and reports errors', async () => {
    expect(
      await call([
        '--plugin',
        'resp={"upper":true,"status":202}',
        '--upstream-status',
        '200',
        '--upstream-body',
        'hello',
      ]),
    ).toEqual({
      kind: 'response',
      status: 202,
      headers: {},
      body: 'HELLO',
    });
    expect(await call(['--plugin', 'nope={}'])).toEqual({ kind: 'error', code: 'BAD_REQUEST', status: 503 });
    process.exitCode = undefined;
  });
});
