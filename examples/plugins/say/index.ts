/**
 * `say`: answers the client itself with the configured body, so the upstream is never called.
 * The response names the runner that answered, which is how one checks that APISIX really went
 * through the external plugin.
 */
import { definePlugin } from 'a6kit';
import { RUNNER_HEADER, RUNNER_NAME } from '../runner-name.js';
import { parseConf } from './config.gen.js';

export default definePlugin({
  name: 'say',
  parseConf,
  requestFilter(conf, _req, res) {
    if (!conf.body) return; // nothing to say: let the request through
    res.headers.set(RUNNER_HEADER, RUNNER_NAME);
    res.write(conf.body);
  },
});
