import type { Scenario } from '../scenario.js';
import { callFrame, FrameClient, prepareFrame, RPC_HTTP_REQ_CALL, RPC_PREPARE_CONF, tokenOf } from '../wire.js';

const TOTAL = Number(process.env.A6KIT_HOSTILE_PREPARES ?? 1_000_000);
const LANES = 8;
const BATCH = 250;

/** A conf of a realistic size (~250 bytes of JSON). */
const conf = (i: number) => [
  {
    name: 'noop',
    value: JSON.stringify({
      route: i,
      allow: ['10.0.0.0/8', '192.168.0.0/16'],
      headers: { 'x-tenant': `tenant-${i % 97}` },
      limit: { rate: 100, burst: 50, key: 'remote_addr' },
      pad: 'p'.repeat(80),
    }),
  },
];

export default {
  name: 'prepare-1m',
  row: `${TOTAL.toLocaleString('en')} distinct PrepareConf with default limits`,
  maxFinalRssMiB: 256,
  async run(ctx) {
    const lanes = await Promise.all(Array.from({ length: LANES }, () => FrameClient.open(ctx.path)));
    const last: number[] = [];
    let next = 0;
    let errors = 0;
    await Promise.all(
      lanes.map(async (c) => {
        while (next < TOTAL) {
          const from = next;
          const n = Math.min(BATCH, TOTAL - from);
          next += n;
          // Sent back to back (the runner answers PrepareConf in order): keeps the row short.
          c.write(
            Buffer.concat(Array.from({ length: n }, (_, k) => prepareFrame(`route#${from + k}`, conf(from + k)))),
          );
          for (let k = 0; k < n; k++) {
            const f = await c.next();
            if (f?.[0] !== RPC_PREPARE_CONF) errors++;
            else if (from + k >= TOTAL - 1000) last.push(tokenOf(f[1]));
          }
          if (from % 100_000 < BATCH * LANES) ctx.note(`${from} prepared, runner RSS ${ctx.rssMiB().toFixed(0)} MiB`);
        }
      }),
    );
    let valid = 0;
    const c = lanes[0]!;
    for (const token of last) {
      const f = await c.exchange(callFrame(token));
      if (f?.[0] === RPC_HTTP_REQ_CALL) valid++;
    }
    for (const l of lanes) l.destroy();
    return `${TOTAL - errors} tokens handed out (${errors} errors); ${valid}/${last.length} of the latest still valid`;
  },
} satisfies Scenario;
