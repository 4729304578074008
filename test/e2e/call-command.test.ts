/** `a6kit call` as a user types it against a running runner: what it prints and how it exits. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfError, definePlugin } from '../../runtime/index.js';
import { startTestRunner, type TestRunner } from '../../runtime/testkit/index.js';
import { buildProgram } from '../../cli/main.js';

const greet = definePlugin({
  name: 'greet',
  parseConf(raw: string): { word: string } {
    const conf = JSON.parse(raw) as { word?: unknown };
    if (typeof conf.word !== 'string') throw new ConfError('must be a string', '/word');
    return { word: conf.word };
  },
  requestFilter(conf, req) {
    if (req.path === '/throw') throw new Error('plugin bug');
    req.headers.set('x-greet', conf.word);
  },
  responseFilter(conf, res) {
    res.headers.set('x-greet', conf.word);
  },
});

let runner: TestRunner;
const run = (...args: string[]): Promise<unknown> =>
  buildProgram()
    .exitOverride()
    .parseAsync(['node', 'a6kit', 'call', '--socket', runner.address, ...args]);

function quiet(): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

beforeAll(async () => {
  runner = await startTestRunner([greet]);
});
afterAll(async () => {
  await runner.close();
});
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

describe('a6kit call', () => {
  it('prints the proxied request and exits 0', async () => {
    const io = quiet();
    await run('--plugin', 'greet={"word":"hi"}', '--path', '/a');
    expect(process.exitCode).toBeUndefined();
    expect(JSON.parse(io.out.join(''))).toMatchObject({
      kind: 'upstream',
      request: { path: '/a', headers: { 'x-greet': 'hi' } },
    });
    expect(io.err).toEqual([]);
  });

  it('a refused config: exit 3, and stderr says the reason is in the runner log', async () => {
    const io = quiet();
    await run('--plugin', 'greet={"word":1}');
    expect(process.exitCode).toBe(3);
    expect(JSON.parse(io.out.join(''))).toEqual({ kind: 'error', code: 'BAD_REQUEST', status: 503 });
    expect(io.err.join('')).toMatch(/refused the route config.*runner's log/);
  });

  it('a plugin that throws: exit 3, and stderr points at the runner log', async () => {
    const io = quiet();
    await run('--plugin', 'greet={"word":"hi"}', '--path', '/throw');
    expect(process.exitCode).toBe(3);
    expect(JSON.parse(io.out.join(''))).toEqual({ kind: 'error', code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(io.err.join('')).toMatch(/failed the call.*runner's log/);
  });

  it('--upstream-status must be an HTTP status code (a usage error: exit 2)', async () => {
    const io = quiet();
    await run('--plugin', 'greet={"word":"hi"}', '--upstream-status', 'abc');
    expect(process.exitCode).toBe(2);
    expect(io.err.join('')).toMatch(/^a6kit: --upstream-status "abc": an HTTP status code \(100-599\)\n$/);
    await run('--plugin', 'greet={"word":"hi"}', '--upstream-status', '42');
    expect(io.err.join('')).toMatch(/--upstream-status "42"/);
  });

  it('post-resp with a valid status prints what the client receives', async () => {
    const io = quiet();
    await run('--plugin', 'greet={"word":"hi"}', '--upstream-status', '404', '--upstream-body', 'gone');
    expect(JSON.parse(io.out.join(''))).toMatchObject({ status: 404, body: 'gone', headers: { 'x-greet': 'hi' } });
  });
});
