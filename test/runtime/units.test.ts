/** Unit tests of the pieces below the socket: framing, field maps, the token store. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameReader, encodeFrame, MAX_PAYLOAD, FrameTooLargeError } from '../../runtime/frame.js';
import { FieldMap } from '../../runtime/fields.js';
import { ConfStore } from '../../runtime/conf-store.js';
import { formatIp } from '../../runtime/call-objects.js';
import type { Chain } from '../../runtime/chain.js';

describe('FrameReader', () => {
  it('reassembles any split of any sequence of frames', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 300 })), { maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }),
        (frames, cuts) => {
          const stream = Buffer.concat(frames.map(([t, p]) => encodeFrame(t, p)));
          const got: [number, number[]][] = [];
          const r = new FrameReader((t, p) => got.push([t, [...p]]));
          let off = 0;
          let i = 0;
          while (off < stream.length) {
            const n = cuts[i++ % cuts.length]!;
            r.push(stream.subarray(off, off + n));
            off += n;
          }
          expect(got).toEqual(frames.map(([t, p]) => [t, [...p]]));
          expect(r.buffered).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hands out nothing while paused, and the rest of the chunk in order once resumed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 50 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 64 }),
        (frames, cut) => {
          const stream = Buffer.concat(frames.map(([t, p]) => encodeFrame(t, p)));
          const got: [number, number[]][] = [];
          // Pauses after every frame, like a connection whose reply did not fit the socket.
          const r: FrameReader = new FrameReader((t, p) => {
            got.push([t, [...p]]);
            r.pause();
          });
          for (let off = 0; off < stream.length; off += cut) r.push(stream.subarray(off, off + cut));
          for (let i = 0; i < frames.length; i++) {
            expect(got.length).toBe(i + 1);
            r.resume();
          }
          expect(got).toEqual(frames.map(([t, p]) => [t, [...p]]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('over transient chunks (one shared read buffer), hands out frames that later reads do not overwrite', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 300 })), { maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (frames, cuts, pausing) => {
          const stream = Buffer.concat(frames.map(([t, p]) => encodeFrame(t, p)));
          // The payloads themselves are kept, not copies: a call reads its frame long after the read.
          const got: [number, Buffer][] = [];
          const r: FrameReader = new FrameReader(
            (t, p) => {
              got.push([t, p]);
              if (pausing) r.pause();
            },
            undefined,
            undefined,
            undefined,
            true,
          );
          const shared = Buffer.alloc(64);
          let off = 0;
          let i = 0;
          while (off < stream.length) {
            const n = Math.min(cuts[i++ % cuts.length]!, stream.length - off);
            stream.copy(shared, 0, off, off + n);
            r.push(shared, n);
            shared.fill(0xee); // the next read overwrites the buffer
            off += n;
            // Paused after each frame (a reply that did not fit): resumed until nothing more comes.
            if (pausing)
              for (let before = -1; before !== r.frames;) {
                before = r.frames;
                r.resume();
              }
          }
          expect(got.map(([t, p]) => [t, [...p]])).toEqual(frames.map(([t, p]) => [t, [...p]]));
          expect(r.buffered).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('collects frames in place: reads into its own buffer between frames and into the frame after that', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 300 })), { maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 20 }),
        (frames, cuts) => {
          const stream = Buffer.concat(frames.map(([t, p]) => encodeFrame(t, p)));
          const own = Buffer.alloc(256); // the connection's request buffer (room for some frames, not all)
          const shared = Buffer.alloc(64);
          const got: [number, number[]][] = [];
          const r = new FrameReader(
            (t, p) => got.push([t, [...p]]),
            undefined,
            undefined,
            (_t, len) => Buffer.alloc(len),
            true,
          );
          let off = 0;
          let i = 0;
          while (off < stream.length) {
            // As transport.ts picks: the rest of the frame, else its own buffer between frames.
            const target = r.directTarget(0) ?? (r.inFrame ? shared : own);
            const n = Math.min(cuts[i++ % cuts.length]!, target.length, stream.length - off);
            stream.copy(target, 0, off, off + n);
            if (target === own) r.pushInPlace(own, n);
            else if (target === shared) r.push(shared, n);
            else r.filledDirect(n);
            shared.fill(0xee);
            off += n;
          }
          expect(got).toEqual(frames.map(([t, p]) => [t, [...p]]));
          expect(r.buffered).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('copies nothing of a frame that starts a read into its own buffer', () => {
    const own = Buffer.alloc(1024);
    const frame = encodeFrame(2, Buffer.alloc(600, 7));
    const got: Buffer[] = [];
    const r = new FrameReader(
      (_t, p) => got.push(p),
      undefined,
      undefined,
      () => {
        throw new Error('no buffer should be allocated');
      },
      true,
    );
    frame.copy(own, 0, 0, 100);
    r.pushInPlace(own, 100);
    const rest = r.directTarget(0)!;
    expect(rest.buffer).toBe(own.buffer); // the rest is read into the same memory
    frame.copy(rest, 0, 100, 350);
    r.filledDirect(250);
    frame.copy(r.directTarget(0)!, 0, 350);
    r.filledDirect(frame.length - 350);
    expect(got).toHaveLength(1);
    expect(got[0]!.buffer).toBe(own.buffer);
    expect(got[0]!.equals(frame.subarray(4))).toBe(true);
  });

  it('reads byte by byte and writes the 3-byte big-endian length', () => {
    const f = encodeFrame(2, new Uint8Array(0x010203));
    expect([...f.subarray(0, 4)]).toEqual([2, 1, 2, 3]);
    const got: number[] = [];
    const r = new FrameReader((t, p) => got.push(t, p.length));
    for (let i = 0; i < f.length; i += 4096) r.push(f.subarray(i, i + 4096));
    const small = encodeFrame(1, Buffer.from('abc'));
    for (const b of small) r.push(Buffer.from([b]));
    expect(got).toEqual([2, 0x010203, 1, 3]);
  });

  it('refuses payloads over 16 777 215 bytes', () => {
    expect(encodeFrame(1, new Uint8Array(MAX_PAYLOAD)).length).toBe(MAX_PAYLOAD + 4);
    expect(() => encodeFrame(1, new Uint8Array(MAX_PAYLOAD + 1))).toThrow(FrameTooLargeError);
  });
});

describe('FieldMap', () => {
  it('is case-insensitive for headers, case-sensitive for args, and reads its source lazily', () => {
    let reads = 0;
    const h = new FieldMap(true, (add) => {
      reads++;
      add('Content-Type', 'a');
      add('X-R', '1');
      add('x-r', '2');
    });
    expect(reads).toBe(0);
    expect(h.get('content-type')).toBe('a');
    expect(h.getAll('X-r')).toEqual(['1', '2']);
    expect([...h.entries()]).toEqual([
      ['content-type', 'a'],
      ['x-r', '1'],
      ['x-r', '2'],
    ]);
    expect(h.changed).toBe(false);
    expect(reads).toBe(1);
    const a = new FieldMap(false, (add) => add('Q', '1'));
    expect(a.get('q')).toBeUndefined();
    expect(a.get('Q')).toBe('1');
  });

  it('answers the first lookup through the finder, then loads everything', () => {
    let reads = 0;
    const finds: string[] = [];
    const h = new FieldMap(
      true,
      (add) => {
        reads++;
        add('A', '1');
        add('b', '2');
        add('a', '3');
      },
      (key, _lowerCase, first) => {
        finds.push(`${key}${first ? ' (first)' : ''}`);
        return key === 'a' ? ['1', '3'] : [];
      },
    );
    h.set('x', 'y');
    expect(h.getAll('A')).toEqual(['1', '3']);
    expect(h.get('x')).toBe('y');
    expect(reads).toBe(0);
    expect(h.has('b')).toBe(true);
    expect(finds).toEqual(['a']);
    expect(reads).toBe(1);
    expect(h.get('a')).toBe('1');
  });

  it('asks the finder for the first value only when get or has is the first lookup', () => {
    const asked = (read: (h: FieldMap) => unknown): boolean[] => {
      const firsts: boolean[] = [];
      read(
        new FieldMap(
          true,
          () => {},
          (_key, _lowerCase, first) => {
            firsts.push(first);
            return [];
          },
        ),
      );
      return firsts;
    };
    expect(asked((h) => h.get('a'))).toEqual([true]);
    expect(asked((h) => h.has('a'))).toEqual([true]);
    expect(asked((h) => h.getAll('a'))).toEqual([false]);
  });

  it('records writes without reading the source, and merges them when read later', () => {
    let reads = 0;
    const h = new FieldMap(true, (add) => {
      reads++;
      add('a', '1');
      add('b', '2');
      add('c', '3');
    });
    h.set('A', 'x');
    h.delete('b');
    h.set('d', ['4', '5']);
    expect([...h.changes()]).toEqual([
      ['a', ['x']],
      ['b', undefined],
      ['d', ['4', '5']],
    ]);
    expect(reads).toBe(0);
    expect([...h.entries()]).toEqual([
      ['a', 'x'],
      ['c', '3'],
      ['d', '4'],
      ['d', '5'],
    ]);
    expect(reads).toBe(1);
    h.append('c', '6');
    expect([...h.changes()]).toEqual([
      ['a', ['x']],
      ['b', undefined],
      ['d', ['4', '5']],
      ['c', ['3', '6']],
    ]);
  });

  it('tracks set, append and delete', () => {
    const h = new FieldMap(true, (add) => add('a', '1'));
    h.set('B', ['x', 'y']);
    h.append('a', '2');
    h.delete('c');
    expect([...h.changes()]).toEqual([
      ['b', ['x', 'y']],
      ['a', ['1', '2']],
      ['c', undefined],
    ]);
    expect(() => h.set('a', 1 as unknown as string)).toThrow(TypeError);
  });
});

describe('ConfStore', () => {
  const chain = (key: string): Chain => ({ key, links: [] });

  it('expires unused entries after the TTL and renews them on use', () => {
    let now = 0;
    const s = new ConfStore(1000, () => now);
    const a = s.put('a', [], chain('a'));
    const b = s.put('b', [], chain('b'));
    now = 900;
    expect(s.get(a)?.key).toBe('a');
    now = 1500;
    expect(s.get(a)?.key).toBe('a');
    expect(s.get(b)).toBeUndefined();
    now = 2600;
    expect(s.get(a)).toBeUndefined();
    expect(s.reuse('a', [])).toBeUndefined();
    s.close();
  });

  it('reuses a token only for the same key and the same conf', () => {
    const s = new ConfStore(10_000);
    const conf = [{ name: 'p', value: '{}' }];
    const t = s.put('k', conf, chain('k'));
    expect(s.reuse('k', [{ name: 'p', value: '{}' }])).toBe(t);
    expect(s.reuse('k', [{ name: 'p', value: '{ }' }])).toBeUndefined();
    expect(s.reuse('other', conf)).toBeUndefined();
    s.close();
  });

  it('never hands out 0 or a token in use', () => {
    const s = new ConfStore(10_000);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) seen.add(s.put(`k${i}`, [], chain('x')));
    expect(seen.size).toBe(5000);
    expect(seen.has(0)).toBe(false);
    s.close();
  });
});

describe('formatIp', () => {
  it('formats IPv4 and compresses IPv6 the RFC 5952 way', () => {
    expect(formatIp(Uint8Array.from([10, 0, 0, 1]))).toBe('10.0.0.1');
    const v6 = (s: number[]) => formatIp(Uint8Array.from(s.flatMap((g) => [g >> 8, g & 255])));
    expect(v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1])).toBe('2001:db8::1');
    expect(v6([0, 0, 0, 0, 0, 0, 0, 1])).toBe('::1');
    expect(v6([0, 0, 0, 0, 0, 0, 0, 0])).toBe('::');
    expect(v6([1, 0, 2, 0, 0, 3, 0, 0])).toBe('1:0:2::3:0:0');
    expect(formatIp(Uint8Array.from([1, 2]))).toBe('');
  });
});
