/** `request-body-rewrite`: the upstream receives `new_body` instead of the client's body. */
import { definePlugin } from 'a6kit';
import { parseConf } from './config.gen.js';

export default definePlugin({
  name: 'request-body-rewrite',
  parseConf,
  requestFilter(conf, req) {
    if (!conf.new_body) return; // empty: leave the body alone
    req.setBody(conf.new_body);
  },
});
