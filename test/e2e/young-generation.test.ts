/**
 * The young-generation cap `a6kit build` puts first in every runner bundle (shipping/bundle.ts):
 * under a load that keeps objects alive across scavenges (a runner's calls in flight), V8 would
 * grow the young generation to 32 MiB; with the cap it stays at its initial 2 MiB.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { YOUNG_GENERATION_CAP } from '../../shipping/bundle.js';

/** Allocates in event-loop turns, keeping some objects alive a while; prints the young generation's size. */
const LOAD = `
const v8 = require('node:v8');
let keep = [];
let n = 0;
function step() {
  for (let j = 0; j < 100000; j++) {
    const o = { a: n++, b: [j] };
    if (j % 20 === 0) keep.push(o);
    if (keep.length > 20000) keep = [];
  }
  if (n < 8e6) setImmediate(step);
  else process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size));
}
step();
`;

function youngBytes(prelude: string): number {
  const run = spawnSync(process.execPath, ['-e', `${prelude}\n${LOAD}`], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return Number(run.stdout);
}

describe('young generation cap of a built runner', () => {
  it('holds the young generation at 2 MiB where V8 alone grows it past that', () => {
    expect(youngBytes('')).toBeGreaterThan(4 << 20);
    expect(youngBytes(YOUNG_GENERATION_CAP)).toBeLessThanOrEqual(2 << 20);
  }, 60_000);
});
