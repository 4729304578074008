/**
 * `limit-req`: a token-bucket rate limit per route. Requests over the rate wait for their turn;
 * requests the bucket can never serve are answered 503. The bucket lives in the parsed config, so
 * each route (each PrepareConf) gets its own, as with the Go runner.
 */
import { definePlugin } from 'a6kit';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseConf as parseGenerated, schema, type Config } from './config.gen.js';
import { TokenBucket } from './token-bucket.js';

export interface LimitReqConf extends Config {
  readonly bucket: TokenBucket;
}

export default definePlugin({
  name: 'limit-req',
  schema,
  parseConf(raw): LimitReqConf {
    const conf = parseGenerated(raw);
    return { ...conf, bucket: new TokenBucket(conf.rate ?? 0, conf.burst ?? 0) };
  },
  async requestFilter(conf, _req, res) {
    const delay = conf.bucket.reserve();
    if (delay === undefined) {
      res.respond(503);
      return;
    }
    if (delay > 0) await sleep(delay);
  },
});
