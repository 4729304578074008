/**
 * `npm run demo`: the whole life of an a6kit runner on this machine, offline, in about 20 s.
 *
 *   1. scaffold a runner project with one plugin made from a sample JSON Schema;
 *   2. build it into one executable (a Node single executable; the one-file bundle where the
 *      platform cannot make one);
 *   3. start it the way APISIX does (own process, APISIX_LISTEN_ADDRESS, APISIX_CONF_EXPIRE_TIME,
 *      output captured);
 *   4. send it the RPCs APISIX would send for a few client requests, and say what APISIX would do;
 *   5. stop it the way APISIX does (SIGTERM; SIGKILL after 1 s) and check it left nothing behind.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRunner } from '../shipping/build.js';
import { UserError } from '../tooling/user-error.js';
import { describeExit, startRunnerProcess, type RunnerProcess } from './runner-process.js';
import { scaffoldProject } from './scaffold.js';
import { demoExchanges, sendTraffic } from './traffic.js';

// A closed stdout (`npm run demo | head`) must not crash the demo before it has cleaned up.
let stdoutOpen = true;
process.stdout.on('error', () => (stdoutOpen = false));
const print = (line = ''): void => {
  if (stdoutOpen) process.stdout.write(`${line}\n`);
};
const heading = (text: string): void => print(`\n== ${text}`);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

interface Run {
  work: string;
  runner?: RunnerProcess;
}

async function main(): Promise<void> {
  const run: Run = { work: await mkdtemp(join(tmpdir(), 'a6kit-demo-')) };
  try {
    await steps(run);
  } finally {
    await run.runner?.stop();
    await rm(run.work, { recursive: true, force: true });
  }
}

async function steps(run: Run): Promise<void> {
  const { work } = run;
  const project = join(work, 'my-runner');
  print('a6kit demo: a typed APISIX external plugin, from JSON Schema to a running executable');

  heading('1. scaffold a runner project');
  await scaffoldProject(project, print);

  heading('2. build');
  const t0 = performance.now();
  let cmd: string[];
  // --no-sea: the one-file bundle only (quicker; what the end-to-end test of the demo uses).
  const sea = !process.argv.includes('--no-sea');
  try {
    print(`  $ a6kit build${sea ? ' --sea' : ''}`);
    const b = await buildRunner({ project, sea, log: (l) => print(`    ${l.replace(project + '/', '')}`) });
    cmd = [b.executable ?? b.bundle, 'run'];
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    print(`    no single executable here (${err.message.split('\n')[0]}); using the one-file bundle`);
    cmd = [join(project, 'dist', 'a6-runner.cjs'), 'run'];
  }
  print(`    built in ${seconds(performance.now() - t0)}`);

  heading('3. start it as APISIX does');
  // APISIX's layout: <prefix>/conf/apisix-<master pid>.sock, passed as APISIX_LISTEN_ADDRESS.
  const socketPath = join(work, `apisix-${process.pid}.sock`);
  print('  config.yaml:   ext-plugin:');
  print(`                   cmd: ${JSON.stringify(cmd)}`);
  print(`  environment:   APISIX_LISTEN_ADDRESS=unix:${socketPath}`);
  print('                 APISIX_CONF_EXPIRE_TIME=3600');
  const runner = await startRunnerProcess(cmd, { socketPath });
  run.runner = runner;
  print(`  pid ${runner.pid}: accepting connections after ${Math.round(runner.startupMs)} ms`);

  heading('4. client requests through APISIX (ext-plugin-pre-req)');
  const results = await sendTraffic(runner.address, demoExchanges(), print);
  const expected = ['response', 'response', 'upstream', 'error'];
  const got = results.map((r) => r.kind);
  if (got.join() !== expected.join())
    throw new Error(`unexpected results: ${got.join(', ')} (expected ${expected.join(', ')})`);

  heading('5. stop it as APISIX does (SIGTERM, SIGKILL after 1 s)');
  const stopped = await runner.stop();
  const output = runner.output.filter((l) => l.trim() !== '');
  run.runner = undefined;
  print(
    `  ${stopped.killed ? 'KILLED after 1 s' : `exited by itself (${describeExit(stopped)}) ${Math.round(stopped.ms)} ms after SIGTERM`}`,
  );
  print(`  socket ${existsSync(socketPath) ? 'STILL THERE' : 'removed'}`);
  print('  runner output (what APISIX copies into its error.log):');
  for (const line of output) print(`    ${line}`);
  if (stopped.killed || stopped.code !== 0 || existsSync(socketPath))
    throw new Error('the runner did not stop cleanly');

  print('\ndemo OK. Next: README.md (quickstart for your own runner), `npm test`.');
}

main().catch((err: unknown) => {
  process.stderr.write(`\ndemo FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
