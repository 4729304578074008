/**
 * Hostile frames (issue 8, "a frame costs O(its size)"): a real runner process over a real unix
 * socket receives frames whose offsets alias shared storage, or whose vector counts exceed their
 * bytes. Each must be refused with RPC_ERROR BAD_REQUEST quickly, for that call only: the runner
 * stays alive and a bystander connection keeps being served, before, during and after.
 *
 * On the code before the generated verifier's budget, the first two attacks make the runner
 * materialise N copies of one 4 KiB entry (hundreds of MiB) and answer late or die.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPC_ERROR, RPC_HTTP_REQ_CALL, RPC_HTTP_RESP_CALL, RPC_PREPARE_CONF } from '../../runtime/frame.js';
import { aliasedPrepareConf, aliasedRespCall } from './payloads.js';
import {
  Err,
  HTTPReqCall,
  RawClient,
  decodeReqCallResp,
  errCode,
  prepareConf,
  reqCall,
  tempDir,
  tokenOf,
  until,
} from '../runtime/helpers.js';

// ------------------------------------------------------------------ a runner process
const RUNTIME = fileURLToPath(new URL('../../runtime/index.js', import.meta.url));

/**
 * The runner under attack: `headers` reads every header of the request and of the upstream
 * response (so nothing lazy hides a decoding cost), `probe` answers 200 for the bystander.
 */
const RUNNER_SOURCE = `
import { definePlugin, runMain } from ${JSON.stringify(RUNTIME)};
const headers = definePlugin({
  name: 'headers',
  parseConf: (raw) => raw.length,
  requestFilter(_c, req) { let n = 0; for (const [k, v] of req.headers.entries()) n += k.length + v.length; if (n < 0) throw new Error(); },
  responseFilter(_c, res) { let n = 0; for (const [k, v] of res.headers.entries()) n += k.length + v.length; if (n < 0) throw new Error(); },
});
const probe = definePlugin({ name: 'probe', parseConf: () => null, requestFilter(_c, _req, res) { res.respond(200, 'ok'); } });
void runMain({ plugins: [headers, probe], argv: ['node', 'runner', 'run'] });
`;

interface Runner {
  child: ChildProcess;
  address: string;
  output: string[];
}

