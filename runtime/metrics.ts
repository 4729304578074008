/**
 * Prometheus metrics of one runner process (`--metrics`). Loaded only when metrics are on (a
 * dynamic import): with metrics off nothing of this module, nor prom-client, is ever loaded, and
 * every hook on the hot path is one `if (metrics !== undefined)` on a field that stays undefined.
 *
 * With metrics on, the hot path never calls into prom-client: a prom-client child `inc()` or
 * `observe()` re-validates and re-hashes its labels on every call (measured ~150 ns and ~420 ns on
 * the 2-core VM, against ~14 µs of CPU for a whole call). Calls only add to plain numbers in
 * arrays indexed by phase, outcome and plugin slot (slots resolved once per plugin at start-up:
 * plugin names come from the registry only, never from the wire); prom-client reads them when
 * scraped (each metric's `collect`), and its Registry writes the exposition format.
 */
import { Counter, Gauge, Registry, type MetricValue } from 'prom-client';
import { collectProcessMetrics } from './process-collectors.js';
import type { PluginRegistry } from './chain.js';
import { FILTER_ERRORS, INFO_KINDS, OUTCOMES, PHASES, PREPARE_OUTCOMES, REFUSED_REASONS } from './metrics-ids.js';

/** Seconds. A filter is typically microseconds; ExtraInfo a round trip through nginx; the deadline is 50 s. */
const FILTER_BUCKETS = [
  0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
  5, 10, 30, 60,
];
const INFO_BUCKETS = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * Histograms kept as plain bucket counts (no per-observation prom-client call), exposed through
 * prom-client's Registry by giving it the values its own Histogram would (same names: `_bucket`
 * with cumulative `le`, `_sum`, `_count`), so formatting and cluster aggregation stay prom-client's.
 */
class Histograms {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  /** Upper bounds in milliseconds, what the hot path measures in: no division per observation. */
  private readonly boundsMs: Float64Array;
  /** One row per series of one count per bucket (not cumulative), then +Inf: one flat array. */
  private readonly counts: Float64Array;
  /** Per series, in milliseconds. */
  private readonly sumsMs: Float64Array;
  private readonly row: number;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: readonly number[],
    private readonly series: readonly Record<string, string>[],
  ) {
    this.boundsMs = Float64Array.from(bounds, (s) => s * 1000);
    this.row = bounds.length + 1;
    this.counts = new Float64Array(series.length * this.row);
    this.sumsMs = new Float64Array(series.length);
  }

  /** `ms` milliseconds observed for series `i`. */
  observe(i: number, ms: number): void {
    const b = this.boundsMs;
    let k = 0;
    while (k < b.length && ms > b[k]!) k++;
    this.counts[i * this.row + k]!++;
    this.sumsMs[i]! += ms;
  }

  get(): {
    name: string;
    help: string;
    type: string;
    aggregator: string;
    values: (MetricValue<string> & { metricName: string })[];
  } {
    const values: (MetricValue<string> & { metricName: string })[] = [];
    for (let i = 0; i < this.series.length; i++) {
      const labels = this.series[i]!;
      let acc = 0;
      for (let k = 0; k <= this.bounds.length; k++) {
        acc += this.counts[i * this.row + k]!;
        values.push({
          metricName: `${this.name}_bucket`,
          labels: { ...labels, le: k < this.bounds.length ? this.bounds[k]! : '+Inf' },
          value: acc,
        });
      }
      values.push({ metricName: `${this.name}_sum`, labels, value: this.sumsMs[i]! / 1000 });
      values.push({ metricName: `${this.name}_count`, labels, value: acc });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}

/** A prom-client Counter whose values are read from `counts` at scrape time. */
function countersOf(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly string[],
  rows: readonly Record<string, string>[],
  counts: Float64Array,
): void {
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (let i = 0; i < rows.length; i++) this.inc(rows[i]!, counts[i]);
    },
  });
}

/** Every combination of the given label values, in index order (first label varies slowest). */
function grid(labels: readonly (readonly [string, readonly string[]])[]): Record<string, string>[] {
  let rows: Record<string, string>[] = [{}];
  for (const [name, values] of labels) rows = rows.flatMap((r) => values.map((v) => ({ ...r, [name]: v })));
  return rows;
}

/** What a runner reports at scrape time without counting it on the hot path. */
interface MetricsSources {
  /** Open gateway connections. */
  connections(): number;
}

/** The conf store figures (a single runner's store, or the cluster primary's table). */
interface StoreSource {
  readonly size: number;
  readonly bytes: number;
  readonly evicted: number;
}

/** Gauges of a conf token table. */
export function watchConfStore(registry: Registry, store: StoreSource): void {
  new Gauge({
    name: 'a6kit_conf_tokens',
    help: 'Conf tokens held (PrepareConf results APISIX may use).',
    registers: [registry],
    collect() {
      this.set(store.size);
    },
  });
  new Gauge({
    name: 'a6kit_conf_bytes',
    help: 'Estimated bytes of the confs held (see --max-conf-bytes).',
    registers: [registry],
    collect() {
      this.set(store.bytes);
    },
  });
  new Counter({
    name: 'a6kit_conf_evictions_total',
    help: 'Conf tokens dropped to stay within --max-confs / --max-conf-bytes (APISIX then prepares again).',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(store.evicted);
    },
  });
}

