/**
 * An in-process connection: two linked Duplex ends that behave like the two sides of a unix
 * socket (bytes in order, half-close ends the peer, destroy closes both). Lets plugin tests and
 * embedders run the exact runner and simulator code without a socket file.
 */
import { Duplex } from 'node:stream';

class PipeEnd extends Duplex {
  peer!: PipeEnd;

  constructor() {
    super({ allowHalfOpen: false });
  }

  override _read(): void {
    // Nothing to pull: the peer's _write pushes its bytes into this end.
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    // Delivered on the next tick, as a socket would: never re-enter the writer's stack.
    process.nextTick(() => {
      if (!this.peer.destroyed) this.peer.push(chunk);
    });
    done();
  }

  override _final(done: (err?: Error | null) => void): void {
    process.nextTick(() => {
      if (!this.peer.destroyed) this.peer.push(null);
    });
    done();
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    process.nextTick(() => {
      if (!this.peer.destroyed) this.peer.destroy();
    });
    done(err);
  }
}

export function memoryPair(): [Duplex, Duplex] {
  const a = new PipeEnd();
  const b = new PipeEnd();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
