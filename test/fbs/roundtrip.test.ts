/**
 * Wire proof against flatc, for every table of ext-plugin.fbs, of the broad test schema and of
 * the golden cases (fast-check values):
 *  - our `encode` -> flatc's reader (object API `unpack`) sees the same data;
 *  - flatc's object API `pack` -> our `verify` accepts it (for ext-plugin also the runner's own
 *    runtime/protocol verifier) and our `decode` sees the same data;
 *  - flatc's JSON -> binary -> likewise;
 *  - flatc's object API (`unpack`, `<T>T.pack`) and ours give the same objects and bytes;
 *  - the flyweight builder API gives byte-identical buffers with flatc's classes and ours, and the
 *    flyweight readers of both read the same values from them; our `<f>ByteStart()` /
 *    `<f>ByteLength()` of every string field give the bytes flatc's reader finds there.
 */
import fc from 'fast-check';
import * as flatbuffers from 'flatbuffers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWithApi, buildWithApi, stringSpans } from './support/flyweight.js';
import { flatcJsonToBinary, removeDir } from './support/oracle.js';
import { BROAD, EXT_PLUGIN, goldenCases, prepare, type Prepared, type SchemaCase } from './support/schemas.js';
import type { TableModel } from '../../generator/fbs/model.js';
import * as Runner from '../../runtime/protocol/index.js';
import { canonTable, sortKeyedVectors, tableArb, toFlatcJson, toFlatcT } from './support/values.js';

type Any = any;
type Obj = Record<string, unknown>;
const RUNS = 40;

/**
 * For ext-plugin: the verifier of the runner's own runtime/protocol/ (readers, builders, verify),
 * which must accept every frame flatc builds. Undefined for other schemas.
 */
function runnerVerify(sc: SchemaCase, t: TableModel): ((bytes: Uint8Array) => void) | undefined {
  if (sc !== EXT_PLUGIN) return undefined;
  let at: Any = Runner;
  for (const part of t.fullName.split('.').slice(1)) at = at[part];
  return (bytes) => at.verify(bytes);
}
const SEED = 20261122;

