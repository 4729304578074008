/**
 * Dead socket-read buffers are freed at a young-generation collection, which a runner reading big
 * frames would otherwise wait for until V8's own trigger for off-heap memory (64 MiB of it):
 * ReadPressure forces one every N bytes read.
 */
import { describe, expect, it } from 'vitest';
import { ReadPressure } from '../../runtime/read-pressure.js';

const MiB = 1 << 20;

/** What a socket read leaves behind: an off-heap buffer nobody holds once the chunk is handled. */
function readChunk(pressure: ReadPressure, bytes: number): void {
  const chunk = Buffer.allocUnsafeSlow(bytes);
  chunk[0] = 1;
  pressure.read(chunk.length);
}

describe('ReadPressure', () => {
  it('collects once per bound of bytes read, counting across reads', async () => {
    const p = new ReadPressure(1000, 1);
    await p.prepare();
    p.read(600);
    expect(p.collections).toBe(0);
    p.read(600);
    expect(p.collections).toBe(1);
    p.read(999);
    expect(p.collections).toBe(1);
    p.read(1);
    expect(p.collections).toBe(2);
  });

  it('frees dead read buffers long before V8 would on its own', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const p = new ReadPressure(4 * MiB);
    await p.prepare();
    // 48 MiB read in 64 KiB chunks: under V8's 64 MiB off-heap trigger, and allocating almost
    // nothing on the JS heap, so without the forced collections all of it would still be held.
    for (let i = 0; i < 768; i++) readChunk(p, 64 * 1024);
    expect(p.collections).toBe(12);
    // The array-buffer sweeper frees concurrently with the JS thread: give it a moment.
    await new Promise((r) => setTimeout(r, 100));
    const held = process.memoryUsage().arrayBuffers - before;
    expect(held).toBeLessThan(8 * MiB);
  });

  it('exposes the collector at the first bound passed, and collects from the next one on', async () => {
    const p = new ReadPressure(MiB);
    p.read(MiB);
    expect(p.collections).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    p.read(MiB);
    expect(p.collections).toBe(1);
  });

  it('does nothing when turned off', () => {
    const p = new ReadPressure(0);
    for (let i = 0; i < 10; i++) p.read(MiB);
    expect(p.collections).toBe(0);
  });

  it('leaves small reads to V8 (they come with enough JS allocation of their own)', async () => {
    const p = new ReadPressure(64 * 1024);
    await p.prepare();
    for (let i = 0; i < 1000; i++) p.read(1024);
    expect(p.collections).toBe(0);
    for (let i = 0; i < 4; i++) p.read(16 * 1024);
    expect(p.collections).toBe(1);
  });
});
