import type { Scenario } from '../scenario.js';
import { callFrame, FrameClient, prepareFrame, RPC_PREPARE_CONF, sleep, tokenOf } from '../wire.js';

const CONNECTIONS = 64;

export default {
  name: 'sigterm-load',
  row: `SIGTERM under full load (${CONNECTIONS} connections, one exchange in flight each)`,
  exits: true,
  async run(ctx) {
    const setup = await FrameClient.open(ctx.path);
    const p = await setup.exchange(prepareFrame('tick', [{ name: 'tick', value: '' }]));
    if (p?.[0] !== RPC_PREPARE_CONF) throw new Error('cannot prepare');
    setup.destroy();
    const call = callFrame(tokenOf(p[1]));
    const conns = await Promise.all(Array.from({ length: CONNECTIONS }, () => FrameClient.open(ctx.path)));
    let sent = 0;
    let answered = 0;
    let dropped = 0;
    let signalled = false;
    /** Dropped requests sent right after a reply the runner gave after SIGTERM (crossing its close). */
    let crossed = 0;
    // Like APISIX's pooled cosocket: one exchange at a time; a connection the runner closed is
    // not reused (nginx drops it from the pool when it sees the close).
    const loops = conns.map(async (c) => {
      let ended = false;
      let repliedAfterSignal = false;
      c.sock.on('end', () => (ended = true));
      for (;;) {
        await new Promise((r) => setImmediate(r));
        if (ended || c.closed) return;
        sent++;
        if (await c.exchange(call)) {
          answered++;
          if (signalled) repliedAfterSignal = true;
        } else {
          dropped++;
          if (repliedAfterSignal) crossed++;
          return;
        }
      }
    });
    await sleep(2000);
    const before = sent;
    signalled = true;
    process.kill(ctx.pid, 'SIGTERM');
    await Promise.race([Promise.all(loops), sleep(3000)]);
    for (const c of conns) c.destroy();
    await sleep(300);
    return `${sent} requests (${sent - before} after SIGTERM): ${answered} answered, ${dropped} dropped (${crossed} of them sent right after the runner's last reply, crossing its close); runner ${ctx.alive() ? 'still running' : 'exited'}`;
  },
} satisfies Scenario;
