/**
 * A gateway node's runner: examples/runner.ts in a child process, started as APISIX starts it
 * (APISIX_LISTEN_ADDRESS, APISIX_CONF_EXPIRE_TIME), with a simulator speaking to its socket.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GatewaySimulator } from 'a6kit/testing';

/**
 * The tests run from the repository root (`npm test`, `npx vitest run examples`, or the examples'
 * `npm test`, which changes there first): tsx then resolves `a6kit` to ../runtime through the
 * root tsconfig's paths. (No import.meta here: the project's type check reads this file as CommonJS.)
 */
const ROOT = process.cwd();
const RUNNER = join(ROOT, 'examples', 'runner.ts');

export class GatewayNode {
  private constructor(
    private readonly child: ChildProcess,
    readonly simulator: GatewaySimulator,
  ) {}

  static async start(socket: string): Promise<GatewayNode> {
    if (!existsSync(RUNNER)) throw new Error(`${RUNNER} not found: run the tests from the repository root`);
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, 'run', '--log-level', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${socket}`, APISIX_CONF_EXPIRE_TIME: '3600' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`runner exited (${child.exitCode}):\n${output}`);
      try {
        return new GatewayNode(child, await GatewaySimulator.connect(`unix:${socket}`));
      } catch {
        if (Date.now() > deadline) {
          child.kill('SIGKILL');
          throw new Error(`runner did not listen on ${socket} within 30 s:\n${output}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** SIGTERM as APISIX sends it; resolves once the process is gone. */
  async stop(): Promise<void> {
    await this.simulator.close();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGTERM');
    const kill = setTimeout(() => this.child.kill('SIGKILL'), 1000);
    await gone;
    clearTimeout(kill);
  }
}
