import { aliasedPrepareConf } from '../../../test/hostile/payloads.js';
import type { Scenario } from '../scenario.js';
import { errName, FrameClient, RPC_ERROR } from '../wire.js';
import { encodeFrame, RPC_PREPARE_CONF } from '../../../runtime/frame.js';

/** 0.38 MiB PrepareConf frames (100,000 conf entries aliasing one 4 KiB config); the report's 19th crashed the runner. */
const FRAMES = 40;
const ENTRIES = 100_000;

export default {
  name: 'alias-prepare-conf',
  row: `${FRAMES} PrepareConf frames of ${ENTRIES.toLocaleString('en')} conf entries aliasing one 4 KiB config (0.38 MiB each)`,
  async run(ctx) {
    const c = await FrameClient.open(ctx.path);
    const frame = encodeFrame(RPC_PREPARE_CONF, aliasedPrepareConf(ENTRIES));
    const answers = new Map<string, number>();
    let worst = 0;
    for (let i = 0; i < FRAMES && !c.closed; i++) {
      const started = performance.now();
      const r = await c.exchange(frame);
      worst = Math.max(worst, performance.now() - started);
      const what = r === null ? 'connection closed' : r[0] === RPC_ERROR ? errName(r[1]) : `reply type ${r[0]}`;
      answers.set(what, (answers.get(what) ?? 0) + 1);
    }
    c.destroy();
    return `${(frame.length / 2 ** 20).toFixed(2)} MiB frames: ${[...answers].map(([k, v]) => `${v} ${k}`).join(', ')}; slowest answer ${worst.toFixed(0)} ms`;
  },
} satisfies Scenario;
