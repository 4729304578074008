/**
 * The generated verifiers: every well-formed buffer passes, a malformed one is refused with a
 * VerifyError naming the field, and whatever passes can be decoded without an exception.
 * (flatc offers no oracle here: its binary -> JSON conversion does not run the verifier.)
 */
import fc from 'fast-check';
import * as flatbuffers from 'flatbuffers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTPReqCall, PrepareConf } from '../../runtime/protocol/index.js';
import { Shop } from './cases/namespaces/expected/index.js';
import { VerifyError } from '../../runtime/protocol/index.js';
import { readWithApi } from './support/flyweight.js';
import { removeDir } from './support/oracle.js';
import { BROAD, EXT_PLUGIN, prepare, type Prepared } from './support/schemas.js';
import { tableArb } from './support/values.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe('verify()', () => {
  it('names the field of a malformed buffer', () => {
    const good = HTTPReqCall.Req.encode({ path: '/x', headers: [{ name: 'host', value: 'a' }] });
    expect(() => HTTPReqCall.Req.verify(good)).not.toThrow();
    expect(() => HTTPReqCall.Req.verify(good.subarray(0, good.length - 12))).toThrow(VerifyError);
    expect(() => HTTPReqCall.Req.verify(new Uint8Array(3))).toThrow('Req: root offset out of bounds');
    // Point the string length of the header value far past the end.
    const bad = good.slice();
    const req = HTTPReqCall.Req.getRootAsReq(new flatbuffers.ByteBuffer(bad));
    const entry = req.headers(0)!;
    const valueField = entry.bb_pos + entry.bb!.__offset(entry.bb_pos, 6);
    const str = valueField + entry.bb!.readUint32(valueField);
    new DataView(bad.buffer).setUint32(str, 1000, true);
    expect(() => HTTPReqCall.Req.verify(bad)).toThrow('Req.headers[0].value: string out of bounds');
  });

  it('refuses a buffer without a required field', () => {
    const b = new flatbuffers.Builder(32);
    b.startObject(2);
    b.finish(b.endObject());
    // PrepareConf.Req has no required field: an empty table is fine; Shop.Catalog.Item needs its sku.
    expect(() => PrepareConf.Req.verify(b.asUint8Array())).not.toThrow();
    expect(() => Shop.Catalog.Item.verify(b.asUint8Array())).toThrow('Item.sku: required field missing');
  });

  for (const sc of [EXT_PLUGIN, BROAD]) {
    describe(`${sc.name}.fbs, mutated buffers`, () => {
      let p: Prepared;
      beforeAll(async () => {
        p = await prepare(sc);
      });
      afterAll(() => removeDir(p.dir));

      it('accepts every buffer our encoder writes; a mutant it accepts decodes without throwing', async () => {
        let refused = 0;
        for (const t of p.tables) {
          const Ours: Any = (await p.ours(t.fullName))[t.name];
          const samples = fc.sample(
            fc.tuple(tableArb(t), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }), fc.boolean()),
            { numRuns: 25, seed: 7 },
          );
          for (const [init, flips, truncate] of samples) {
            const good: Uint8Array = Ours.encode(init).slice();
            Ours.verify(good);
            const bad = good.slice(0, truncate ? Math.floor(good.length * 0.8) : good.length);
            for (const [at, value] of flips) if (bad.length > 0) bad[at % bad.length] = value;
            let ok = true;
            try {
              Ours.verify(bad);
            } catch (e) {
              expect((e as Error).name, String(e)).toBe('VerifyError');
              ok = false;
              refused++;
            }
            if (ok) {
              Ours.decode(bad);
              await readWithApi(t, Ours[`getRootAs${t.name}`](new flatbuffers.ByteBuffer(bad)), p.ours);
            }
          }
        }
        expect(refused).toBeGreaterThan(0);
      });
    });
  }
});
