/**
 * The plugins every runner bench routes to (bench/runner.bench.ts serves them over a socket,
 * bench/metrics.bench.ts drives them through one dispatcher): one place, so both measure the same
 * work per scenario.
 */
import { definePlugin } from '../runtime/plugin.js';

export const benchPlugins = [
  definePlugin({
    name: 'stop',
    parseConf: () => null,
    requestFilter(_c, _req, res) {
      res.status = 403;
      res.headers.set('x-reason', 'bench');
      res.write('forbidden');
    },
  }),
  definePlugin({
    name: 'rewrite',
    parseConf: () => null,
    requestFilter(_c, req) {
      req.path = '/rewritten';
      req.headers.set('x-added', 'yes');
      req.args.set('k', 'v');
    },
  }),
  definePlugin({
    name: 'noop',
    parseConf: () => null,
    requestFilter() {
      // Changes nothing: the reply has no action (a call's floor cost through the chain).
    },
  }),
  definePlugin({
    name: 'var',
    parseConf: () => null,
    async requestFilter(_c, req) {
      await req.var('remote_addr');
    },
  }),
  definePlugin({
    name: 'auth-header',
    parseConf: () => null,
    requestFilter(_c, req, res) {
      if (req.headers.get('authorization') === undefined) res.respond(401);
    },
  }),
];
