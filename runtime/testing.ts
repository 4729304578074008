/** `a6kit/testing`: the gateway simulator and an in-process runner for plugin tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyPlugin } from './plugin.js';
import { createRunnerCore, startRunner, type RunnerOptions } from './server.js';
import { memoryPair } from './memory-pipe.js';
import { createLogger } from './logger.js';
import { GatewaySimulator, type SimulatorOptions } from './simulator.js';

export {
  GatewaySimulator,
  SimProtocolError,
  type PluginConf,
  type SimRequest,
  type SimResult,
  type SimError,
  type SimErrorCode,
  type SimUpstreamResponse,
  type SimResponseResult,
  type SimulatorOptions,
  type Dialer,
} from './simulator.js';
export type { RunnerOptions } from './server.js';

export interface TestRunner {
  readonly address: string;
  readonly simulator: GatewaySimulator;
  /** Gateway connections the runner holds open (simulator pool included), for leak checks. */
  connectionsOpen(): number;
  close(): Promise<void>;
}

export interface TestRunnerOptions extends Partial<RunnerOptions>, SimulatorOptions {
  /**
   * `unix` (default): a real runner on a socket in a temp dir, exactly what APISIX talks to.
   * `memory`: the same runner and simulator code over in-process pipes (no socket file).
   */
  transport?: 'unix' | 'memory';
}

/**
 * Starts a runner with `plugins` and connects a simulator to it. Logs are silent unless `logLevel`
 * (or A6KIT_TEST_LOG_LEVEL) asks for them.
 */
export async function startTestRunner(plugins: readonly AnyPlugin[], opts: TestRunnerOptions = {}): Promise<TestRunner> {
  const { allowDegradation, transport, ...runnerOpts } = opts;
  const logger = runnerOpts.logger ?? createLogger(runnerOpts.logLevel ?? process.env.A6KIT_TEST_LOG_LEVEL ?? 'silent');
  if (transport === 'memory') {
    const core = createRunnerCore({ ...runnerOpts, plugins }, logger);
    const simulator = await GatewaySimulator.over(async () => {
      const [gateway, runner] = memoryPair();
      core.serve(runner);
      return gateway;
    }, { allowDegradation });
    return {
      address: 'memory:',
      simulator,
      connectionsOpen: () => core.connections,
      async close() {
        await simulator.close();
        await core.drain(runnerOpts.shutdownGraceMs ?? 700);
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'a6kit-test-'));
  let runner;
  try {
    runner = await startRunner({ ...runnerOpts, logger, plugins, address: `unix:${join(dir, 'runner.sock')}` });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const simulator = await GatewaySimulator.connect(runner.address, { allowDegradation });
  const r = runner;
  return {
    address: r.address,
    simulator,
    connectionsOpen: () => r.connections,
    async close() {
      await simulator.close();
      await r.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
