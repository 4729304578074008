/** `a6kit/testing`: the gateway simulator and an in-process runner for plugin tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyPlugin } from '../plugin.js';
import { createRunnerCore, startRunner, type RunnerOptions } from '../server.js';
import { memoryPair } from './memory-pipe.js';
import { createLogger, LOG_LEVELS } from '../logger.js';
import {
  GatewaySimulator,
  type CallObserver,
  type SimFailure,
  type SimResult,
  type SimulatorOptions,
} from './simulator.js';

export {
  GatewaySimulator,
  SimProtocolError,
  type PluginConf,
  type SimRequest,
  type SimResult,
  type SimError,
  type SimErrorCode,
  type SimFailure,
  type SimStep,
  type CallObserver,
  type SimUpstreamResponse,
  type SimResponseResult,
  type SimulatorOptions,
  type Dialer,
} from './simulator.js';
export type { RunnerOptions } from '../server.js';

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

/** pino's numeric levels, by name. */
const LEVEL_VALUES: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};
/** Records kept for explaining failures: enough for any one call, bounded for long test files. */
const KEPT_RECORDS = 2000;

type LogRecord = Record<string, unknown> & { level?: string; msg?: string; key?: string };

/**
 * The test runner's log: every record at `info` and above is kept (briefly) to explain a failed
 * call; those at or above the printed level (`logLevel` / A6KIT_TEST_LOG_LEVEL, default none) are
 * also written to stdout as the runner would.
 */
class LogCapture implements CallObserver {
  private records: { seq: number; rec: LogRecord }[] = [];
  private seq = 0;
  /** The runner logs a recurring refusal once a minute: remember the last problem of each conf key. */
  private readonly lastProblem = new Map<string, LogRecord>();
  readonly stream: Writable;

  constructor(readonly printLevel: string) {
    const print = LEVEL_VALUES[printLevel] ?? Infinity;
    this.stream = new Writable({
      decodeStrings: false,
      write: (chunk: string | Buffer, _enc, done) => {
        const line = chunk.toString();
        let rec: LogRecord | undefined;
        try {
          rec = JSON.parse(line) as LogRecord;
        } catch {
          // not a record: nothing to keep
        }
        if (rec) this.keep(rec);
        if ((LEVEL_VALUES[String(rec?.level)] ?? 0) >= print)
          process.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
        done();
      },
    });
  }

  /** The level the logger must run at: what is printed, and at least `info` to explain failures. */
  get loggerLevel(): string {
    return (LEVEL_VALUES[this.printLevel] ?? Infinity) < LEVEL_VALUES.info! ? this.printLevel : 'info';
  }

  private keep(rec: LogRecord): void {
    this.records.push({ seq: ++this.seq, rec });
    if (this.records.length > KEPT_RECORDS) this.records.splice(0, this.records.length - KEPT_RECORDS);
    if (typeof rec.key === 'string' && isProblem(rec)) {
      if (this.lastProblem.size >= KEPT_RECORDS) this.lastProblem.clear();
      this.lastProblem.set(rec.key, rec);
    }
  }

  begin(confKey: string): (failure: SimFailure) => SimFailure {
    const from = this.seq;
    return (failure) => {
      // This call's records: those about its conf key, and those about no key at all (a
      // connection-level problem), from its start until now.
      let logs = this.records
        .filter((r) => r.seq > from && (r.rec.key === undefined || r.rec.key === confKey))
        .map((r) => r.rec);
      if (!logs.some(isProblem) && failure.step === 'PrepareConf') {
        const last = this.lastProblem.get(confKey);
        if (last) logs = [...logs, last];
      }
      return explainFromLogs(failure, logs);
    };
  }
}

function isProblem(rec: LogRecord): boolean {
  return (LEVEL_VALUES[String(rec.level)] ?? 0) >= LEVEL_VALUES.warn!;
}

