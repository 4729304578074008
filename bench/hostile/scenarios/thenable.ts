import type { Scenario } from '../scenario.js';
import { callFrame, FrameClient, prepareFrame, RPC_PREPARE_CONF, sleep, tokenOf } from '../wire.js';

const CALLS = 2000;

export default {
  name: 'throwing-thenable',
  row: `a plugin returning a thenable whose then() throws, ${CALLS} calls`,
  // A short call deadline: a second reply (the old bug) would come at the deadline.
  runnerArgs: ['--call-timeout', '1000'],
  async run(ctx) {
    const c = await FrameClient.open(ctx.path);
    const p = await c.exchange(prepareFrame('bad', [{ name: 'bad-thenable', value: '' }]));
    if (p?.[0] !== RPC_PREPARE_CONF) throw new Error('cannot prepare');
    const call = callFrame(tokenOf(p[1]));
    let replies = 0;
    for (let i = 0; i < CALLS && !c.closed; i++) if (await c.exchange(call)) replies++;
    let extra = 0;
    c.sock.on('data', (b: Buffer) => (extra += b.length));
    await sleep(1500);
    const closed = c.closed;
    c.destroy();
    return `${replies}/${CALLS} calls answered once; ${extra} bytes of unasked replies after the deadline; connection ${closed ? 'CLOSED' : 'kept'}`;
  },
} satisfies Scenario;
