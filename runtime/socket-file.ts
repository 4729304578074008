/**
 * The socket file's life: created with the asked mode and no wider, moved into place atomically,
 * and removed at exit only while it is still ours.
 *
 * - **Mode.** The socket is bound inside a private directory (mkdtemp: 0700) next to the target,
 *   chmod-ed there, then renamed into place. Nobody else can reach it before it has its final mode:
 *   connecting needs search permission on the directory holding it. (chmod after listen, at the
 *   final path, left a window in which another user could connect and stay connected.)
 * - **Take-over.** On reload APISIX starts the new runner while the old one may still be draining
 *   on the same path. rename() replaces the old socket file atomically: new connections reach the
 *   new runner, and the old one keeps serving the connections it has.
 * - **Removal.** Node's server.close() unlinks the name the socket was *bound* to, whatever is
 *   there by then: that is the private temporary name (gone since the rename), never the target.
 *   The target is removed by release(), and only while it is still the file we created (same
 *   device and inode), so an old runner's exit never deletes its successor's socket.
 */
import { createConnection, type Server } from 'node:net';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Longest path a unix socket can be bound to (sun_path minus its NUL). */
const MAX_SOCKET_PATH = process.platform === 'linux' ? 107 : 103;
/**
 * Private directories are named `.a6-<pid>-XXXXXX` (mkdtemp); the socket keeps the target's name
 * inside. The pid tells a live runner's directory (a cluster primary keeps its own) from one left by
 * a runner killed while starting.
 */
const PRIVATE_PREFIX = '.a6-';
const PRIVATE_NAME = /^\.a6-(\d+)-[A-Za-z0-9]{6}$/;
/** Younger leftovers are spared: their pid may live in another pid namespace sharing the folder. */
const LEFTOVER_AGE_MS = 60_000;

export class SocketInUseError extends Error {
  constructor(
    readonly path: string,
    /** `pid 123 (node runner.ts run)` when it could be found out. */
    readonly holder: string | undefined,
  ) {
    super(`unix:${path} is in use by ${holder ?? 'another process'}`);
    this.name = 'SocketInUseError';
  }
}

/** A socket file we created and published at `path`. */
export interface SocketFile {
  readonly path: string;
  /** True when a socket (live or stale) was at the path and this one replaced it. */
  readonly replaced: boolean;
  /** Removes the file at `path` if it is still ours; idempotent. */
  release(): Promise<void>;
}

/** A private place to bind to, before the socket is published at its target path. */
export interface PendingSocket {
  /** Where to bind (inside a private 0700 directory next to the target). */
  readonly bindPath: string;
  /**
   * Sets the mode, moves the bound socket onto the target path and removes the private directory
   * (kept when reserved `reusable`: a cluster primary binds there again if all its workers die).
   */
  publish(mode: number): Promise<SocketFile>;
  /** Gives up: removes the private directory and whatever is in it. */
  abandon(): Promise<void>;
}