for (const sc of [EXT_PLUGIN, BROAD, ...goldenCases()] satisfies readonly SchemaCase[]) {
  describe(`${sc.name}.fbs against flatc`, () => {
    let p: Prepared;
    beforeAll(async () => {
      p = await prepare(sc);
    });
    afterAll(() => removeDir(p.dir));

    it('has tables to test', () => {
      expect(p.tables.length).toBeGreaterThanOrEqual(sc === EXT_PLUGIN ? 16 : sc === BROAD ? 4 : 1);
    });

    it("exposes flatc's public API: same exports, members, arities and enum values", async () => {
      const members = (o: object): string[] =>
        Object.getOwnPropertyNames(o)
          .filter((n) => !['length', 'name', 'prototype', 'constructor'].includes(n))
          .sort();
      for (const d of p.model.decls) {
        const theirs = await p.flatc(d.fullName);
        const ours = await p.ours(d.fullName);
        for (const [name, value] of Object.entries(theirs)) {
          const mine = ours[name] as Any;
          expect(mine, `${d.fullName}: export ${name}`).toBeDefined();
          if (typeof value === 'function') {
            expect(mine.length, `${name}()`).toBe((value as Any).length);
            const v = value as Any;
            for (const m of members(v)) {
              expect(typeof mine[m], `${name}.${m}`).toBe(typeof v[m]);
              if (typeof v[m] === 'function') expect(mine[m].length, `${name}.${m} arity`).toBe(v[m].length);
            }
            if (v.prototype) {
              for (const m of members(v.prototype)) {
                expect(typeof mine.prototype[m], `${name}#${m}`).toBe('function');
                expect(mine.prototype[m].length, `${name}#${m} arity`).toBe(v.prototype[m].length);
              }
            }
          } else {
            expect(mine, `enum ${name}`).toEqual(value);
          }
        }
      }
    });

    // The two protocol-sized schemas get the most runs; golden cases fewer.
    const runs = sc === EXT_PLUGIN || sc === BROAD ? RUNS : 12;
    /** A fast-check property over Init values of `t` (shrinks and reports a counterexample on failure). */
    const forAll = (t: TableModel, check: (init: Obj) => Promise<void> | void): Promise<void> =>
      fc.assert(
        fc.asyncProperty(tableArb(t), async (init) => {
          await check(init);
        }),
        { numRuns: runs, seed: SEED },
      );

    it('our encode -> flatc unpack, for every table', async () => {
      for (const t of p.tables) {
        const Ours: Any = (await p.ours(t.fullName))[t.name];
        const Theirs: Any = (await p.flatc(t.fullName))[t.name];
        await forAll(t, (init) => {
          const bytes: Uint8Array = Ours.encode(init);
          const got = Theirs[`getRootAs${t.name}`](new flatbuffers.ByteBuffer(bytes)).unpack();
          expect(canonTable(t, got, 'flatcT'), t.fullName).toEqual(canonTable(t, init, 'init'));
        });
      }
    });

    it('flatc pack -> our decode, for every table', async () => {
      for (const t of p.tables) {
        const Ours: Any = (await p.ours(t.fullName))[t.name];
        await forAll(t, async (init) => {
          const obj: Any = await toFlatcT(t, init, p.flatc);
          const b = new flatbuffers.Builder(64);
          b.finish(obj.pack(b));
          Ours.verify(b.asUint8Array());
          runnerVerify(sc, t)?.(b.asUint8Array());
          const got = Ours.decode(b.asUint8Array());
          expect(canonTable(t, got, 'ours'), t.fullName).toEqual(canonTable(t, init, 'init'));
        });
      }
    });

    it('flatc JSON -> binary -> our decode, for every table', async () => {
      for (const t of p.tables) {
        const Ours: Any = (await p.ours(t.fullName))[t.name];
        const inits = fc.sample(tableArb(t), { numRuns: 15, seed: SEED + 1 });
        const bins = await flatcJsonToBinary(
          sc.files,
          t.fullName,
          inits.map((i) => toFlatcJson(t, i)),
          p.model.fileExtension,
        );
        bins.forEach((bin, i) => {
          Ours.verify(bin);
          runnerVerify(sc, t)?.(bin);
          // flatc orders keyed vectors while parsing JSON: compare in that order.
          expect(
            sortKeyedVectors(t, canonTable(t, Ours.decode(bin), 'ours')),
            `${t.fullName} ${toFlatcJson(t, inits[i]!)}`,
          ).toEqual(sortKeyedVectors(t, canonTable(t, inits[i], 'init')));
        });
      }
    });

    it('object API (unpack, <T>T.pack) matches flatc byte for byte', async () => {
      for (const t of p.tables) {
        const Ours: Any = (await p.ours(t.fullName))[t.name];
        await forAll(t, async (init) => {
          const packWith = async (load: typeof p.ours): Promise<Uint8Array> => {
            const obj: Any = await toFlatcT(t, init, load);
            const b = new flatbuffers.Builder(64);
            b.finish(obj.pack(b));
            return b.asUint8Array();
          };
          const ours = await packWith(p.ours);
          expect(ours, t.fullName).toEqual(await packWith(p.flatc));
          const back = Ours[`getRootAs${t.name}`](new flatbuffers.ByteBuffer(ours)).unpack();
          expect(canonTable(t, back, 'flatcT'), t.fullName).toEqual(canonTable(t, init, 'init'));
        });
      }
    });

    it('flyweight builders give byte-identical buffers and flyweight readers agree', async () => {
      for (const t of p.tables) {
        const Ours: Any = (await p.ours(t.fullName))[t.name];
        const Theirs: Any = (await p.flatc(t.fullName))[t.name];
        await forAll(t, async (init) => {
          const b1 = new flatbuffers.Builder(64);
          b1.finish(await buildWithApi(t, b1, init, p.ours));
          const b2 = new flatbuffers.Builder(64);
          b2.finish(await buildWithApi(t, b2, init, p.flatc));
          const ours = b1.asUint8Array();
          expect(ours, t.fullName).toEqual(b2.asUint8Array());
          const viaOurs = await readWithApi(t, Ours[`getRootAs${t.name}`](new flatbuffers.ByteBuffer(ours)), p.ours);
          const viaTheirs = await readWithApi(
            t,
            Theirs[`getRootAs${t.name}`](new flatbuffers.ByteBuffer(ours)),
            p.flatc,
          );
          expect(canonTable(t, viaOurs, 'ours'), t.fullName).toEqual(canonTable(t, viaTheirs, 'ours'));
          expect(canonTable(t, viaOurs, 'ours'), t.fullName).toEqual(canonTable(t, init, 'init'));
          // Our byte spans of every string field lie where flatc's reader finds its bytes.
          const spans = await stringSpans(
            t,
            Ours[`getRootAs${t.name}`](new flatbuffers.ByteBuffer(ours)),
            Theirs[`getRootAs${t.name}`](new flatbuffers.ByteBuffer(ours)),
            p.ours,
            p.flatc,
          );
          expect(spans.ours, t.fullName).toEqual(spans.theirs);
        });
      }
    });
  });
}
