/**
 * Socket reads and the garbage they leave. Node hands every socket read to JavaScript in a fresh
 * off-heap buffer, freed only when V8 next collects the young generation; a runner reading
 * 1 GB/s of 64 KiB frames while allocating little on the JavaScript heap collects rarely, and V8's
 * own trigger for off-heap memory waits for 64 MiB of it. So the runner counts the bytes it reads
 * and asks for a young-generation collection (a scavenge: well under a millisecond when little
 * survives) every `every` bytes: dead read buffers never add up to more than that.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Bytes read between two forced scavenges: the bound on read buffers waiting to be freed. */
export const READ_GARBAGE_BOUND = 8 << 20;

type Gc = (opts: { type: 'minor' | 'major' }) => void;

/** V8's collector, exposed once per process (the runner cannot pass --expose-gc: APISIX starts it). */
function exposeGc(): Gc | undefined {
  const g = (globalThis as { gc?: unknown }).gc;
  if (typeof g === 'function') return g as Gc;
  try {
    setFlagsFromString('--expose-gc');
    const fn: unknown = runInNewContext('gc');
    return typeof fn === 'function' ? (fn as Gc) : undefined;
  } catch {
    return undefined;
  }
}

export class ReadPressure {
  private bytes = 0;
  private readonly gc: Gc | undefined;
  /** Forced collections so far (tests, metrics). */
  collections = 0;

  constructor(private readonly every = READ_GARBAGE_BOUND) {
    this.gc = every > 0 ? exposeGc() : undefined;
  }

  read(n: number): void {
    this.bytes += n;
    if (this.bytes < this.every || this.gc === undefined) return;
    this.bytes = 0;
    this.collections++;
    this.gc({ type: 'minor' });
  }
}
