/** `a6kit/testing`: the gateway simulator and an in-process runner for plugin tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyPlugin } from './plugin.js';
import { startRunner, type RunnerOptions } from './server.js';
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
} from './simulator.js';
export type { RunnerOptions } from './server.js';

export interface TestRunner {
  readonly address: string;
  readonly simulator: GatewaySimulator;
  /** Gateway connections the runner holds open (simulator pool included), for leak checks. */
  connectionsOpen(): number;
  close(): Promise<void>;
}

/**
 * Starts a runner with `plugins` on a private socket in a temp dir and connects a simulator to it.
 * Logs are silent unless `logLevel` (or A6KIT_TEST_LOG_LEVEL) asks for them.
 */
export async function startTestRunner(
  plugins: readonly AnyPlugin[],
  opts: Partial<RunnerOptions> & SimulatorOptions = {},
): Promise<TestRunner> {
  const dir = await mkdtemp(join(tmpdir(), 'a6kit-test-'));
  const { allowDegradation, ...runnerOpts } = opts;
  const logger = runnerOpts.logger ?? createLogger(runnerOpts.logLevel ?? process.env.A6KIT_TEST_LOG_LEVEL ?? 'silent');
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