/** True when something accepts connections on `path` (within 250 ms). */
export function isLive(path: string): Promise<boolean> {
  return new Promise((done) => {
    const c = createConnection(path);
    const t = setTimeout(() => {
      c.destroy();
      done(false);
    }, 250);
    c.once('connect', () => {
      clearTimeout(t);
      c.destroy();
      done(true);
    });
    c.once('error', () => {
      clearTimeout(t);
      done(false);
    });
  });
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function notASocket(path: string): Error {
  return new Error(`${path} exists and is not a socket; refusing to replace it`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** Private directories left behind by runners killed while starting (best effort). */
async function removeLeftovers(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const n of names) {
    const pid = Number(PRIVATE_NAME.exec(n)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const p = join(dir, n);
    try {
      const st = await lstat(p);
      if (st.isDirectory() && now - st.mtimeMs > LEFTOVER_AGE_MS) await rm(p, { recursive: true, force: true });
    } catch {
      // not ours to remove, or gone already
    }
  }
}

/**
 * For `a6kit dev`, which never takes a socket over: fails with SocketInUseError (naming the holder
 * when it can) if a live process serves `path`, or if something that is not a socket is there.
 */
export async function assertNotServed(path: string): Promise<void> {
  const existing = await lstatOrUndefined(path);
  if (existing === undefined) return;
  if (!existing.isSocket()) throw notASocket(path);
  if (await isLive(path)) throw new SocketInUseError(path, await describeHolder(path));
}

/**
 * Checks the target path and makes a private directory next to it to bind in. A socket already at
 * the path, live or not, will be replaced by publish() (the reload take-over); anything else there
 * is never replaced.
 */
export async function reserveSocketPath(path: string, opts: { reusable?: boolean } = {}): Promise<PendingSocket> {
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    throw new Error(`socket path ${path} is too long: a unix socket path may have at most ${MAX_SOCKET_PATH} bytes`);
  }
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const existing = await lstatOrUndefined(path);
  if (existing && !existing.isSocket()) throw notASocket(path);
  await removeLeftovers(dir);

  const privateDir = await mkdtemp(join(dir, `${PRIVATE_PREFIX}${process.pid}-`));
  // Same name inside the private directory, so /proc/net/unix still says which path it serves
  // (describeHolder); a short name when that would make the path too long.
  let bindPath = join(privateDir, basename(path));
  if (Buffer.byteLength(bindPath) > MAX_SOCKET_PATH) bindPath = join(privateDir, 's');
  if (Buffer.byteLength(bindPath) > MAX_SOCKET_PATH) {
    await rm(privateDir, { recursive: true, force: true });
    const room = MAX_SOCKET_PATH - (Buffer.byteLength(bindPath) - Buffer.byteLength(dir));
    throw new Error(
      `socket path ${path} is too long to be created safely: its directory may have at most ${room} bytes`,
    );
  }
  const abandon = () => rm(privateDir, { recursive: true, force: true });

  return {
    bindPath,
    abandon,
    async publish(mode) {
      try {
        await chmod(bindPath, mode);
        // Checked again right before the rename: rename() would silently replace a regular file.
        const before = await lstatOrUndefined(path);
        if (before && !before.isSocket()) throw notASocket(path);
        await rename(bindPath, path);
        const { dev, ino } = await stat(path);
        if (!opts.reusable) await rmdir(privateDir).catch(() => {});
        return socketFile(path, dev, ino, before !== undefined);
      } catch (err) {
        await abandon();
        throw err;
      }
    },
  };
}

function socketFile(path: string, dev: number, ino: number, replaced: boolean): SocketFile {
  let released: Promise<void> | undefined;
  return {
    path,
    replaced,
    release: () => (released ??= removeIfOurs(path, dev, ino)),
  };
}

/**
 * Unlinks `path` if it is still the file (dev, ino). There is no atomic compare-and-unlink: a
 * successor renaming its socket in between the stat and the unlink would lose it, but that window
 * is a few microseconds at the end of a drain, against the whole drain before.
 */
async function removeIfOurs(path: string, dev: number, ino: number): Promise<void> {
  try {
    const st = await stat(path);
    if (st.dev === dev && st.ino === ino) await unlink(path);
  } catch {
    // already gone
  }
}

/** server.listen() on a unix path, as a promise (the deep backlog: see startRunner). */
export function listenOn(server: Server, path: string, backlog: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path, backlog }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Binds `server` privately, sets `mode`, then publishes the socket at `path` (see the top of this
 * file). The returned file's release() removes the target only while it is still this socket.
 */
export async function listenUnix(
  server: Server,
  path: string,
  opts: { mode: number; backlog: number },
): Promise<SocketFile> {
  const pending = await reserveSocketPath(path);
  try {
    await listenOn(server, pending.bindPath, opts.backlog);
  } catch (err) {
    await pending.abandon();
    throw err;
  }
  try {
    return await pending.publish(opts.mode);
  } catch (err) {
    server.close();
    throw err;
  }
}

/**
 * Who serves `path`, e.g. `pid 123 (node runner.ts run)`, from what this user may read of
 * /proc (Linux only): listening sockets bound to the path, or to the same name in one of our
 * private directories next to it, and the processes holding them. Undefined when unknown.
 */
async function describeHolder(path: string): Promise<string | undefined> {
  try {
    const inodes = listeningInodes(await readFile('/proc/net/unix', 'utf8'), path);
    if (inodes.size === 0) return undefined;
    const holders: string[] = [];
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let fds: string[];
      try {
        fds = await readdir(`/proc/${pid}/fd`);
      } catch {
        continue; // another user's process: not readable
      }
      for (const fd of fds) {
        const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m && inodes.has(m[1]!)) {
          holders.push(`pid ${pid}${await commandOf(pid)}`);
          break;
        }
      }
    }
    return holders.length > 0 ? holders.join(', ') : undefined;
  } catch {
    return undefined;
  }
}

/** Socket inodes of listening unix sockets that serve `path` (exported for tests). */
export function listeningInodes(procNetUnix: string, path: string): Set<string> {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const dir = dirname(path);
  const name = basename(path);
  const privateName = new RegExp(`^${escape(join(dir, PRIVATE_PREFIX))}\\d+-[A-Za-z0-9]{6}/(?:${escape(name)}|s)$`);
  const inodes = new Set<string>();
  for (const line of procNetUnix.split('\n').slice(1)) {
    // Num RefCount Protocol Flags Type St Inode Path; Flags 00010000 = accepting connections.
    const cols = line.trim().split(/\s+/);
    if (cols.length < 8 || cols[3] !== '00010000') continue;
    const bound = cols.slice(7).join(' ');
    if (bound === path || privateName.test(bound)) inodes.add(cols[6]!);
  }
  return inodes;
}

async function commandOf(pid: string): Promise<string> {
  try {
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter((a) => a.length > 0);
    if (argv.length === 0) return '';
    const shown = argv.map((a, i) => (i === 0 || a.startsWith('/') ? basename(a) : a)).join(' ');
    return ` (${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown})`;
  } catch {
    return '';
  }
}
