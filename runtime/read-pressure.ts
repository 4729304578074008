/**
 * Socket reads and the garbage they leave. Node hands every socket read to JavaScript in a fresh
 * off-heap buffer, freed only when V8 next collects the young generation; a runner reading
 * 1 GB/s of 64 KiB frames while allocating little on the JavaScript heap collects rarely, and V8's
 * own trigger for off-heap memory waits for 64 MiB of it. So the runner counts the bytes of its big
 * reads and asks for a young-generation collection (a scavenge: well under a millisecond when little
 * survives) every `every` bytes: dead read buffers never add up to much more than that.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytes read between two forced scavenges: the bound on read buffers waiting to be freed. */
const READ_GARBAGE_BOUND = 8 << 20;

/**
 * Reads below this size are left to V8: they come with small frames, whose handling allocates
 * enough on the JS heap per byte read that scavenges run often anyway. A runner that never reads
 * big chunks never exposes the collector (node:vm and a V8 context, about 2 MiB).
 */
const BIG_READ = 16 << 10;

type Gc = (opts: { type: 'minor' | 'major' }) => void;

/** V8's collector, exposed once per process (the runner cannot pass --expose-gc: APISIX starts it). */
async function exposeGc(): Promise<Gc | null> {
  const g = (globalThis as { gc?: unknown }).gc;
  if (typeof g === 'function') return g as Gc;
  try {
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const fn: unknown = runInNewContext('gc');
    return typeof fn === 'function' ? (fn as Gc) : null;
  } catch {
    return null;
  }
}

export class ReadPressure {
  private bytes = 0;
  /** undefined: not asked for yet; null: being exposed, or not available. */
  private gc: Gc | null | undefined;
  /** Forced collections so far (tests). */
  collections = 0;

  constructor(
    private readonly every = READ_GARBAGE_BOUND,
    private readonly bigRead = BIG_READ,
  ) {}

  /** Exposes the collector now rather than at the first bound passed (tests). */
  async prepare(): Promise<void> {
    this.gc = await exposeGc();
  }

  /** A socket read of `n` bytes was handled. */
  read(n: number): void {
    if (n < this.bigRead || this.every <= 0) return;
    this.bytes += n;
    if (this.bytes < this.every) return;
    this.bytes = 0;
    const gc = this.gc;
    if (gc === undefined) {
      this.gc = null;
      void this.prepare();
    } else if (gc !== null) {
      this.collections++;
      gc({ type: 'minor' });
    }
  }
}
