import type { Scenario } from '../scenario.js';
import { FrameClient, header, RPC_HTTP_REQ_CALL, sleep } from '../wire.js';
import { MAX_PAYLOAD } from '../../../runtime/frame.js';

const CONNECTIONS = 200;

export default {
  name: 'announce-16mib',
  row: `${CONNECTIONS} connections announce a 16 MiB frame and send all but the last byte`,
  // The default frame deadline is 90 s; a shorter one keeps the row short and shows it fire.
  runnerArgs: ['--frame-timeout', '10000'],
  async run(ctx) {
    const body = Buffer.alloc(MAX_PAYLOAD - 1, 1); // one buffer written to every socket
    const conns: FrameClient[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const c = await FrameClient.open(ctx.path);
      c.write(header(RPC_HTTP_REQ_CALL, MAX_PAYLOAD));
      c.write(body);
      conns.push(c);
      if (i % 20 === 19) await sleep(10);
    }
    const t0 = Date.now();
    await sleep(1000);
    const refused = conns.filter((c) => c.closed).length;
    ctx.note(`${refused} closed at once (over the buffer budget), rss ${ctx.rssMiB().toFixed(0)} MiB`);
    await Promise.race([Promise.all(conns.map((c) => c.whenClosed())), sleep(20_000)]);
    const open = conns.filter((c) => !c.closed).length;
    for (const c of conns) c.destroy();
    return `${refused}/${CONNECTIONS} refused at once; the other ${CONNECTIONS - refused} closed by the frame deadline after ${((Date.now() - t0) / 1000).toFixed(1)} s; ${open} still open`;
  },
} satisfies Scenario;
