/**
 * The runner the hostile bench attacks: an ordinary runner executable (runMain, as `a6kit build`
 * makes one) with the few plugins the scenarios route to. Started as a child process so its peak
 * RSS (VmHWM) and a crash belong to it alone.
 */
import { runMain } from '../../runtime/main.js';
import { definePlugin } from '../../runtime/plugin.js';

export const benchPlugins = [
  definePlugin({
    name: 'noop',
    parseConf: () => null,
    requestFilter() {
      // Does nothing on purpose: the runner still calls it for every request (a call's floor cost).
    },
  }),
  /** Reads every header of the upstream response, so nothing lazy hides a decoding cost. */
  definePlugin({
    name: 'headers',
    parseConf: (raw) => raw.length,
    responseFilter(_c, res) {
      let n = 0;
      for (const [k, v] of res.headers.entries()) n += k.length + v.length;
      res.headers.set('x-seen', String(n));
    },
  }),
  /** Answers with a body of `size` bytes: a reply that grows large. */
  definePlugin({
    name: 'big',
    parseConf: (raw) => JSON.parse(raw) as { size: number },
    requestFilter(c, _req, res) {
      res.write(Buffer.alloc(c.size, 97));
    },
  }),
  /** A thenable whose then() throws. */
  definePlugin({
    name: 'bad-thenable',
    parseConf: () => null,
    requestFilter: () =>
      ({
        then() {
          throw new Error('then() throws');
        },
      }) as unknown as Promise<void>,
  }),
  /** A little asynchronous work per call. */
  definePlugin({
    name: 'tick',
    parseConf: () => null,
    async requestFilter(_c, req) {
      await new Promise((r) => setImmediate(r));
      req.headers.set('x-tick', '1');
    },
  }),
];

await runMain({ plugins: benchPlugins });
