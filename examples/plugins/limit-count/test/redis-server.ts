/**
 * A real redis-server for the tests (Debian package `redis-server`; .ci/run installs it), on a free
 * local port, no persistence, stopped and restarted on that same port to play an outage.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

function findBinary(): string {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error !== undefined || found.status !== 0) {
    throw new Error(
      'redis-server is not installed: the limit-count tests need a real Redis. ' +
        'Install the Debian package (apt-get install -y redis-server); .ci/run does this in CI.',
    );
  }
  return 'redis-server';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export class RedisServer {
  private proc: ChildProcess | undefined;
  private output = '';

  private constructor(
    private readonly bin: string,
    readonly port: number,
    private readonly clusterDir: string | undefined,
    /** Set: the server requires AUTH with it (`--requirepass`). */
    readonly password?: string,
  ) {}

  static async start(opts: { password?: string } = {}): Promise<RedisServer> {
    const s = new RedisServer(findBinary(), await freePort(), undefined, opts.password);
    await s.resume();
    return s;
  }

  /** A one-node Redis Cluster owning every slot: what policy redis-cluster talks to. */
  static async startCluster(): Promise<RedisServer> {
    const s = new RedisServer(findBinary(), await freePort(), mkdtempSync(join(tmpdir(), 'a6kit-redis-cluster-')));
    await s.resume();
    const c = s.admin();
    try {
      await c.connect();
      await c.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
      const deadline = Date.now() + 10_000;
      while (!String(await c.call('CLUSTER', 'INFO')).includes('cluster_state:ok')) {
        if (Date.now() > deadline) throw new Error('the one-node cluster did not reach cluster_state:ok within 10 s');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      c.disconnect();
    }
    return s;
  }

  /** A client of its own (not the plugin's), for assertions. */
  admin(): Redis {
    const c = new Redis({
      host: '127.0.0.1',
      port: this.port,
      password: this.password,
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    c.on('error', () => {}); // refused connections while the server starts are expected
    return c;
  }

  /** (Re)starts the server on the same port and waits until it answers PING. */
  async resume(): Promise<void> {
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'no',
    ];
    if (this.password !== undefined) args.push('--requirepass', this.password);
    // A lone cluster node does not know its own address (CLUSTER SLOTS would name it ""): announce it.
    if (this.clusterDir !== undefined)
      args.push(
        '--cluster-enabled',
        'yes',
        '--cluster-announce-ip',
        '127.0.0.1',
        '--dir',
        this.clusterDir,
        '--cluster-config-file',
        'nodes.conf',
      );
    const proc = spawn(this.bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    proc.stdout.on('data', (d: Buffer) => (this.output += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited (${proc.exitCode}):\n${this.output}`);
      const c = this.admin();
      try {
        await c.connect();
        if ((await c.ping()) === 'PONG') return;
      } catch {
        /* not up yet */
      } finally {
        c.disconnect();
      }
      if (Date.now() > deadline)
        throw new Error(`redis-server did not answer on port ${this.port} within 10 s:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered. */
  pause(): void {
    this.proc?.kill('SIGSTOP');
  }

  unpause(): void {
    this.proc?.kill('SIGCONT');
  }

  /** Kills the server at once (an outage, not a shutdown) and waits for it to be gone. */
  async stop(): Promise<void> {
    const proc = this.proc;
    this.proc = undefined;
    if (proc === undefined) return;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGKILL');
    await gone;
  }

  /** Stops the server for good and removes its files. */
  async dispose(): Promise<void> {
    await this.stop();
    if (this.clusterDir !== undefined) rmSync(this.clusterDir, { recursive: true, force: true });
  }
}
