/** Plugins used by the runtime tests. */
import { ConfError, definePlugin, type AnyPlugin } from '../../runtime/plugin.js';

const json = <T>(raw: string): T => (raw === '' ? ({} as T) : (JSON.parse(raw) as T));

export const stop = definePlugin({
  name: 'stop',
  parseConf: (raw) =>
    json<{ status?: number; body?: string; size?: number; headers?: Record<string, string | string[]> }>(raw),
  requestFilter(c, _req, res) {
    if (c.status !== undefined) res.status = c.status;
    if (c.headers) for (const [k, v] of Object.entries(c.headers)) res.headers.set(k, v);
    res.write(c.size !== undefined ? Buffer.alloc(c.size, 120) : (c.body ?? ''));
  },
});

interface RewriteConf {
  path?: string;
  set?: Record<string, string | string[]>;
  del?: string[];
  args?: Record<string, string | string[]>;
  appendArgs?: Record<string, string>;
  delArgs?: string[];
  resp?: Record<string, string | string[]>;
  body?: string;
}
export const rewrite = definePlugin({
  name: 'rewrite',
  parseConf: (raw) => json<RewriteConf>(raw),
  requestFilter(c, req) {
    if (c.path !== undefined) req.path = c.path;
    for (const [k, v] of Object.entries(c.set ?? {})) req.headers.set(k, v);
    for (const k of c.del ?? []) req.headers.delete(k);
    for (const [k, v] of Object.entries(c.args ?? {})) req.args.set(k, v);
    for (const [k, v] of Object.entries(c.appendArgs ?? {})) req.args.append(k, v);
    for (const k of c.delArgs ?? []) req.args.delete(k);
    for (const [k, v] of Object.entries(c.resp ?? {})) req.respHeaders.set(k, v);
    if (c.body !== undefined) req.setBody(c.body);
  },
});

export const noop = definePlugin({
  name: 'noop',
  parseConf: () => null,
  requestFilter() {
    // Does nothing on purpose: the request passes as it came.
  },
});

/** Reads everything a request offers and answers with it as JSON. */
const inspect = definePlugin({
  name: 'inspect',
  parseConf: (raw) => json<{ vars?: string[]; body?: boolean }>(raw),
  async requestFilter(c, req, res) {
    const vars: Record<string, string | null> = {};
    for (const v of c.vars ?? []) vars[v] = (await req.var(v)) ?? null;
    // Asking again must not reach the gateway a second time.
    for (const v of c.vars ?? []) await req.var(v);
    const body = c.body ? await req.text() : undefined;
    if (c.body) await req.body();
    res.headers.set('content-type', 'application/json');
    res.write(
      JSON.stringify({
        id: req.id,
        method: req.method,
        path: req.path,
        srcIp: req.srcIp,
        headers: Object.fromEntries(groupEntries(req.headers.entries())),
        args: Object.fromEntries(groupEntries(req.args.entries())),
        vars,
        body,
      }),
    );
  },
});

function groupEntries(it: Iterable<[string, string]>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of it) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
}

const throws = definePlugin({
  name: 'throws',
  parseConf: (raw) => json<{ async?: boolean }>(raw),
  requestFilter(c) {
    if (c.async) return Promise.reject(new Error('boom (async)'));
    throw new Error('boom');
  },
  responseFilter() {
    throw new Error('boom');
  },
});

const hang = definePlugin({
  name: 'hang',
  parseConf: () => null,
  requestFilter: () => new Promise<void>(() => {}),
});

export const slow = definePlugin({
  name: 'slow',
  parseConf: (raw) => json<{ ms: number }>(raw),
  async requestFilter(c, _req, res) {
    await new Promise((r) => setTimeout(r, c.ms));
    res.write('slow done');
  },
});

export const strict = definePlugin({
  name: 'strict',
  parseConf(raw) {
    const c = json<{ n?: unknown }>(raw);
    if (typeof c.n !== 'number') throw new ConfError('must be a number', '/n');
    return c as { n: number };
  },
  requestFilter(c, req) {
    req.headers.set('x-n', String(c.n));
  },
});

/** Body echo in both directions (used for big bodies). */
const echoBody = definePlugin({
  name: 'echo-body',
  parseConf: (raw) => json<{ mode: 'stop' | 'rewrite' | 'length' }>(raw),
  async requestFilter(c, req, res) {
    const b = await req.body();
    if (c.mode === 'stop') res.write(b);
    else if (c.mode === 'rewrite') req.setBody(b);
    else res.write(String(b.length));
  },
  async responseFilter(_c, res) {
    const b = await res.body();
    res.setBody(b);
  },
});

interface RespConf {
  status?: number;
  set?: Record<string, string | string[]>;
  del?: string[];
  upper?: boolean;
  var?: string;
}
export const resp = definePlugin({
  name: 'resp',
  parseConf: (raw) => json<RespConf>(raw),
  async responseFilter(c, res) {
    if (c.status !== undefined) res.status = c.status;
    for (const [k, v] of Object.entries(c.set ?? {})) res.headers.set(k, v);
    for (const k of c.del ?? []) res.headers.delete(k);
    if (c.upper) res.setBody((await res.text()).toUpperCase());
    if (c.var) res.headers.set('x-var', (await res.var(c.var)) ?? 'none');
  },
});

/** Asks for a var and the body without awaiting them, then answers at once. */
const careless = definePlugin({
  name: 'careless',
  parseConf: () => null,
  requestFilter(_c, req, res) {
    void req.var('remote_addr');
    void req.body();
    res.write('answered without waiting');
  },
});

export const all: AnyPlugin[] = [careless, stop, rewrite, noop, inspect, throws, hang, slow, strict, echoBody, resp];
