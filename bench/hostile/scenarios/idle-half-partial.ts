import type { Scenario } from '../scenario.js';
import { FrameClient, header, RPC_PREPARE_CONF, sleep } from '../wire.js';

const EACH = 300;

export default {
  name: 'idle-half-partial',
  row: `${EACH} idle, ${EACH} half-header and ${EACH} partial-frame connections`,
  // Defaults are 240 s idle and 90 s per frame; shorter ones keep the row short.
  runnerArgs: ['--idle-timeout', '6000', '--frame-timeout', '3000'],
  async run(ctx) {
    const kinds: Record<string, FrameClient[]> = { idle: [], half: [], partial: [] };
    for (let i = 0; i < EACH; i++) {
      kinds.idle!.push(await FrameClient.open(ctx.path));
      const h = await FrameClient.open(ctx.path);
      h.write(Buffer.from([RPC_PREPARE_CONF, 0]));
      kinds.half!.push(h);
      const p = await FrameClient.open(ctx.path);
      p.write(Buffer.concat([header(RPC_PREPARE_CONF, 4096), Buffer.alloc(1000)]));
      kinds.partial!.push(p);
    }
    const t0 = Date.now();
    const closedAfter: Record<string, number> = {};
    await Promise.all(
      Object.entries(kinds).map(async ([k, list]) => {
        await Promise.race([Promise.all(list.map((c) => c.whenClosed())), sleep(30_000)]);
        closedAfter[k] = (Date.now() - t0) / 1000;
      }),
    );
    const open = Object.values(kinds)
      .flat()
      .filter((c) => !c.closed).length;
    for (const c of Object.values(kinds).flat()) c.destroy();
    return `all closed: half-header after ${closedAfter.half!.toFixed(1)} s, partial after ${closedAfter.partial!.toFixed(1)} s (frame deadline 3 s), idle after ${closedAfter.idle!.toFixed(1)} s (idle limit 6 s); ${open} left open`;
  },
} satisfies Scenario;