async function startRunner(sock: string): Promise<Runner> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUNNER_SOURCE], {
    env: { ...process.env, APISIX_LISTEN_ADDRESS: `unix:${sock}`, APISIX_CONF_EXPIRE_TIME: '3600' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr.on('data', (d: Buffer) => output.push(`STDERR ${d.toString()}`));
  await until(() => output.join('').includes('runner listening') || child.exitCode !== null, 30_000);
  if (child.exitCode !== null) throw new Error(`runner exited: ${output.join('')}`);
  return { child, address: `unix:${sock}`, output };
}

/** `payload` with the count of the vector reached through field slot `vo` of the root set to `count`. */
function withVectorCount(payload: Uint8Array, vo: number, count: number): Uint8Array {
  const out = Buffer.from(payload);
  const root = out.readUInt32LE(0);
  const vt = root - out.readInt32LE(root);
  const field = root + out.readUInt16LE(vt + vo);
  out.writeUInt32LE(count, field + out.readUInt32LE(field));
  return out;
}

/** Sends one frame and waits for the answer: its type, error code (for RPC_ERROR) and time. */
async function refusal(
  c: RawClient,
  type: number,
  payload: Uint8Array,
): Promise<{ type: number; code: number | undefined; ms: number }> {
  const started = performance.now();
  const [t, p] = await c.exchange(type, payload);
  return { type: t, code: t === RPC_ERROR ? errCode(p) : undefined, ms: performance.now() - started };
}

// ------------------------------------------------------------------ the tests
describe('hostile frames cost O(their size)', () => {
  const { dir, cleanup } = tempDir();
  let runner: Runner;
  let bystander: RawClient;
  let probeToken: number;
  let headersToken: number;

  /** One ordinary call on the bystander connection; returns its latency in ms. */
  async function probe(): Promise<number> {
    const started = performance.now();
    const [t, p] = await bystander.exchange(RPC_HTTP_REQ_CALL, reqCall({ token: probeToken, path: '/probe' }));
    expect(t).toBe(RPC_HTTP_REQ_CALL);
    expect(decodeReqCallResp(p).actionType()).toBe(HTTPReqCall.Action.Stop);
    return performance.now() - started;
  }

  /** Runs `attack` on its own connection while the bystander keeps calling; returns the worst probe latency. */
  async function underAttack(attack: (c: RawClient) => Promise<void>): Promise<number> {
    const c = await RawClient.open(runner.address);
    let done = false;
    let worst = 0;
    const probing = (async () => {
      do worst = Math.max(worst, await probe());
      while (!done);
    })();
    try {
      await attack(c);
    } finally {
      done = true;
      await probing;
      await c.close();
    }
    return worst;
  }

  beforeAll(async () => {
    runner = await startRunner(`${dir}/runner.sock`);
    bystander = await RawClient.open(runner.address);
    const [t1, p1] = await bystander.exchange(
      RPC_PREPARE_CONF,
      prepareConf('route-probe', [{ name: 'probe', value: '' }]),
    );
    expect(t1).toBe(RPC_PREPARE_CONF);
    probeToken = tokenOf(p1);
    const [t2, p2] = await bystander.exchange(
      RPC_PREPARE_CONF,
      prepareConf('route-headers', [{ name: 'headers', value: '{}' }]),
    );
    expect(t2).toBe(RPC_PREPARE_CONF);
    headersToken = tokenOf(p2);
    await probe();
  }, 60_000);

  afterAll(async () => {
    await bystander?.close();
    const child = runner?.child;
    if (child?.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // A runner wedged by an attack (as before the verifier's budget) must not outlive the test.
      const kill = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(kill);
    }
    cleanup();
  });

  it('refuses an HTTPRespCall whose 200,000 header offsets alias one 4 KiB TextEntry', async () => {
    const payload = aliasedRespCall(200_000, headersToken);
    expect(payload.length).toBeLessThan(900_000); // 0.8 MiB that would decode to 800 MiB of headers
    const worst = await underAttack(async (c) => {
      const r = await refusal(c, RPC_HTTP_RESP_CALL, payload);
      expect(r).toMatchObject({ type: RPC_ERROR, code: Err.Code.BAD_REQUEST });
      expect(r.ms).toBeLessThan(2000);
      // The connection is not poisoned: the next call on it is answered normally.
      const [t] = await c.exchange(RPC_HTTP_RESP_CALL, aliasedRespCall(1, headersToken));
      expect(t).toBe(RPC_HTTP_RESP_CALL);
    });
    expect(worst).toBeLessThan(2000);
    expect(runner.child.exitCode).toBeNull();
  }, 30_000);

  it('refuses a PrepareConf whose 20,000 conf entries alias one 4 KiB config', async () => {
    const worst = await underAttack(async (c) => {
      for (let i = 0; i < 5; i++) {
        const r = await refusal(c, RPC_PREPARE_CONF, aliasedPrepareConf(20_000));
        expect(r).toMatchObject({ type: RPC_ERROR, code: Err.Code.BAD_REQUEST });
        expect(r.ms).toBeLessThan(2000);
      }
    });
    expect(worst).toBeLessThan(2000);
    expect(runner.child.exitCode).toBeNull();
  }, 30_000);

  it('refuses vector counts larger than the bytes that follow them', async () => {
    const cases: [number, Uint8Array][] = [
      // Vtable offsets (4 + 2 × field id): HTTPReqCall.Req.headers 14, HTTPRespCall.Req.headers 8,
      // PrepareConf.Req.conf 4.
      [RPC_HTTP_REQ_CALL, withVectorCount(reqCall({ token: headersToken, headers: [['a', 'b']] }), 14, 0x3fffffff)],
      [RPC_HTTP_RESP_CALL, withVectorCount(aliasedRespCall(1, headersToken), 8, 0xffffffff)],
      [RPC_PREPARE_CONF, withVectorCount(prepareConf('k', [{ name: 'probe', value: '' }]), 4, 1_000_000)],
    ];
    const worst = await underAttack(async (c) => {
      for (const [type, payload] of cases) {
        const r = await refusal(c, type, payload);
        expect(r, `frame type ${type}`).toMatchObject({ type: RPC_ERROR, code: Err.Code.BAD_REQUEST });
        expect(r.ms).toBeLessThan(1000);
      }
    });
    expect(worst).toBeLessThan(2000);
  }, 30_000);

  it('refuses the full-size frame of the report (7.6 MiB, 2,000,000 offsets to one 4 KiB entry)', async () => {
    const payload = aliasedRespCall(2_000_000, headersToken);
    expect(payload.length).toBeGreaterThan(7_900_000);
    const worst = await underAttack(async (c) => {
      const r = await refusal(c, RPC_HTTP_RESP_CALL, payload);
      expect(r).toMatchObject({ type: RPC_ERROR, code: Err.Code.BAD_REQUEST });
      expect(r.ms).toBeLessThan(3000);
    });
    expect(worst).toBeLessThan(3000);
  }, 30_000);

  it('is still alive and serves new connections afterwards', async () => {
    expect(runner.child.exitCode).toBeNull();
    const c = await RawClient.open(runner.address);
    const [t, p] = await c.exchange(RPC_PREPARE_CONF, prepareConf('route-after', [{ name: 'probe', value: '' }]));
    expect(t).toBe(RPC_PREPARE_CONF);
    expect(tokenOf(p)).toBeGreaterThan(0);
    await c.close();
    await probe();
    expect(runner.output.join('')).not.toMatch(/FATAL|heap limit|unexpected failure/);
  });
});
