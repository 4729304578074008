import type { Scenario } from '../scenario.js';
import { FrameClient, sleep } from '../wire.js';

const CONNECTIONS = 5000;

export default {
  name: 'conn-flood',
  row: `${CONNECTIONS} connections opened and held (cap 4096)`,
  async run(ctx) {
    const conns: FrameClient[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      try {
        conns.push(await FrameClient.open(ctx.path));
      } catch {
        /* a full backlog refuses the connect: counts as refused */
      }
      if (i % 200 === 199) await sleep(5);
    }
    await sleep(1000);
    const closed = conns.filter((c) => c.closed).length;
    for (const c of conns) c.destroy();
    return `${conns.length} connected, ${closed} closed by the runner at once (over the cap), ${conns.length - closed} held`;
  },
} satisfies Scenario;
