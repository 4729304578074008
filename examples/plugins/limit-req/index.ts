/**
 * `limit-req`: a token-bucket rate limit per route. Requests over the rate wait for their turn, up
 * to `max_delay_ms`; a request the bucket cannot serve within that (or ever) is answered 503 at
 * once and takes no token; a request whose call ends while it waits (the call deadline, shutdown)
 * gives its token back. The bucket lives in the parsed config, so each route (each PrepareConf)
 * gets its own, as with the Go runner.
 */
import { definePlugin } from 'a6kit';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseConf as parseGenerated, schema, type Config } from './config.gen.js';
import { TokenBucket } from './token-bucket.js';

interface LimitReqConf extends Config {
  readonly bucket: TokenBucket;
}

export default definePlugin({
  name: 'limit-req',
  schema,
  parseConf(raw): LimitReqConf {
    const conf = parseGenerated(raw);
    return { ...conf, bucket: new TokenBucket(conf.rate, conf.burst) };
  },
  async requestFilter(conf, req, res) {
    // A wait past max_delay_ms is refused now, and keeps the token for a request that can use it.
    const reservation = conf.bucket.reserve(conf.max_delay_ms);
    if (reservation === undefined) {
      res.respond(503);
      return;
    }
    if (reservation.delayMs === 0) return;
    try {
      // The call may end first (its deadline, runner shutdown, the gateway gone): the signal stops
      // the wait, and the token this request will never use goes back to the bucket.
      await sleep(reservation.delayMs, undefined, { signal: req.signal });
    } catch (err) {
      reservation.cancel();
      throw err;
    }
  },
});
