/**
 * The generated verifiers: every well-formed buffer passes, a malformed one is refused with a
 * VerifyError naming the field, whatever passes can be decoded without an exception, and a buffer
 * whose offsets alias shared storage (or whose counts exceed its bytes) is refused before the
 * work it would cause: verifying and reading cost O(the buffer's size).
 * (flatc offers no oracle for refusals: its binary -> JSON conversion does not run the verifier;
 * roundtrip.test.ts shows the verifiers accept everything flatc builds.)
 */
import fc from 'fast-check';
import * as flatbuffers from 'flatbuffers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Runner from '../../runtime/protocol/index.js';
import { HTTPReqCall, HTTPRespCall, PrepareConf, TextEntry, VerifyError } from './cases/ext-plugin/expected/index.js';
import { Box } from './cases/layers-runner/expected/index.js';
import { Shop } from './cases/namespaces/expected/index.js';
import { readWithApi } from './support/flyweight.js';
import { removeDir } from './support/oracle.js';
import { BROAD, EXT_PLUGIN, prepare, type Prepared } from './support/schemas.js';
import { tableArb } from './support/values.js';

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

  it('refuses a vector whose elements alias one table, before doing work per element', () => {
    const n = 200_000;
    const b = new flatbuffers.Builder(1024);
    const entry = TextEntry.createTextEntry(b, b.createString('x-big'), b.createString('v'.repeat(4096)));
    b.startVector(4, n, 4);
    for (let i = 0; i < n; i++) b.addOffset(entry);
    const headers = b.endVector();
    b.finish(HTTPRespCall.Req.createReq(b, 1, 200, headers, 7));
    const bytes = b.asUint8Array();
    const started = performance.now();
    expect(() => HTTPRespCall.Req.verify(bytes)).toThrow(
      /^Req\.headers\[\d+\](\.value)?: reaches more than \d+ bytes of data in a \d+-byte buffer/,
    );
    expect(() => Runner.HTTPRespCall.Req.verify(bytes)).toThrow(Runner.VerifyError);
    expect(performance.now() - started).toBeLessThan(500);
    // A budget of the whole aliased size would let it through: the limit is what refuses it.
    expect(() => HTTPRespCall.Req.verify(bytes, { sizeFactor: 1e4 })).not.toThrow();
  });

  it('refuses aliased strings and nested aliasing alike', () => {
    const b = new flatbuffers.Builder(1024);
    const big = b.createString('k'.repeat(2048));
    const entries: number[] = [];
    for (let i = 0; i < 64; i++) entries.push(TextEntry.createTextEntry(b, big, big));
    const conf = PrepareConf.Req.createConfVector(b, entries);
    const key = b.createString('route');
    b.finish(PrepareConf.Req.createReq(b, conf, key));
    expect(() => PrepareConf.Req.verify(b.asUint8Array())).toThrow(
      /^Req\.conf\[\d+\]\.(name|value): reaches more than/,
    );
  });

  it('refuses aliasing through nesting: 40 levels of two offsets to one subtree (2^40 paths) in a few bytes', () => {
    // Built with the runner's layers only (readers, builders, verify): the layers-runner golden case.
    const b = new flatbuffers.Builder(1024);
    Box.startBox(b);
    let node = Box.endBox(b);
    for (let level = 0; level < 40; level++) {
      const children = Box.createChildrenVector(b, [node, node]);
      Box.startBox(b);
      Box.addChildren(b, children);
      node = Box.endBox(b);
    }
    b.finish(node);
    const bytes = b.asUint8Array();
    expect(bytes.length).toBeLessThan(2000);
    const started = performance.now();
    expect(() => Box.verify(bytes)).toThrow(/^Box(\.children\[[01]\])*(\.children)?: reaches more than/);
    expect(performance.now() - started).toBeLessThan(50);
    // The same depth without sharing (one child per level) is a legitimate buffer.
    const c = new flatbuffers.Builder(1024);
    Box.startBox(c);
    let leaf = Box.endBox(c);
    for (let level = 0; level < 40; level++) {
      const children = Box.createChildrenVector(c, [leaf]);
      Box.startBox(c);
      Box.addChildren(c, children);
      leaf = Box.endBox(c);
    }
    c.finish(leaf);
    expect(() => Box.verify(c.asUint8Array(), { sizeFactor: 1 })).not.toThrow();
  });

  it('accepts a large frame whose entries are all distinct (a real builder writes each once)', () => {
    const headers = Array.from({ length: 20_000 }, (_, i) => ({ name: `x-h${i}`, value: 'v'.repeat(i % 200) }));
    const bytes = HTTPRespCall.Req.encode({ id: 1, status: 200, headers, confToken: 3 });
    // Everything reachable is disjoint: a budget of 1x the length is enough.
    expect(() => HTTPRespCall.Req.verify(bytes, { sizeFactor: 1 })).not.toThrow();
    expect(() => Runner.HTTPRespCall.Req.verify(bytes)).not.toThrow();
  });

  it('refuses a vector count larger than the bytes can hold, without looping over it', () => {
    const good = HTTPRespCall.Req.encode({ id: 1, headers: [{ name: 'a', value: 'b' }] }).slice();
    const fw = HTTPRespCall.Req.getRootAsReq(new flatbuffers.ByteBuffer(good));
    const field = fw.bb_pos + fw.bb!.__offset(fw.bb_pos, 8);
    const vec = field + fw.bb!.readUint32(field);
    new DataView(good.buffer, good.byteOffset).setUint32(vec, 0xfffffff0, true);
    const started = performance.now();
    expect(() => HTTPRespCall.Req.verify(good)).toThrow('Req.headers: vector of 4294967280 elements out of bounds');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('keeps a payload inside a larger pooled buffer to its own bytes', () => {
    const bytes = HTTPReqCall.Req.encode({ id: 1, srcIp: [10, 0, 0, 1], path: '/a' });
    const pool = Buffer.alloc(bytes.length + 64, 7);
    pool.set(bytes, 32);
    const payload = pool.subarray(32, 32 + bytes.length);
    expect(() => Runner.HTTPReqCall.Req.verify(payload)).not.toThrow();
    // Stretch src_ip's length past the payload's end: the bytes after it belong to someone else.
    const fw = HTTPReqCall.Req.getRootAsReq(new flatbuffers.ByteBuffer(payload));
    const field = fw.bb_pos + fw.bb!.__offset(fw.bb_pos, 6);
    const vec = field + fw.bb!.readUint32(field);
    payload.writeUInt32LE(payload.length - vec - 4 + 1, vec);
    expect(() => Runner.HTTPReqCall.Req.verify(payload)).toThrow('Req.src_ip: vector of');
  });

  it('limits nesting depth', () => {
    // A Stop action whose headers hold tables is depth 2; a depth limit of 1 refuses it.
    const bytes = HTTPReqCall.Resp.encode({
      id: 1,
      action: { type: 'Stop', value: { status: 403, headers: [{ name: 'a' }] } },
    });
    expect(() => HTTPReqCall.Resp.verify(bytes)).not.toThrow();
    expect(() => HTTPReqCall.Resp.verify(bytes, { maxDepth: 1 })).toThrow('Resp.action.headers[0]: nested too deeply');
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
            fc.tuple(
              tableArb(t),
              fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }),
              fc.boolean(),
            ),
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
