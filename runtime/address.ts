/**
 * Listen addresses as APISIX writes them (`unix:/abs/path.sock`) and socket modes as given on the
 * command line. What happens to the socket file itself is in socket-file.ts.
 */
import { isAbsolute, resolve } from 'node:path';

/** `unix:/x.sock` or `/x.sock` to an absolute path (a relative one is taken from the cwd). */
export function socketPath(address: string): string {
  const raw = address.startsWith('unix:') ? address.slice(5) : address;
  if (raw.length === 0) throw new Error(`invalid listen address "${address}": expected unix:/path/to/runner.sock`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
    throw new Error(`invalid listen address "${address}": only unix sockets are supported (unix:/path/to/runner.sock)`);
  }
  return isAbsolute(raw) ? raw : resolve(raw);
}

export function parseMode(text: string): number {
  const m = /^0?o?([0-7]{3,4})$/.exec(text.trim());
  if (!m) throw new Error(`invalid socket mode "${text}": expected octal like 0766`);
  return parseInt(m[1]!, 8);
}
