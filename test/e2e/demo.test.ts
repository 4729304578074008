/** `npm run demo` is the README's first command: it must keep working as the parts around it change. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

it('runs the demo end to end (bundle only, to keep the suite quick)', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'demo/main.ts', '--no-sea'], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  expect(r.stdout).toContain('APISIX answers the client itself: 401');
  expect(r.stdout).toContain('APISIX proxies to the upstream: POST /orders?page=2');
  expect(r.stdout).toContain('the runner refused (BAD_REQUEST): APISIX answers the client 503');
  expect(r.stdout).toMatch(/exited by itself \(exit code 0\)/);
  expect(r.stdout).toContain('socket removed');
  expect(r.stdout).toContain('demo OK');
}, 120_000);
