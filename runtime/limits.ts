/**
 * What one peer may cost the runner: every limit, its default, its `run` flag and its env var, in
 * one table (main.ts builds the flags from it, docs/runner.md "Limits and threat model" lists it).
 *
 * Defaults are chosen never to hurt APISIX: it pools up to 32 connections per nginx worker, sends
 * and reads with 60 s timeouts, closes pooled connections idle for 180 s (its keepalive timeout), and
 * sends whole frames of up to 16 MiB.
 */

export interface ConnectionLimits {
  /** Open connections at once; one more is closed as soon as it is accepted. */
  readonly maxConnections: number;
  /** Bytes of partial frames buffered across all connections; a frame that would pass it is refused. */
  readonly maxBufferedBytes: number;
  /** Unsent reply bytes across all connections; a reply that would pass it becomes SERVICE_UNAVAILABLE. */
  readonly maxOutputBytes: number;
  /** A frame whose first byte arrived must be complete within this many ms. */
  readonly frameTimeoutMs: number;
  /** A connection with no exchange in progress and no traffic for this many ms is closed. */
  readonly idleTimeoutMs: number;
}

export interface ConfLimits {
  /** Conf tokens kept at most; the least recently used go first. */
  readonly maxConfs: number;
  /** Estimated bytes of stored confs at most; the least recently used go first. */
  readonly maxConfBytes: number;
}

export type Limits = ConnectionLimits & ConfLimits;

const MiB = 1 << 20;

export const DEFAULT_LIMITS: Limits = {
  // 32 pooled connections x 64 nginx workers, twice over.
  maxConnections: 4096,
  // Sixteen 16 MiB frames in flight at once; far above what APISIX's bodies need in practice.
  maxBufferedBytes: 256 * MiB,
  // Output waits only for a peer that does not read (APISIX reads every reply at once): eight
  // 16 MiB replies in transit, and both budgets together stay well inside 512 MiB.
  maxOutputBytes: 128 * MiB,
  // Above APISIX's 60 s send timeout: a frame APISIX is still sending is never cut.
  frameTimeoutMs: 90_000,
  // Above APISIX's keepalive (180 s): APISIX closes its idle pooled connections first.
  idleTimeoutMs: 240_000,
  // A conf of ~250 bytes of JSON is estimated at ~1.5 KB: about 22 000 of them (real routes
  // rarely need more tokens; an evicted one costs APISIX one PrepareConf round trip). Measured:
  // 1 000 000 distinct PrepareConf end near 200 MiB RSS, under the 256 MiB target (bench/hostile).
  maxConfs: 100_000,
  maxConfBytes: 32 * MiB,
};

/** How each limit is set from outside: the `run` flag and the env var, with a one-line meaning. */
export const LIMIT_KNOBS: readonly {
  key: keyof Limits;
  flag: string;
  env: string;
  unit: 'count' | 'bytes' | 'ms';
  help: string;
}[] = [
  {
    key: 'maxConnections',
    flag: '--max-connections',
    env: 'A6KIT_MAX_CONNECTIONS',
    unit: 'count',
    help: 'open gateway connections at most',
  },
  {
    key: 'maxBufferedBytes',
    flag: '--max-buffered-bytes',
    env: 'A6KIT_MAX_BUFFERED_BYTES',
    unit: 'bytes',
    help: 'bytes of incomplete frames buffered across connections',
  },
  {
    key: 'maxOutputBytes',
    flag: '--max-output-bytes',
    env: 'A6KIT_MAX_OUTPUT_BYTES',
    unit: 'bytes',
    help: 'unsent reply bytes across connections',
  },
  {
    key: 'frameTimeoutMs',
    flag: '--frame-timeout',
    env: 'A6KIT_FRAME_TIMEOUT_MS',
    unit: 'ms',
    help: 'deadline for a started frame to arrive whole',
  },
  {
    key: 'idleTimeoutMs',
    flag: '--idle-timeout',
    env: 'A6KIT_IDLE_TIMEOUT_MS',
    unit: 'ms',
    help: 'close a connection idle this long',
  },
  {
    key: 'maxConfs',
    flag: '--max-confs',
    env: 'A6KIT_MAX_CONFS',
    unit: 'count',
    help: 'conf tokens kept (least recently used evicted first)',
  },
  {
    key: 'maxConfBytes',
    flag: '--max-conf-bytes',
    env: 'A6KIT_MAX_CONF_BYTES',
    unit: 'bytes',
    help: 'estimated bytes of confs kept (least recently used evicted first)',
  },
];

/** The given limits over the defaults; a limit left undefined keeps its default. */
export function withDefaults(partial: Partial<Limits> | undefined): Limits {
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(partial ?? {})) {
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v > 0))
      throw new Error(`invalid limit ${k}: ${String(v)} (expected a positive number)`);
    out[k] = v;
  }
  return out as unknown as Limits;
}
