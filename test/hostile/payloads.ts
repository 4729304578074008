/**
 * Hostile payloads whose offsets alias shared storage: a few bytes on the wire that a naive decoder
 * would materialise many times over. Shared by test/hostile/frames.test.ts (CI scale) and the
 * full-scale rows of `npm run bench:hostile`.
 */
import { Builder, HTTPRespCall, PrepareConf, TextEntry } from '../../runtime/wire.js';

const BIG_VALUE = 'v'.repeat(4096);

/** A vector of `n` offsets that all point at the one TextEntry written before it. */
function aliasedEntries(b: Builder, n: number, name: string, value: string): number {
  const entry = TextEntry.createTextEntry(b, b.createString(name), b.createString(value));
  b.startVector(4, n, 4);
  for (let i = 0; i < n; i++) b.addOffset(entry);
  return b.endVector();
}

/** HTTPRespCall whose header vector holds `n` offsets to the same 4 KiB TextEntry. */
export function aliasedRespCall(n: number, token: number): Uint8Array {
  const b = new Builder(n * 4 + 8192);
  const headers = aliasedEntries(b, n, 'x-big', BIG_VALUE);
  b.finish(HTTPRespCall.Req.createReq(b, 1, 200, headers, token));
  return b.asUint8Array().slice();
}

/** PrepareConf whose conf vector holds `n` offsets to the same entry with a 4 KiB config. */
export function aliasedPrepareConf(n: number): Uint8Array {
  const b = new Builder(n * 4 + 8192);
  const conf = aliasedEntries(b, n, 'headers', JSON.stringify(BIG_VALUE));
  const key = b.createString('route-alias');
  b.finish(PrepareConf.Req.createReq(b, conf, key));
  return b.asUint8Array().slice();
}
