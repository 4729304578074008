import type { Scenario } from '../scenario.js';
import { callFrame, FrameClient, prepareFrame, RPC_ERROR, RPC_PREPARE_CONF, errName, sleep, tokenOf } from '../wire.js';

const CONNECTIONS = 200;

export default {
  name: 'reply-grows',
  row: `a 40 KiB request whose reply grows to 10 MiB, ${CONNECTIONS} connections that never read`,
  async run(ctx) {
    const setup = await FrameClient.open(ctx.path);
    const p = await setup.exchange(prepareFrame('big', [{ name: 'big', value: JSON.stringify({ size: 10 << 20 }) }]));
    if (p?.[0] !== RPC_PREPARE_CONF) throw new Error('cannot prepare the big route');
    setup.destroy();
    const call = callFrame(tokenOf(p[1]), 40 << 10);
    const conns: FrameClient[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const c = await FrameClient.open(ctx.path);
      c.sock.pause();
      c.write(call);
      conns.push(c);
      if (i % 10 === 9) await sleep(20);
    }
    await sleep(3000);
    const rss = ctx.rssMiB();
    // Now read what each got.
    const got = await Promise.all(
      conns.map(async (c) => {
        c.sock.resume();
        const f = await c.next();
        return f === null ? 'closed' : f[0] === RPC_ERROR ? errName(f[1]) : 'reply';
      }),
    );
    for (const c of conns) c.destroy();
    const count = (k: string) => got.filter((g) => g === k).length;
    return `runner RSS ${rss.toFixed(0)} MiB while nobody read; then ${count('reply')} got the 10 MiB reply, ${count('SERVICE_UNAVAILABLE')} SERVICE_UNAVAILABLE (output budget), ${count('closed')} closed`;
  },
} satisfies Scenario;