/** prom-client's default collectors (but its GC one: process-collectors.ts), made once per process (see processRegistry). */
let defaults: Registry | undefined;

/**
 * A registry with prom-client's default process metrics (CPU, memory, heap, event-loop lag...). The
 * collectors behind them (an event-loop-delay monitor among them) are made once per process
 * and shared by every runner in it: a process that starts runners again and again (an embedding
 * host, a test suite) would otherwise add a set it never releases with each one.
 */
export function processRegistry(): Registry {
  if (defaults === undefined) {
    defaults = new Registry();
    collectProcessMetrics(defaults);
  }
  const registry = new Registry();
  for (const { name } of defaults.getMetricsAsArray()) {
    const metric = defaults.getSingleMetric(name);
    if (metric !== undefined) registry.registerMetric(metric);
  }
  return registry;
}

/** The hooks the runtime calls; one instance per runner process. */
export class RunnerMetrics {
  readonly registry: Registry;
  private readonly calls = new Float64Array(PHASES.length * OUTCOMES.length);
  private readonly prepares = new Float64Array(PREPARE_OUTCOMES.length);
  private readonly refused = new Float64Array(REFUSED_REASONS.length);
  private readonly filterErrors: Float64Array;
  private readonly connectionsRefused = new Float64Array(1);
  private readonly filterDurations: Histograms;
  private readonly infoDurations: Histograms;

  constructor(plugins: PluginRegistry, sources: MetricsSources, registry: Registry = processRegistry()) {
    this.registry = registry;
    // Series are numbered by registry slot (chain.ts slotOf): a link carries its slot from PrepareConf.
    const names = [...plugins.values()].map((p) => p.name);
    countersOf(
      registry,
      'a6kit_calls_total',
      'Calls (HTTPReqCall, HTTPRespCall) by phase and how they ended: stop, rewrite, no_action, or the RPC error code sent.',
      ['phase', 'outcome'],
      grid([
        ['phase', PHASES],
        ['outcome', OUTCOMES],
      ]),
      this.calls,
    );
    this.filterDurations = new Histograms(
      'a6kit_plugin_filter_duration_seconds',
      "Time in a plugin's filter, by plugin and phase (async filters: until their promise settles).",
      FILTER_BUCKETS,
      grid([
        ['plugin', names],
        ['phase', PHASES],
      ]),
    );
    registry.registerMetric(this.filterDurations as never);
    this.filterErrors = new Float64Array(names.length * PHASES.length * FILTER_ERRORS.length);
    countersOf(
      registry,
      'a6kit_plugin_errors_total',
      'Filters that threw or rejected (throw) or missed the call deadline (deadline), by plugin and phase.',
      ['plugin', 'phase', 'kind'],
      grid([
        ['plugin', names],
        ['phase', PHASES],
        ['kind', FILTER_ERRORS],
      ]),
      this.filterErrors,
    );
    countersOf(
      registry,
      'a6kit_prepare_conf_total',
      'PrepareConf by outcome: accepted, unknown_plugin or invalid_conf (refused: BAD_REQUEST), failed (SERVICE_UNAVAILABLE).',
      ['outcome'],
      grid([['outcome', PREPARE_OUTCOMES]]),
      this.prepares,
    );
    this.infoDurations = new Histograms(
      'a6kit_extra_info_duration_seconds',
      'ExtraInfo round trips to the gateway (var, request body, response body), from the question sent to its answer.',
      INFO_BUCKETS,
      grid([['kind', INFO_KINDS]]),
    );
    registry.registerMetric(this.infoDurations as never);
    countersOf(
      registry,
      'a6kit_frames_refused_total',
      'Frames (or their replies) refused, by reason: buffer_budget, malformed, unknown_type, out_of_turn (connection closed), frame_timeout, output_budget, reply_too_large.',
      ['reason'],
      grid([['reason', REFUSED_REASONS]]),
      this.refused,
    );
    countersOf(
      registry,
      'a6kit_connections_refused_total',
      'Connections closed at once because --max-connections were open.',
      [],
      [{}],
      this.connectionsRefused,
    );
    new Gauge({
      name: 'a6kit_connections',
      help: 'Open gateway connections.',
      registers: [registry],
      collect() {
        this.set(sources.connections());
      },
    });
  }

  /** A call ended with `outcome` (OUTCOME_* or an Err.Code). */
  called(phase: number, outcome: number): void {
    this.calls[phase * OUTCOMES.length + outcome]!++;
  }

  /** A filter of the plugin in registry `slot` returned (or its promise settled) after `ms` milliseconds. */
  filterTook(slot: number, phase: number, ms: number): void {
    this.filterDurations.observe(slot * 2 + phase, ms);
  }

  filterFailed(slot: number, phase: number, kind: number): void {
    this.filterErrors[(slot * 2 + phase) * FILTER_ERRORS.length + kind]!++;
  }

  prepared(outcome: number): void {
    this.prepares[outcome]!++;
  }

  infoTook(kind: number, ms: number): void {
    this.infoDurations.observe(kind, ms);
  }

  frameRefused(reason: number): void {
    this.refused[reason]!++;
  }

  connectionRefused(): void {
    this.connectionsRefused[0]!++;
  }
}
