import { aliasedRespCall } from '../../../test/hostile/payloads.js';
import type { Scenario } from '../scenario.js';
import { errName, FrameClient, prepareFrame, RPC_ERROR, RPC_PREPARE_CONF, tokenOf } from '../wire.js';
import { encodeFrame, RPC_HTTP_RESP_CALL } from '../../../runtime/frame.js';

/** The report's frames: 2,000,000 (7.6 MiB) and 1,000,000 (3.8 MiB) header offsets to one 4 KiB TextEntry. */
const SIZES = [2_000_000, 1_000_000];

export default {
  name: 'alias-resp-call',
  row: 'HTTPRespCall whose header vector holds 2,000,000 (then 1,000,000) offsets to the same 4 KiB TextEntry',
  async run(ctx) {
    const c = await FrameClient.open(ctx.path);
    const p = await c.exchange(prepareFrame('route-headers', [{ name: 'headers', value: '{}' }]));
    if (p?.[0] !== RPC_PREPARE_CONF) throw new Error('cannot prepare');
    const token = tokenOf(p[1]);
    const out: string[] = [];
    for (const n of SIZES) {
      const frame = encodeFrame(RPC_HTTP_RESP_CALL, aliasedRespCall(n, token));
      const started = performance.now();
      const r = await c.exchange(frame);
      const ms = performance.now() - started;
      const what = r === null ? 'connection closed' : r[0] === RPC_ERROR ? errName(r[1]) : `reply type ${r[0]}`;
      out.push(`${(frame.length / 2 ** 20).toFixed(1)} MiB: ${what} in ${ms.toFixed(0)} ms`);
    }
    c.destroy();
    return out.join('; ');
  },
} satisfies Scenario;
