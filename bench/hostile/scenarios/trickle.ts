import type { Scenario } from '../scenario.js';
import { FrameClient, header, RPC_HTTP_REQ_CALL, sleep } from '../wire.js';

const CONNECTIONS = 200;
const SECONDS = Number(process.env.A6KIT_HOSTILE_TRICKLE_SECONDS ?? 30);

export default {
  name: 'trickle',
  row: `${CONNECTIONS} connections trickle 1 byte per write for ${SECONDS} s (issue: 90 s)`,
  async run(ctx) {
    const conns: FrameClient[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const c = await FrameClient.open(ctx.path);
      c.write(header(RPC_HTTP_REQ_CALL, 1 << 20));
      conns.push(c);
    }
    const one = Buffer.from([1]);
    let sent = 0;
    const until = Date.now() + SECONDS * 1000;
    const startRss = ctx.rssMiB();
    while (Date.now() < until) {
      for (const c of conns) {
        if (c.closed) continue;
        c.write(one);
        sent++;
      }
      await sleep(5);
    }
    const open = conns.filter((c) => !c.closed).length;
    const rss = ctx.rssMiB();
    for (const c of conns) c.destroy();
    return `${(sent / (1 << 20)).toFixed(2)} MiB sent one byte per write; runner RSS ${startRss.toFixed(0)} -> ${rss.toFixed(0)} MiB; ${open} connections still inside their 90 s frame deadline`;
  },
} satisfies Scenario;