/** The failure told by the first warning or error the runner logged for the call. */
function explainFromLogs(failure: SimFailure, logs: readonly LogRecord[]): SimFailure {
  const rec = logs.find(isProblem);
  if (!rec) return { ...failure, logs };
  const err =
    rec.err && typeof rec.err === 'object'
      ? (rec.err as { type?: string; message?: string; stack?: string })
      : undefined;
  const plugin = typeof rec.plugin === 'string' ? rec.plugin : undefined;
  const pointer = typeof rec.pointer === 'string' ? rec.pointer : undefined;
  const reason = typeof rec.reason === 'string' ? rec.reason : typeof rec.err === 'string' ? rec.err : undefined;
  const error =
    err?.message !== undefined
      ? { name: err.type ?? 'Error', message: err.message, ...(err.stack ? { stack: err.stack } : {}) }
      : undefined;
  const parts = [
    `${failure.step}: ${String(rec.msg ?? 'runner error')}`,
    plugin !== undefined ? `plugin "${plugin}"` : '',
    error ? `${error.name}: ${error.message}` : (reason ?? ''),
    pointer !== undefined ? `at ${pointer === '' ? '(the whole conf)' : pointer}` : '',
  ].filter(Boolean);
  return {
    ...failure,
    message: parts.join(', '),
    ...(plugin !== undefined ? { plugin } : {}),
    ...(pointer !== undefined ? { pointer } : {}),
    ...(error ? { error } : {}),
    logs,
  };
}

/**
 * Asserts the outcome is of `kind` and returns it narrowed to that kind. When it is not, the
 * assertion error says why: for an error outcome its reason (the plugin's error, the refused
 * conf's JSON pointer, the runner's log lines for the call), for another outcome what it was.
 *
 *   const { request } = expectKind(await t.simulator.request(confs, req), 'upstream');
 */
export function expectKind<K extends SimResult['kind']>(result: SimResult, kind: K): Extract<SimResult, { kind: K }> {
  if (result.kind === kind) return result as Extract<SimResult, { kind: K }>;
  throw new OutcomeAssertionError(`expected the outcome '${kind}', got ${describeOutcome(result)}`, kind, result.kind);
}

/** An assertion on an outcome's kind failed; `expected` and `actual` let test runners show a diff. */
export class OutcomeAssertionError extends Error {
  constructor(
    message: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(message);
    this.name = 'AssertionError';
  }
}

/** A log record without what repeats on every line or is shown above it (the stack). */
function shortRecord(key: string, value: unknown): unknown {
  return key === 'time' || key === 'pid' || key === 'name' || key === 'stack' ? undefined : value;
}

/** One outcome in words, with the reason when it is an error. */
export function describeOutcome(result: SimResult): string {
  switch (result.kind) {
    case 'response':
      return `'response': APISIX answers the client ${result.status}${result.body ? ` ${JSON.stringify(result.body.length > 200 ? `${result.body.slice(0, 200)}…` : result.body)}` : ''}`;
    case 'upstream':
      return `'upstream': APISIX proxies ${result.request.method} ${result.request.path}`;
    case 'error': {
      const r = result.reason;
      const lines = [`'error' (${result.code}, APISIX answers 503): ${r?.message ?? 'no reason recorded'}`];
      if (r?.error?.stack) lines.push(r.error.stack.split('\n').slice(0, 6).join('\n'));
      if (r?.logs.length)
        lines.push('runner log for this call:', ...r.logs.map((l) => `  ${JSON.stringify(l, shortRecord)}`));
      return lines.join('\n');
    }
  }
}

/**
 * Starts a runner with `plugins` and connects a simulator to it. The runner's log is printed from
 * `logLevel` (or A6KIT_TEST_LOG_LEVEL) up, default nothing; either way an error outcome's `reason`
 * carries the records of its call.
 */
export async function startTestRunner(
  plugins: readonly AnyPlugin[],
  opts: TestRunnerOptions = {},
): Promise<TestRunner> {
  const { allowDegradation, transport, ...runnerOpts } = opts;
  const printLevel = runnerOpts.logLevel ?? process.env.A6KIT_TEST_LOG_LEVEL ?? 'silent';
  if (!LOG_LEVELS.includes(printLevel as (typeof LOG_LEVELS)[number])) {
    throw new Error(`unknown log level "${printLevel}" (use one of ${LOG_LEVELS.join(', ')})`);
  }
  // A logger of the caller's own is used as given: its records are not seen, so no reasons from logs.
  const capture = runnerOpts.logger ? undefined : new LogCapture(printLevel);
  const logger = runnerOpts.logger ?? createLogger(capture!.loggerLevel, capture!.stream);
  const observer = capture;
  if (transport === 'memory') {
    const core = createRunnerCore({ ...runnerOpts, plugins }, logger);
    const simulator = await GatewaySimulator.over(
      () => {
        const [gateway, runner] = memoryPair();
        core.serve(runner);
        return Promise.resolve(gateway);
      },
      { allowDegradation, ...(observer ? { observer } : {}) },
    );
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
  const simulator = await GatewaySimulator.connect(runner.address, {
    allowDegradation,
    ...(observer ? { observer } : {}),
  });
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
