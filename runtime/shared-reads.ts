/**
 * Gateway connections that read into one buffer shared by every connection, instead of a new one
 * per read. Node gives every socket read a buffer of its own outside the V8 heap (64 KiB allocated,
 * then shrunk to what was read), freed only when a scavenge finds its Buffer dead: with 64 KiB
 * frames that is most of a runner's resident memory, and a malloc, a realloc and a free per read
 * with any frame. Node's `onread` option reads into a buffer of the caller's instead, but only
 * for sockets the caller constructs: a net.Server makes its own. So the server's listening handle
 * gets an `onconnection` that makes each accepted socket as net.Server's own does (same options,
 * same connection count and 'drop' at maxConnections), plus `onread`.
 *
 * This leans on net.Server internals that have not changed since Node 0.12 (`_handle.onconnection`
 * with `(err, clientHandle)`, `_connections`, a socket's `server`/`_server`); when they are not
 * there, `shareReads` returns false and the server keeps Node's way. A6KIT_SHARED_READS=0 turns it
 * off. In a cluster worker node:cluster hands over each connection through the same
 * `onconnection`, so workers share reads too.
 *
 * The connection picks each read's buffer (`target`, transport.ts): its reused request buffer
 * between exchanges, the rest of a frame being collected, else the shared one, whose bytes are
 * copied out frame by frame (frame.ts, transient chunks).
 */
import { Socket, type Server } from 'node:net';

/** Where an accepted socket's reads go: set by the connection that serves it. */
export interface ReadSink {
  /** Bytes `[0, n)` of `buf` were read: the shared buffer, or the one `target` gave. */
  sink: ((buf: Buffer, n: number) => void) | undefined;
  /**
   * Where the next read should go instead of the shared buffer (the connection's request buffer
   * between exchanges, or the rest of a frame being collected: the kernel copies the bytes in
   * place), or undefined for the shared buffer.
   */
  target: (() => Buffer | undefined) | undefined;
}

/** Present on sockets accepted by shareReads: the connection installs its sink there. */
const READ_SINK: unique symbol = Symbol('a6kit.readSink');

type SharedReadSocket = Socket & { [READ_SINK]?: ReadSink };

/** The sink of a socket accepted by shareReads, or undefined for any other stream. */
export function readSinkOf(sock: object): ReadSink | undefined {
  return (sock as SharedReadSocket)[READ_SINK];
}

/** One read's worth: what Node itself asks the kernel for (64 KiB). */
const SHARED_READ_SIZE = 64 << 10;

interface ListenHandle {
  onconnection?: (err: number, clientHandle: unknown) => void;
}

interface ServerInternals {
  _handle?: ListenHandle | null;
  _connections: number;
  allowHalfOpen?: boolean;
}

/**
 * Makes the listening `server` accept sockets that read into one shared buffer. Call once it
 * listens. Returns false (and changes nothing) where Node's internals are not as expected.
 */
export function shareReads(server: Server, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.A6KIT_SHARED_READS === '0') return false;
  const internals = server as unknown as ServerInternals;
  const handle = internals._handle;
  if (handle == null || typeof handle.onconnection !== 'function' || handle.onconnection.length !== 2) return false;
  if (typeof internals._connections !== 'number') return false;
  const shared = Buffer.allocUnsafeSlow(SHARED_READ_SIZE);
  handle.onconnection = (err, clientHandle) => {
    if (err) {
      server.emit('error', Object.assign(new Error(`accept failed (${err})`), { errno: err, syscall: 'accept' }));
      return;
    }
    if (server.maxConnections && internals._connections >= server.maxConnections) {
      server.emit('drop');
      (clientHandle as { close(): void }).close();
      return;
    }
    const reads: ReadSink = { sink: undefined, target: undefined };
    const sock = new Socket({
      handle: clientHandle,
      allowHalfOpen: internals.allowHalfOpen ?? false,
      readable: true,
      writable: true,
      onread: {
        // Asked after every read for the next one's buffer (and once as the socket is made).
        buffer: () => reads.target?.() ?? shared,
        callback: (n: number, buf: Uint8Array) => {
          reads.sink?.(buf as Buffer, n);
        },
      },
    } as ConstructorParameters<typeof Socket>[0]) as SharedReadSocket;
    sock[READ_SINK] = reads;
    internals._connections++;
    Object.assign(sock, { server, _server: server });
    server.emit('connection', sock);
  };
  return true;
}
