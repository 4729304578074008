/**
 * `<field>ByteStart()` / `<field>ByteLength()`: the byte span of a string field inside `bb.bytes()`,
 * which lets the runner compare header names on their bytes without a hand-written vtable slot.
 * What the emitter writes (every string field of a table, every layer selection), and what the
 * runner's own TextEntry reads from buffers the `flatbuffers` library builds by itself (its Builder,
 * no generated code): absent, empty, ASCII, non-ASCII and invalid UTF-8 names, and a payload that
 * is a view into a larger pooled buffer. test/fbs/roundtrip.test.ts checks the spans of every
 * string field of every oracle schema against where flatc's reader finds the bytes.
 */
import * as flatbuffers from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../generator/fbs/compile.js';
import { ALL_LAYERS, BASE_LAYERS, RUNNER_LAYERS, type Layers } from '../../generator/fbs/layers.js';
import { TextEntry } from '../../runtime/protocol/index.js';

const SCHEMA = `
table T {
  plain:string;
  must_have:string (required);
  old:string (deprecated);
  tags:[string];
  count:int;
}
`;

function emitted(layers: Layers): string {
  const files: Record<string, string> = { '/v/s.fbs': SCHEMA };
  return compileSchema('s.fbs', { cwd: '/v', layers, readFile: (p) => files[p] }).get('_root.ts')!;
}

/** The names of the span methods a generated module declares, in order. */
const spanMethods = (text: string): string[] =>
  [...text.matchAll(/^ {2}(\w+Byte(?:Start|Length))\(\): number \{$/gm)].map((m) => m[1]!);

describe('emitted span accessors', () => {
  it('every live string field of a table gets ByteStart and ByteLength, and nothing else does', () => {
    expect(spanMethods(emitted(BASE_LAYERS))).toEqual([
      'plainByteStart',
      'plainByteLength',
      'mustHaveByteStart',
      'mustHaveByteLength',
    ]);
  });

  it('belong to the readers: the same with every layer selection', () => {
    const base = spanMethods(emitted(BASE_LAYERS));
    for (const layers of [RUNNER_LAYERS, ALL_LAYERS, { objectApi: true, values: false, verify: false }]) {
      expect(spanMethods(emitted(layers))).toEqual(base);
    }
  });

  it('say why they exist, read through the field slot, and allocate nothing (no new, no view, no string)', () => {
    const text = emitted(BASE_LAYERS);
    const start = /\/\*\*\n((?: {3}\*.*\n)+) {3}\*\/\n {2}plainByteStart\(\): number \{\n((?: {4}.*\n)+) {2}\}/.exec(
      text,
    );
    const length = /\/\*\*\n((?: {3}\*.*\n)+) {3}\*\/\n {2}plainByteLength\(\): number \{\n((?: {4}.*\n)+) {2}\}/.exec(
      text,
    );
    expect(start, 'plainByteStart with a doc comment').not.toBeNull();
    expect(length, 'plainByteLength with a doc comment').not.toBeNull();
    expect(start![1]).toMatch(/-1 when absent/);
    expect(start![1]).toMatch(/allocating nothing/);
    expect(length![1]).toMatch(/0 when absent/);
    for (const body of [start![2]!, length![2]!]) {
      expect(body).toContain('this.bb!.__offset(this.bb_pos, 4)');
      expect(body).not.toMatch(/\bnew\b|subarray|__string|readString|\[/);
    }
  });
});

/** A TextEntry written with the flatbuffers library's own Builder: slot 0 name, slot 1 value. */
function libEntry(name: string | Uint8Array | null, value: string | null): Uint8Array {
  const b = new flatbuffers.Builder(16);
  const n = name === null ? 0 : b.createString(name);
  const v = value === null ? 0 : b.createString(value);
  b.startObject(2);
  if (n) b.addFieldOffset(0, n, 0);
  if (v) b.addFieldOffset(1, v, 0);
  b.finish(b.endObject());
  return b.asUint8Array();
}

/** Where the library's reader finds the bytes of the string in `slot` (absent: [-1, 0]). */
function libSpan(bytes: Uint8Array, slot: number): [number, number] {
  const bb = new flatbuffers.ByteBuffer(bytes);
  const table = bb.readInt32(0);
  const o = bb.__offset(table, 4 + 2 * slot);
  if (o === 0) return [-1, 0];
  const view = bb.__string(table + o, flatbuffers.Encoding.UTF8_BYTES) as Uint8Array;
  return [view.byteOffset - bytes.byteOffset, view.length];
}

describe("the runner's TextEntry spans over buffers the flatbuffers library builds", () => {
  const names: [string, string | Uint8Array | null][] = [
    ['absent', null],
    ['empty', ''],
    ['ASCII', 'Authorization'],
    ['non-ASCII (Kelvin sign, 3 bytes)', '\u212a'],
    ['non-ASCII (mixed)', 'höst-日本語-😀'],
    ['invalid UTF-8', new Uint8Array([0x41, 0xff, 0xfe, 0x42])],
    ['long', 'x'.repeat(70_000)],
  ];

  for (const [label, name] of names) {
    it(`${label} name`, () => {
      const bytes = libEntry(name, label === 'absent' ? 'v' : null);
      const e = TextEntry.getRootAsTextEntry(new flatbuffers.ByteBuffer(bytes));
      const span: [number, number] = [e.nameByteStart(), e.nameByteLength()];
      expect(span).toEqual(libSpan(bytes, 0));
      expect([e.valueByteStart(), e.valueByteLength()]).toEqual(libSpan(bytes, 1));
      if (name === null) {
        expect(span).toEqual([-1, 0]);
        expect(e.valueByteLength()).toBe(1);
        return;
      }
      const utf8 = typeof name === 'string' ? new TextEncoder().encode(name) : name;
      const [start, length] = span;
      expect(e.bb!.bytes().subarray(start, start + length)).toEqual(utf8);
      // The layout the span stands for: a little-endian int32 byte count before, a 0 after.
      expect(new DataView(bytes.buffer, bytes.byteOffset).getInt32(start - 4, true)).toBe(utf8.length);
      expect(bytes[start + length]).toBe(0);
      expect([e.valueByteStart(), e.valueByteLength()]).toEqual([-1, 0]);
    });
  }

  it('offsets index bb.bytes(), also when the payload is a view into a larger pooled buffer', () => {
    const entry = libEntry('x-request-id', 'abc');
    const pool = new Uint8Array(entry.length + 37);
    pool.set(entry, 29);
    const payload = pool.subarray(29, 29 + entry.length);
    const e = TextEntry.getRootAsTextEntry(new flatbuffers.ByteBuffer(payload));
    const start = e.nameByteStart();
    expect(start).toBe(libSpan(entry, 0)[0]);
    expect(Buffer.from(payload.subarray(start, start + e.nameByteLength())).toString()).toBe('x-request-id');
    const v = e.valueByteStart();
    expect(Buffer.from(payload.subarray(v, v + e.valueByteLength())).toString()).toBe('abc');
  });
});
