/**
 * `a6kit dev`: the edit loop. Runs the project's runner.ts (through tsx, no build step) on a fixed
 * unix socket, the one APISIX is told to use with `ext-plugin.path_for_test`; in that mode APISIX
 * does not start the runner itself but connects to whatever listens there. On every change to a
 * file the runner imports (its import graph, from esbuild's metafile) or under plugins/ it
 * regenerates changed schemas, restarts the runner on the same socket and prints what changed.
 *
 * The socket is never taken from a live process (another dev session, a runner APISIX started):
 * dev refuses and names the process holding it. A signal at any moment, start-up included, stops
 * the runner it started and leaves no socket behind.
 *
 * A restarted runner has an empty conf cache, so the tokens APISIX holds are unknown to it: the
 * runner answers CONF_TOKEN_NOT_FOUND, APISIX drops its token cache, sends PrepareConf again and
 * retries the request (up to three times), so traffic recovers without restarting APISIX.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { watch, type FSWatcher } from 'chokidar';
import { a6kitPackage } from '../tooling/package-root.js';
import { UserError } from '../tooling/user-error.js';
import { consoleLogger, runGenProject, type Logger } from './generate.js';
import { typeCheckProject } from './typecheck.js';
import { socketPath } from '../runtime/address.js';
import { assertNotServed, isLive, SocketInUseError } from '../runtime/socket-file.js';

export interface DevOptions {
  project: string;
  /** Socket path, `unix:` optional (same value as `ext-plugin.path_for_test` in APISIX's config.yaml). */
  socket: string;
  /** Aborting stops dev at any moment, start-up included (startDev then rejects with an AbortError). */
  signal?: AbortSignal;
  log?: Logger;
  /** Quiet period before acting on a burst of file events. */
  debounceMs?: number;
  /** Type-check after a schema change (default true). */
  typecheck?: boolean;
  /** Extra environment for the runner (for example A6KIT log settings). */
  env?: Record<string, string>;
}

export interface DevSession {
  readonly socket: string;
  /** How many times the runner was (re)started. */
  readonly starts: number;
  /** Resolves after the next cycle triggered by a file change has finished (for tests). */
  nextCycle(): Promise<string[]>;
  close(): Promise<void>;
}

/** Finds tsx's ESM loader: the project's own first, else the one next to a6kit. */
function tsxLoader(project: string): string {
  for (const base of [join(project, 'package.json'), join(a6kitPackage().root, 'package.json')]) {
    try {
      const pkgJson = createRequire(base).resolve('tsx/package.json');
      return pathToFileURL(join(pkgJson, '..', 'dist', 'loader.mjs')).href;
    } catch {
      // not installed there
    }
  }
  throw new UserError('a6kit dev needs tsx: npm install -D tsx');
}

