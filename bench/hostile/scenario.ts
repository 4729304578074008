/**
 * A row of the hostile bench: one attack replayed against a fresh runner child process. The
 * harness (main.ts) starts the runner with `runnerArgs`/`runnerEnv`, keeps a bystander calling
 * it from another thread, and reports the runner's peak RSS, the bystander's worst latency and
 * whether the runner survived. Add a row by dropping a module in scenarios/ whose default export
 * is a Scenario.
 */
export interface ScenarioContext {
  /** Socket path of the runner under attack. */
  readonly path: string;
  /** Runner child's pid (its /proc entry tells RSS). */
  readonly pid: number;
  /** Whether the runner process is still running. */
  alive(): boolean;
  /** Current RSS of the runner, MiB. */
  rssMiB(): number;
  /** Progress lines (printed indented under the row). */
  note(line: string): void;
}

export interface Scenario {
  /** Short row name, e.g. `announce-16mib`. */
  readonly name: string;
  /** What the row replays, in the words of the table. */
  readonly row: string;
  /** Extra flags for `run` (e.g. shorter timeouts to keep the row short). */
  readonly runnerArgs?: readonly string[];
  readonly runnerEnv?: Readonly<Record<string, string>>;
  /** RSS the runner must be below once the row is over (the common targets still apply). */
  readonly maxFinalRssMiB?: number;
  /** Whether the runner is expected to exit during the row (SIGTERM rows). */
  readonly exits?: boolean;
  /** Runs the attack; resolves to a one-line outcome ("refused 184 of 200 frames"). */
  run(ctx: ScenarioContext): Promise<string>;
}
