/**
 * `a6kit call`: one request through a running runner, sent exactly as APISIX sends it, printing
 * what APISIX would then do (answer the client, or proxy a possibly rewritten request).
 *
 *   a6kit call --socket unix:/tmp/runner.sock --plugin say='{"body":"hi"}' --path /a -H 'x: y'
 *   a6kit call --socket ... --plugin p='{}' --upstream-status 200 --upstream-body hello   (post-resp)
 */
import type { Command } from 'commander';
import { GatewaySimulator, type PluginConf, type SimRequest } from '../../runtime/testkit/index.js';
import { METHODS } from '../../runtime/call-objects.js';
import type { HttpMethod } from '../../runtime/plugin.js';
import { UserError } from '../../tooling/user-error.js';
import { reporting } from '../report.js';

interface CallFlags {
  socket?: string;
  plugin: string[];
  method: string;
  path: string;
  header: string[];
  arg: string[];
  var: string[];
  body?: string;
  srcIp: string;
  upstreamStatus?: string;
  upstreamHeader: string[];
  upstreamBody?: string;
  allowDegradation?: boolean;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

function split(text: string, sep: string, what: string): [string, string] {
  const i = text.indexOf(sep);
  if (i <= 0) throw new UserError(`${what} "${text}" must look like name${sep}value`);
  return [text.slice(0, i).trim(), text.slice(i + sep.length).replace(/^ /, '')];
}

/** Why the gateway got an error, for a reader who only sees the code: the reason is in the runner's log. */
const ERROR_HINTS: Record<string, string> = {
  BAD_REQUEST:
    "the runner refused the route config (a plugin it does not serve, or a config its schema rejects); the runner's log says which and why",
  SERVICE_UNAVAILABLE:
    "the runner failed the call (a plugin threw or ran past --call-timeout); the runner's log has the error",
  CONF_TOKEN_NOT_FOUND:
    'the runner did not know the conf token even after a fresh PrepareConf (was it restarted mid-call?)',
};

function httpStatus(text: string): number {
  const n = Number(text);
  if (!/^\d{3}$/.test(text) || n < 100 || n > 599)
    throw new UserError(`--upstream-status "${text}": an HTTP status code (100-599)`);
  return n;
}

function multi(items: string[], sep: string, what: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const item of items) {
    const [k, v] = split(item, sep, what);
    const cur = out[k];
    out[k] = cur === undefined ? v : Array.isArray(cur) ? [...cur, v] : [cur, v];
  }
  return out;
}

export function registerCall(program: Command): void {
  program
    .command('call')
    .description('send one request through a running runner as APISIX would, and print the outcome as JSON')
    .option('--socket <address>', 'runner address (default APISIX_LISTEN_ADDRESS)')
    .option(
      '--plugin <name=json>',
      'a conf entry, in order (repeatable); the value is the raw JSON config',
      collect,
      [],
    )
    .option('-X, --method <method>', 'request method', 'GET')
    .option('--path <path>', 'request path', '/')
    .option('-H, --header <name: value>', 'request header (repeatable)', collect, [])
    .option('--arg <name=value>', 'query argument (repeatable)', collect, [])
    .option('--var <name=value>', 'nginx variable the gateway answers with (repeatable)', collect, [])
    .option('--body <text>', 'request body')
    .option('--src-ip <ip>', 'client address', '127.0.0.1')
    .option('--upstream-status <code>', 'run ext-plugin-post-resp on an upstream response with this status')
    .option('--upstream-header <name: value>', 'upstream response header (repeatable; implies post-resp)', collect, [])
    .option('--upstream-body <text>', 'upstream response body (implies post-resp)')
    .option('--allow-degradation', "APISIX's allow_degradation: pass the request on when the runner fails")
    .action(
      reporting(async (f: CallFlags) => {
        const address = f.socket ?? process.env.APISIX_LISTEN_ADDRESS;
        if (!address)
          throw new UserError('no runner address: pass --socket unix:/path.sock or set APISIX_LISTEN_ADDRESS');
        if (f.plugin.length === 0) throw new UserError('give at least one --plugin name=json');
        const plugins: PluginConf[] = f.plugin.map((p) => {
          const [name, value] = split(p, '=', '--plugin');
          return { name, value };
        });
        const method = f.method.toUpperCase() as HttpMethod;
        if (!METHODS.includes(method)) throw new UserError(`unknown method ${f.method}`);
        const req: SimRequest = {
          method,
          path: f.path,
          headers: multi(f.header, ':', '--header'),
          args: multi(f.arg, '=', '--arg'),
          vars: multi(f.var, '=', '--var') as Record<string, string>,
          srcIp: f.srcIp,
          ...(f.body !== undefined ? { body: f.body } : {}),
        };
        const upstreamStatus = f.upstreamStatus === undefined ? 200 : httpStatus(f.upstreamStatus);
        let sim: GatewaySimulator;
        try {
          sim = await GatewaySimulator.connect(address, { allowDegradation: Boolean(f.allowDegradation) });
        } catch (err) {
          throw new UserError(`cannot reach a runner at ${address}: ${(err as Error).message}`);
        }
        try {
          const postResp =
            f.upstreamStatus !== undefined || f.upstreamHeader.length > 0 || f.upstreamBody !== undefined;
          const out = postResp
            ? await sim.response(
                plugins,
                {
                  status: upstreamStatus,
                  headers: multi(f.upstreamHeader, ':', '--upstream-header'),
                  ...(f.upstreamBody !== undefined ? { body: f.upstreamBody } : {}),
                },
                req,
              )
            : await sim.request(plugins, req);
          process.stdout.write(`${JSON.stringify(out, (k, v: unknown) => (k === 'bodyBytes' ? undefined : v), 2)}\n`);
          if ('kind' in out && out.kind === 'error') {
            process.stderr.write(`a6kit: APISIX would answer 503: ${ERROR_HINTS[out.code] ?? out.code}\n`);
            return 3;
          }
        } finally {
          await sim.close();
        }
      }),
    );
}
