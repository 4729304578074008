/**
 * The listening socket as APISIX expects it: path from `unix:/abs/path.sock`, its directory created,
 * a stale socket file from a dead runner removed, mode 0766 by default (APISIX workers often run
 * as `nobody` and must be able to connect).
 */
import { createConnection } from 'node:net';
import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';

/** `unix:/x.sock` or `/x.sock` to an absolute path. */
export function socketPath(address: string): string {
  const raw = address.startsWith('unix:') ? address.slice(5) : address;
  if (raw.length === 0) throw new Error(`invalid listen address "${address}": expected unix:/path/to/runner.sock`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
    throw new Error(`invalid listen address "${address}": only unix sockets are supported (unix:/path/to/runner.sock)`);
  }
  return isAbsolute(raw) ? raw : resolve(raw);
}

function isLive(path: string): Promise<boolean> {
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

/** Makes `path` ready for listen(): creates the directory, clears a dead runner's socket. */
export async function prepareSocketPath(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  let st;
  try {
    st = await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!st.isSocket()) throw new Error(`${path} exists and is not a socket; refusing to replace it`);
  if (await isLive(path)) throw new Error(`${path} is in use by a running process`);
  await unlink(path);
}

export async function setSocketMode(path: string, mode: number): Promise<void> {
  await chmod(path, mode);
}

export function parseMode(text: string): number {
  const m = /^0?o?([0-7]{3,4})$/.exec(text.trim());
  if (!m) throw new Error(`invalid socket mode "${text}": expected octal like 0766`);
  return parseInt(m[1]!, 8);
}