function waitForSocket(path: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolvePromise, reject) => {
    const attempt = (): void => {
      if (child.exitCode !== null || child.signalCode !== null) {
        reject(new Error(`runner exited (${child.exitCode ?? child.signalCode}) before listening`));
        return;
      }
      const s = connect(path);
      s.once('connect', () => {
        s.destroy();
        resolvePromise();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) reject(new Error(`runner did not listen on ${path} within ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Where esbuild lives: it is tsup's dependency, not ours (see shipping/build.ts). */
interface EsbuildForGraph {
  build(o: Record<string, unknown>): Promise<{ metafile?: { inputs: Record<string, unknown> } }>;
}
function loadEsbuild(): EsbuildForGraph {
  const req = createRequire(import.meta.url);
  return createRequire(req.resolve('tsup'))('esbuild') as EsbuildForGraph;
}

/**
 * The project's own files runner.ts imports, directly or not (packages are left out), or undefined
 * when that cannot be worked out (a syntax error mid-edit): esbuild resolves imports as tsx does.
 */
async function runnerImports(project: string): Promise<Set<string> | undefined> {
  try {
    const r = await loadEsbuild().build({
      entryPoints: [join(project, 'runner.ts')],
      absWorkingDir: project,
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const files = new Set<string>();
    for (const input of Object.keys(r.metafile?.inputs ?? {})) {
      const abs = resolve(project, input);
      if (!relative(project, abs).startsWith('..') && !abs.includes(`${sep}node_modules${sep}`)) files.add(abs);
    }
    return files;
  } catch {
    return undefined;
  }
}

const SOURCE = /\.(?:[cm]?[jt]sx?|json)$/;
const TEST = /\.test\.[cm]?[jt]sx?$/;
/** Not watched: packages, build output, hidden folders (.git, .tmp, a socket's private dir). */
function ignoredBy(project: string): (p: string) => boolean {
  return (p) => {
    const rel = relative(project, p);
    if (rel === '' || rel.startsWith('..')) return false;
    return (
      p.endsWith('.sock') ||
      rel
        .split(sep)
        .some((part) => part === 'node_modules' || part === 'dist' || part === 'coverage' || part.startsWith('.'))
    );
  };
}

function abortError(): Error {
  const err = new Error('a6kit dev was stopped while starting');
  err.name = 'AbortError';
  return err;
}

export async function startDev(o: DevOptions): Promise<DevSession> {
  const log = o.log ?? consoleLogger;
  const project = resolve(o.project);
  const socket = socketPath(o.socket);
  if (o.signal?.aborted) throw abortError();
  // Before anything else, so a refused session changes nothing (no gen, no runner).
  await assertNotServed(socket);
  if (!existsSync(join(project, 'runner.ts')))
    throw new UserError(`${project} is not a runner project (no runner.ts): run \`a6kit init\` first`);
  const loader = tsxLoader(project);
  let child: ChildProcess | undefined;
  let starts = 0;
  let closed = false;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> = Promise.resolve();
  const cycleWaiters: ((files: string[]) => void)[] = [];

  const startRunner = async (): Promise<void> => {
    if (closed) return;
    await assertNotServed(socket);
    if (closed) return;
    const proc = spawn(process.execPath, ['--import', loader, join(project, 'runner.ts'), 'run'], {
      cwd: project,
      env: { ...process.env, ...o.env, APISIX_LISTEN_ADDRESS: `unix:${socket}`, APISIX_CONF_EXPIRE_TIME: '3600' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const forward = (stream: NodeJS.ReadableStream | null, sink: (l: string) => void): void => {
      let buf = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buf += chunk;
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const l of lines) if (l.length > 0) sink(`[runner] ${l}`);
      });
    };
    forward(proc.stdout, (l) => log.info(l));
    forward(proc.stderr, (l) => log.error(l));
    proc.once('exit', (code, signal) => {
      if (child === proc && !closed) log.error(`[runner] exited (${code ?? signal}); waiting for a change to restart`);
    });
    starts++;
    await waitForSocket(socket, proc, 20_000);
    log.info(`runner ${starts === 1 ? 'started' : 'restarted'} on unix:${socket}`);
  };

  const stopRunner = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc) return;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((done) => {
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      proc.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      proc.kill('SIGTERM');
    });
  };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      // The runner first: a cycle may be waiting for it to listen, and its exit ends that wait.
      await stopRunner();
      await watcher?.close();
      await busy.catch(() => {});
      await stopRunner();
      // A runner killed before it could clean up leaves a dead socket; a live one is not ours.
      if ((await lstat(socket).catch(() => undefined))?.isSocket() && !(await isLive(socket)))
        await unlink(socket).catch(() => {});
    })());
  const onAbort = (): void => void close();
  o.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    const gen = await runGenProject({ project, typecheck: false, log });
    if (gen.code !== 0)
      log.error('dev: fix the schema errors above; the runner starts with the previous generated files');
    if (closed) throw abortError();

    try {
      await startRunner();
    } catch (err) {
      if (closed) throw abortError();
      if (err instanceof SocketInUseError) throw err;
      log.error(`dev: ${(err as Error).message}`);
    }
    if (closed) throw abortError();

    // What the runner imports decides what restarts it; recomputed after every cycle, as an edit
    // may add or drop imports. Until known (or if never), every source file outside tests counts.
    let imports = await runnerImports(project);
    const runnerFile = join(project, 'runner.ts');
    const pluginsRoot = join(project, 'plugins') + sep;
    const relevant = (f: string): boolean => {
      if (TEST.test(f)) return f.startsWith(pluginsRoot); // logged, never restarts (see below)
      if (f === runnerFile || f.startsWith(pluginsRoot)) return true;
      if (f === join(project, 'tsconfig.json') || f === join(project, 'package.json')) return true;
      return imports ? imports.has(f) : SOURCE.test(f);
    };

    // Files gen just wrote would come back as change events; they are already accounted for.
    const ownWrites = new Set<string>();
    const pending = new Set<string>();

    const cycle = async (): Promise<void> => {
      const files = [...pending].sort();
      pending.clear();
      const changed = files.filter((f) => !ownWrites.delete(f));
      if (changed.length === 0 || closed) return;
      log.info(`changed: ${changed.map((f) => relative(project, f)).join(', ')}`);
      const schemas = changed
        .filter((f) => f.startsWith(pluginsRoot) && f.endsWith(`${sep}schema.json`))
        .map((f) => relative(join(project, 'plugins'), f).split(sep)[0] ?? '');
      let refused = false;
      if (schemas.length > 0) {
        const r = await runGenProject({ project, only: schemas, typecheck: false, log });
        for (const w of r.written) ownWrites.add(join(project, w));
        refused = r.code !== 0;
      }
      // The runner never reads schema.json, only what gen makes of it: a refused schema (often just
      // half-typed) changes nothing it runs, and a restart would only cost APISIX its conf tokens.
      const needsRestart = changed.some((f) => !TEST.test(f) && !(refused && f.endsWith(`${sep}schema.json`)));
      if (refused && !needsRestart)
        log.error('schema refused: the runner keeps serving the previous generated code (not restarted)');
      if (needsRestart && !closed) {
        await stopRunner();
        try {
          await startRunner();
        } catch (err) {
          if (!closed) log.error(`dev: ${(err as Error).message}`);
        }
        imports = (await runnerImports(project)) ?? imports;
      }
      // Type-check after the restart: tsx runs the code without types, so the runner is not held up,
      // but a schema change that breaks the plugin's code is still pointed out.
      if (schemas.length > 0 && o.typecheck !== false && !closed) {
        const result = typeCheckProject(project, new Map());
        if (result.problems.length > 0) {
          log.error('the generated types do not fit your code:');
          result.problems.forEach((p) => log.error(`  ${p.where}: ${p.message}`));
        }
      }
      cycleWaiters.splice(0).forEach((w) => w(changed.map((f) => relative(project, f))));
    };

    if (closed) throw abortError();
    const w: FSWatcher = watch(project, {
      ignoreInitial: true,
      ignored: ignoredBy(project),
      awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
    });
    watcher = w;
    await new Promise<void>((r) => w.once('ready', () => r()));
    if (closed) throw abortError();
    const onEvent = (path: string): void => {
      const file = resolve(path);
      if (!relevant(file)) return;
      pending.add(file);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        busy = busy.then(cycle, cycle);
      }, o.debounceMs ?? 150);
    };
    w.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
    log.info(
      `watching ${relative(process.cwd(), project) || '.'}: what runner.ts imports and plugins/ (APISIX config.yaml: ext-plugin.path_for_test: ${socket})`,
    );
  } catch (err) {
    await close();
    await watcher?.close(); // made after close() had run, if the abort came while it was starting
    throw err;
  }

  return {
    socket,
    get starts() {
      return starts;
    },
    nextCycle: () => new Promise((r) => cycleWaiters.push(r)),
    close: () => {
      o.signal?.removeEventListener('abort', onAbort);
      return close();
    },
  };
}
