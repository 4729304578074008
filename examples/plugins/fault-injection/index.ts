/**
 * `fault-injection`: answers `percentage` % of the requests with `http_status` (and `body`)
 * instead of calling the upstream — for testing how clients cope with failures.
 */
import { definePlugin } from 'a6kit';
import { parseConf } from './config.gen.js';

/** True for `percentage` % of calls (0: never, 100: always). */
export function sampleHit(percentage: number, random: () => number = Math.random): boolean {
  return random() * 100 < percentage;
}

export default definePlugin({
  name: 'fault-injection',
  parseConf,
  requestFilter(conf, _req, res) {
    if (!sampleHit(conf.percentage ?? 100)) return;
    if (conf.body) res.respond(conf.http_status, conf.body);
    else res.respond(conf.http_status);
  },
});
