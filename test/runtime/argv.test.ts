import { availableParallelism } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArgvError, helpText, parseRunnerArgv, type RunFlags } from '../../runtime/argv.js';
import { DEFAULT_LIMITS, LIMIT_KNOBS } from '../../runtime/limits.js';

const run = (args: string[], env: NodeJS.ProcessEnv = {}): RunFlags => {
  const inv = parseRunnerArgv(args, env);
  if (inv.command !== 'run') throw new Error(`expected run, got ${inv.command}`);
  return inv.flags;
};
const refused = (args: string[], env: NodeJS.ProcessEnv = {}): string => {
  try {
    parseRunnerArgv(args, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ArgvError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${args.join(' ')}`);
};

describe('a6-runner command line', () => {
  it('runs by default, with every default', () => {
    for (const args of [[], ['run']]) {
      expect(run(args)).toEqual({
        logLevel: 'info',
        socketMode: 0o766,
        workers: 1,
        callTimeout: 50_000,
        skipInvalidConf: false,
        metrics: undefined,
        ...DEFAULT_LIMITS,
      });
    }
  });

  it('reads every flag, with or without the run command', () => {
    const f = run([
      'run',
      '--log-level=debug',
      '--socket-mode',
      '0700',
      '--workers',
      '3',
      '--call-timeout',
      '1500',
      '--skip-invalid-conf',
      '--metrics',
      '127.0.0.1:9091',
      '--max-buffered-bytes',
      '64MiB',
      '--max-output-bytes',
      '512k',
      '--max-conf-bytes',
      '1g',
      '--frame-timeout',
      '300',
      '--max-confs',
      '20',
    ]);
    expect(f).toMatchObject({
      logLevel: 'debug',
      socketMode: 0o700,
      workers: 3,
      callTimeout: 1500,
      skipInvalidConf: true,
      metrics: '127.0.0.1:9091',
      maxBufferedBytes: 64 << 20,
      maxOutputBytes: 512 << 10,
      maxConfBytes: 1 << 30,
      frameTimeoutMs: 300,
      maxConfs: 20,
      idleTimeoutMs: DEFAULT_LIMITS.idleTimeoutMs,
    });
    expect(run(['--workers', 'auto']).workers).toBe(availableParallelism());
  });

  it('falls back to the A6KIT_* env vars; a flag wins over its env var', () => {
    const env = {
      A6KIT_LOG_LEVEL: 'warn',
      A6KIT_WORKERS: '2',
      A6KIT_SOCKET_MODE: '600',
      A6KIT_IDLE_TIMEOUT_MS: '700',
      A6KIT_SKIP_INVALID_CONF: 'true',
      A6KIT_METRICS: 'unix:/tmp/m.sock',
      A6KIT_MAX_CONF_BYTES: '2MiB',
    };
    expect(run([], env)).toMatchObject({
      logLevel: 'warn',
      workers: 2,
      socketMode: 0o600,
      idleTimeoutMs: 700,
      skipInvalidConf: true,
      metrics: 'unix:/tmp/m.sock',
      maxConfBytes: 2 << 20,
    });
    expect(run(['--workers', '4', '--log-level', 'error'], env)).toMatchObject({ workers: 4, logLevel: 'error' });
    expect(run([], { A6KIT_SKIP_INVALID_CONF: '0' }).skipInvalidConf).toBe(false);
    // Every limit knob is reachable by its env var.
    for (const k of LIMIT_KNOBS) expect(run([], { [k.env]: '7' })[k.key]).toBe(7);
  });

  it('refuses bad values with the flag or env var and what it expects', () => {
    expect(refused(['--workers', 'x'])).toBe("--workers 'x' is invalid: --workers must be a positive integer");
    expect(refused(['--workers', '0'])).toMatch(/--workers must be a positive integer/);
    expect(refused([], { A6KIT_MAX_CONFS: '0' })).toBe(
      "A6KIT_MAX_CONFS='0' is invalid: --max-confs must be a positive integer",
    );
    expect(refused(['--call-timeout', '1.5'])).toMatch(/--call-timeout must be a positive integer/);
    expect(refused(['--max-buffered-bytes', '12 parsecs'])).toMatch(/positive number of bytes/);
    expect(refused(['--log-level', 'loud'])).toMatch(/--log-level 'loud' is invalid: allowed: fatal, error/);
    expect(refused(['--socket-mode', '0999'])).toMatch(/expected octal/);
    expect(refused(['--metrics', 'nowhere'])).toMatch(/^--metrics 'nowhere' is invalid/);
    expect(refused([], { A6KIT_SKIP_INVALID_CONF: 'maybe' })).toMatch(/^A6KIT_SKIP_INVALID_CONF='maybe'/);
  });

  it('refuses unknown commands, options, missing values and stray arguments', () => {
    expect(refused(['serve'])).toBe("unknown command 'serve' (commands: run, plugins)");
    expect(refused(['--foo'])).toBe("unknown option '--foo'");
    expect(refused(['run', '--workers'])).toMatch(/^option '--workers <value>' argument missing/);
    expect(refused(['--skip-invalid-conf=yes'])).toMatch(/--skip-invalid-conf' does not take an argument/);
    expect(refused(['run', 'extra'])).toBe("unexpected argument 'extra' for 'run'");
    expect(refused(['plugins', '--workers', '2'])).toBe("unknown option '--workers'");
  });

  it('plugins [--json], --help, --version', () => {
    expect(parseRunnerArgv(['plugins'], {})).toEqual({ command: 'plugins', json: false });
    expect(parseRunnerArgv(['plugins', '--json'], {})).toEqual({ command: 'plugins', json: true });
    for (const a of [['--help'], ['-h'], ['help'], ['run', '--help'], ['plugins', '-h']])
      expect(parseRunnerArgv(a, {})).toEqual({ command: 'help' });
    for (const a of [['--version'], ['-V'], ['run', '--version']])
      expect(parseRunnerArgv(a, {})).toEqual({ command: 'version' });
    // --help wins over a bad value elsewhere, as it is asked for to fix the line.
    expect(parseRunnerArgv(['--workers', 'x', '--help'], {})).toEqual({ command: 'help' });
  });

  it('--help lists every flag with its env var and default', () => {
    const text = helpText({ version: '1.2.3', plugins: ['say', 'stop'] });
    expect(text).toContain('a6kit 1.2.3); plugins: say, stop');
    expect(text).toContain('a6-runner plugins [--json]');
    for (const flag of [
      '--log-level',
      '--socket-mode',
      '--workers',
      '--call-timeout',
      '--skip-invalid-conf',
      '--metrics',
    ])
      expect(text).toContain(flag);
    for (const k of LIMIT_KNOBS) expect(text).toMatch(new RegExp(`${k.flag} .*\\n +env ${k.env}; default \\S+`));
    expect(text).toContain('env A6KIT_MAX_BUFFERED_BYTES; default 256MiB');
    expect(text).toContain('env A6KIT_SOCKET_MODE; default 0766');
  });
});

describe('a6-runner process (runMain)', () => {
  const fixture = fileURLToPath(new URL('./fixtures/runner.ts', import.meta.url));
  const runner = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', fixture, ...args], { encoding: 'utf8', timeout: 30_000 });

  it('a bad command line: `error: …` on stderr, exit 1, nothing started', () => {
    const r = runner('--workers', 'x');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: --workers 'x' is invalid: --workers must be a positive integer\n.*--help/);
    expect(r.stdout).toBe('');
  });

  it('--help and --version print and exit 0', () => {
    const help = runner('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('plugins: stop, slow, pid, hang');
    const v = runner('--version');
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^a6kit \d+\.\d+\.\d+/);
  });
});
