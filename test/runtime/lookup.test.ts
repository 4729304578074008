/**
 * The first header/arg lookup reads names as bytes (call-objects.ts) instead of decoding every
 * name: it must answer exactly what the fully decoded map answers, whatever the names' case and
 * bytes (non-ASCII names included: toLowerCase turns U+212A KELVIN SIGN into "k").
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Builder, HTTPReqCall, TextEntry } from '../../runtime/wire.js';
import { decodeReqCall } from '../../runtime/codec.js';
import { CallRequest, type InfoChannel } from '../../runtime/call-objects.js';

// Lookups never reach the gateway or the plugin context: a channel that would fail the test if they did.
const unused = (): never => {
  throw new Error('a header lookup must not use the call channel');
};
const channel: InfoChannel = {
  askVar: unused,
  askBody: unused,
  get signal(): AbortSignal {
    return unused();
  },
  pluginLog: unused,
};

/** A request frame; a null name leaves the entry's name out (absent, not empty). */
function request(
  headers: readonly [string | null, string][],
  args: readonly [string | null, string][],
): HTTPReqCall.Req {
  const b = new Builder(256);
  const te = (k: string | null, v: string) =>
    TextEntry.createTextEntry(b, k === null ? 0 : b.createString(k), b.createString(v));
  const h = HTTPReqCall.Req.createHeadersVector(
    b,
    headers.map(([k, v]) => te(k, v)),
  );
  const a = HTTPReqCall.Req.createArgsVector(
    b,
    args.map(([k, v]) => te(k, v)),
  );
  b.finish(HTTPReqCall.Req.createReq(b, 1, 0, 0, b.createString('/'), a, h, 1));
  return decodeReqCall(Buffer.from(b.asUint8Array()));
}

/** What a lookup answers once every name was decoded (the map, not the byte-wise finder). */
function loaded(r: HTTPReqCall.Req, field: 'headers' | 'args', key: string): readonly string[] {
  const m = new CallRequest(r, channel)[field];
  void m.size;
  return m.getAll(key);
}

const name = fc.oneof(
  fc.constantFrom('Host', 'host', 'HOST', 'x-Id', 'X-ID', 'k', 'K', '\u212a', 'a\u212a', 'é', 'É', 'ß', 'İ', 'i'),
  fc.string({ minLength: 0, maxLength: 6 }),
);

describe('first lookup by bytes', () => {
  it('answers what the decoded map answers, for headers (case-insensitive) and args (exact)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(name), fc.string({ maxLength: 4 })), { maxLength: 12 }),
        name,
        (entries, key) => {
          const r = request(entries, entries);
          for (const field of ['headers', 'args'] as const) {
            const all = loaded(r, field, key);
            expect(new CallRequest(r, channel)[field].getAll(key)).toEqual(all);
            // get and has stop the scan at the first match: still the same answer.
            expect(new CallRequest(r, channel)[field].get(key)).toBe(all[0]);
            expect(new CallRequest(r, channel)[field].has(key)).toBe(all.length > 0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds a header among 64 KiB of others, any case, and the Kelvin sign as "k"', () => {
    const filler: [string, string][] = Array.from({ length: 64 }, (_, i) => [`x-filler-${i}`, 'f'.repeat(1024)]);
    const r = request(
      [...filler, ['Authorization', 'Bearer a'], ['\u212a', 'kelvin'], ['authorization', 'Bearer b']],
      [['Q', '1']],
    );
    expect(new CallRequest(r, channel).headers.getAll('AUTHORIZATION')).toEqual(['Bearer a', 'Bearer b']);
    expect(new CallRequest(r, channel).headers.get('k')).toBe('kelvin');
    expect(new CallRequest(r, channel).headers.get('x-filler-6')).toHaveLength(1024);
    expect(new CallRequest(r, channel).args.get('q')).toBeUndefined();
    expect(new CallRequest(r, channel).args.get('Q')).toBe('1');
  });

  it('skips entries without a name; an empty name is found by the empty key only', () => {
    const r = request(
      [
        [null, 'nameless'],
        ['', 'empty'],
        ['k', 'k'],
      ],
      [[null, 'nameless']],
    );
    expect(new CallRequest(r, channel).headers.getAll('')).toEqual(['empty']);
    expect(new CallRequest(r, channel).headers.getAll('k')).toEqual(['k']);
    expect(new CallRequest(r, channel).args.getAll('')).toEqual([]);
  });

  it('makes no string of the names it passes: one value decoded for one header among 76', () => {
    const filler: [string, string][] = Array.from({ length: 75 }, (_, i) => [`X-Filler-${i}`, 'f'.repeat(1024)]);
    const r = request([...filler, ['Authorization', 'Bearer a']], []);
    const names = vi.spyOn(TextEntry.prototype, 'name');
    const values = vi.spyOn(TextEntry.prototype, 'value');
    try {
      expect(new CallRequest(r, channel).headers.get('authorization')).toBe('Bearer a');
      expect(names).not.toHaveBeenCalled();
      expect(values).toHaveBeenCalledTimes(1);
    } finally {
      names.mockRestore();
      values.mockRestore();
    }
  });
});
