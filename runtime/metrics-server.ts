/**
 * The `/metrics` endpoint (`--metrics host:port` or `--metrics unix:/path`): plain node:http, one
 * route, text from prom-client. It listens apart from the gateway socket, so a scraper can never
 * reach the protocol and the gateway can never reach the metrics.
 */
import { lstat, rm } from 'node:fs/promises';
import { isAbsolute } from 'node:path';

export type MetricsAddress = { readonly path: string } | { readonly host: string; readonly port: number };

/** `host:port`, `[v6]:port`, `:port` (all interfaces) or `unix:/abs/path`. */
export function parseMetricsAddress(text: string): MetricsAddress {
  if (text.startsWith('unix:')) {
    const path = text.slice(5);
    if (!isAbsolute(path)) throw new Error(`invalid metrics address "${text}": expected unix:/absolute/path`);
    return { path };
  }
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]*)):(\d{1,5})$/i.exec(text.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535)
    throw new Error(`invalid metrics address "${text}": expected host:port (e.g. 127.0.0.1:9091) or unix:/path`);
  return { host: m[1] ?? (m[2] === undefined || m[2] === '' ? '0.0.0.0' : m[2]), port };
}

function formatMetricsAddress(a: MetricsAddress): string {
  return 'path' in a ? `unix:${a.path}` : `${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;
}

/** A socket left by a previous run is replaced; any other file at the path is an error, never removed. */
async function removeStaleSocket(path: string): Promise<void> {
  const st = await lstat(path).catch(() => undefined);
  if (st === undefined) return;
  if (!st.isSocket()) throw new Error(`metrics address unix:${path} exists and is not a socket`);
  await rm(path, { force: true });
}

export interface MetricsServer {
  /** Where it listens (the port filled in when 0 was asked). */
  readonly address: string;
  close(): Promise<void>;
}

/** Serves `GET /metrics` with what `scrape` returns. */
export async function serveMetrics(
  where: MetricsAddress,
  scrape: () => Promise<{ contentType: string; body: string }>,
  onError: (err: unknown) => void,
): Promise<MetricsServer> {
  // node:http is loaded only when metrics are on.
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const path = req.url?.split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res
        .writeHead(path === '/metrics' ? 405 : 404, { 'content-type': 'text/plain' })
        .end(path === '/metrics' ? 'GET only\n' : 'see /metrics\n');
      return;
    }
    scrape().then(
      ({ contentType, body }) => {
        res
          .writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) })
          .end(req.method === 'HEAD' ? undefined : body);
      },
      (err: unknown) => {
        onError(err);
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
      },
    );
  });
  // Scrapes are short: do not let a scraper's keep-alive connection hold a shutdown up.
  server.keepAliveTimeout = 5000;
  if ('path' in where) await removeStaleSocket(where.path);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if ('path' in where) server.listen(where.path, resolve);
    else server.listen(where.port, where.host, resolve);
  });
  server.on('error', onError);
  server.unref();
  const bound = server.address();
  const address =
    typeof bound === 'object' && bound !== null
      ? formatMetricsAddress({ host: bound.address, port: bound.port })
      : formatMetricsAddress(where);
  return {
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
