/**
 * `a6kit dev`: the edit loop. Runs the project's runner.ts (through tsx, no build step) on a fixed
 * unix socket, the one APISIX is told to use with `ext-plugin.path_for_test`; in that mode APISIX
 * does not start the runner itself but connects to whatever listens there. On every change under
 * plugins/ (or to runner.ts) it regenerates changed schemas, restarts the runner on the same socket
 * and prints what changed.
 *
 * A restarted runner has an empty conf cache, so the tokens APISIX holds are unknown to it: the
 * runner answers CONF_TOKEN_NOT_FOUND, APISIX drops its token cache, sends PrepareConf again and
 * retries the request (up to three times), so traffic recovers without restarting APISIX.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { watch, type FSWatcher } from 'chokidar';
import { a6kitPackage } from './package-root.js';
import { consoleLogger, runGenProject, type Logger } from './project.js';
import { typeCheckProject } from './typecheck.js';

export interface DevOptions {
  project: string;
  /** Socket path (same value as `ext-plugin.path_for_test` in APISIX's config.yaml). */
  socket: string;
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
  /** Resolves after the next restart triggered by a file change has finished (for tests). */
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
  throw new Error('a6kit dev needs tsx: npm install -D tsx');
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

export async function startDev(o: DevOptions): Promise<DevSession> {
  const log = o.log ?? consoleLogger;
  const project = resolve(o.project);
  const socket = resolve(o.socket);
  const loader = tsxLoader(project);
  let child: ChildProcess | undefined;
  let starts = 0;
  let closed = false;
  const cycleWaiters: ((files: string[]) => void)[] = [];

  const gen = await runGenProject({ project, typecheck: false, log });
  if (gen.code !== 0) log.error('dev: fix the schema errors above; the runner starts with the previous generated files');

  const startRunner = async (): Promise<void> => {
    if (existsSync(socket)) await unlink(socket).catch(() => {});
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
    forward(proc.stdout, log.info);
    forward(proc.stderr, log.error);
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
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((done) => {
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      proc.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      proc.kill('SIGTERM');
    });
  };

  try {
    await startRunner();
  } catch (err) {
    log.error(`dev: ${(err as Error).message}`);
  }

  // Files gen just wrote would come back as change events; they are already accounted for.
  const ownWrites = new Set<string>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> = Promise.resolve();

  const cycle = async (): Promise<void> => {
    const files = [...pending].sort();
    pending.clear();
    const changed = files.filter((f) => !ownWrites.delete(f));
    if (changed.length === 0 || closed) return;
    log.info(`changed: ${changed.map((f) => relative(project, f)).join(', ')}`);
    const schemas = changed.filter((f) => f.endsWith(`${sep}schema.json`)).map((f) => relative(join(project, 'plugins'), f).split(sep)[0] ?? '');
    let refused = false;
    if (schemas.length > 0) {
      const r = await runGenProject({ project, only: schemas, typecheck: false, log });
      for (const w of r.written) ownWrites.add(join(project, w));
      refused = r.code !== 0;
    }
    // The runner never reads schema.json, only what gen makes of it: a refused schema (often just
    // half-typed) changes nothing it runs, and a restart would only cost APISIX its conf tokens.
    const needsRestart = changed.some((f) => !/\.test\.[cm]?ts$/.test(f) && !(refused && f.endsWith(`${sep}schema.json`)));
    if (refused && !needsRestart) log.error('schema refused: the runner keeps serving the previous generated code (not restarted)');
    if (needsRestart) {
      await stopRunner();
      try {
        await startRunner();
      } catch (err) {
        log.error(`dev: ${(err as Error).message}`);
      }
    }
    // Type-check after the restart: tsx runs the code without types, so the runner is not held up,
    // but a schema change that breaks the plugin's code is still pointed out.
    if (schemas.length > 0 && o.typecheck !== false) {
      const result = typeCheckProject(project, new Map());
      if (result.problems.length > 0) {
        log.error('the generated types do not fit your code:');
        result.problems.forEach((p) => log.error(`  ${p.where}: ${p.message}`));
      }
    }
    cycleWaiters.splice(0).forEach((w) => w(changed.map((f) => relative(project, f))));
  };

  const watcher: FSWatcher = watch([join(project, 'plugins'), join(project, 'runner.ts')], {
    ignoreInitial: true,
    ignored: (p: string) => p.includes(`${sep}node_modules${sep}`) || p.endsWith('.sock'),
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
  });
  await new Promise<void>((r) => watcher.once('ready', () => r()));
  const onEvent = (path: string): void => {
    pending.add(resolve(path));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      busy = busy.then(cycle, cycle);
    }, o.debounceMs ?? 150);
  };
  watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
  log.info(`watching ${relative(process.cwd(), join(project, 'plugins')) || 'plugins'} (APISIX config.yaml: ext-plugin.path_for_test: ${socket})`);

  return {
    socket,
    get starts() {
      return starts;
    },
    nextCycle: () => new Promise((r) => cycleWaiters.push(r)),
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await busy.catch(() => {});
      await stopRunner();
      if (existsSync(socket)) await unlink(socket).catch(() => {});
    },
  };
}
