/**
 * The demo's gateway traffic: routes as they would be configured in APISIX, requests sent through
 * the gateway simulator (the same RPCs APISIX sends), and a plain-words account of what APISIX
 * would then do with the client's request.
 */
import { GatewaySimulator } from '../runtime/testkit/index.js';

type Sim = Awaited<ReturnType<typeof GatewaySimulator.connect>>;
type RequestResult = Awaited<ReturnType<Sim['request']>>;
type PluginConfs = Parameters<Sim['request']>[0];
type SimReq = NonNullable<Parameters<Sim['request']>[1]>;

export interface Exchange {
  title: string;
  /** The route's `ext-plugin-pre-req` conf list, as in the APISIX route. */
  route: PluginConfs;
  request: SimReq;
}

const KEY = 'k-7d9f2c41';

/** What the demo sends: one accepted request, two refused ones, and a route with a broken conf. */
export function demoExchanges(): Exchange[] {
  const route = [{ name: 'api-key', value: JSON.stringify({ keys: ['k-00000001', KEY] }) }];
  return [
    { title: 'no key', route, request: { method: 'GET', path: '/orders', headers: { host: 'shop.example' } } },
    {
      title: 'wrong key',
      route,
      request: { method: 'GET', path: '/orders', headers: { host: 'shop.example', 'x-api-key': 'guess-123' } },
    },
    {
      title: 'accepted key',
      route,
      request: {
        method: 'POST',
        path: '/orders',
        args: { page: '2' },
        headers: { host: 'shop.example', 'x-api-key': KEY },
        body: '{"sku":42}',
      },
    },
    {
      title: 'route whose conf the schema refuses (no keys)',
      route: [{ name: 'api-key', value: JSON.stringify({ keys: [] }) }],
      request: { method: 'GET', path: '/orders', headers: { 'x-api-key': KEY } },
    },
  ];
}

/** Sends each exchange and prints it; returns the results for the caller to check. */
export async function sendTraffic(
  address: string,
  exchanges: readonly Exchange[],
  print: (line: string) => void,
): Promise<RequestResult[]> {
  const sim = await GatewaySimulator.connect(address);
  const results: RequestResult[] = [];
  try {
    for (const x of exchanges) {
      const r = await sim.request(x.route, x.request);
      results.push(r);
      print(`  ${x.request.method ?? 'GET'} ${x.request.path ?? '/'}  (${x.title})`);
      print(`    route ext-plugin-pre-req: ${JSON.stringify(x.route)}`);
      for (const line of describeResult(r)) print(`    ${line}`);
    }
  } finally {
    await sim.close();
  }
  return results;
}

/** What APISIX does with the client's request, given the runner's answer. */
function describeResult(r: RequestResult): string[] {
  switch (r.kind) {
    case 'response':
      return [
        `=> APISIX answers the client itself: ${r.status} ${JSON.stringify(r.body)} ${formatHeaders(r.headers)}`,
        '   (the upstream is not called)',
      ];
    case 'upstream': {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(r.request.args)) for (const one of [v].flat()) q.append(k, one);
      const lines = [
        `=> APISIX proxies to the upstream: ${r.request.method} ${r.request.path}${q.size > 0 ? `?${q.toString()}` : ''}`,
        `   upstream request headers ${formatHeaders(r.request.headers)}`,
      ];
      if (r.request.body) lines.push(`   upstream request body ${JSON.stringify(r.request.body)}`);
      if (Object.keys(r.respHeaders).length > 0)
        lines.push(`   and adds to the client's response ${formatHeaders(r.respHeaders)}`);
      return lines;
    }
    case 'error':
      return [`=> the runner refused (${r.code}): APISIX answers the client ${r.status}`];
  }
}

function formatHeaders(h: Record<string, string | string[]>): string {
  const parts = Object.entries(h).map(([k, v]) => `${k}: ${[v].flat().join(', ')}`);
  return parts.length > 0 ? `{ ${parts.join('; ')} }` : '{}';
}
