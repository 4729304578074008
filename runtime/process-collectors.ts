/**
 * prom-client's default process collectors, all but one: its GC histogram
 * (`nodejs_gc_duration_seconds`). That one is a PerformanceObserver of every GC, and on Node 20
 * Node makes each GC's entry with deprecation wrappers of its own (kilobytes of objects, hundreds of
 * GCs a second under load) that outlive two scavenges and are promoted: measured on the runner
 * bench, it cost 5–10 % of a call's CPU and grew the old generation by about 1 MiB a second, against
 * about 1 % for all the other collectors together (they read the process when scraped; event-loop
 * lag is Node's own histogram on a 10 ms timer). Heap sizes per space stay (scrape-time reads).
 *
 * Each collector is prom-client's own module (lib/metrics/*), so names, help texts and cluster
 * aggregation are exactly what `collectDefaultMetrics` registers; test/runtime/metrics.test.ts
 * checks that this list and `collectDefaultMetrics.metricsList` differ by the GC one only.
 */
import type { Registry } from 'prom-client';
import eventLoopLag from 'prom-client/lib/metrics/eventLoopLag.js';
import heapSizeAndUsed from 'prom-client/lib/metrics/heapSizeAndUsed.js';
import heapSpacesSizeAndUsed from 'prom-client/lib/metrics/heapSpacesSizeAndUsed.js';
import osMemoryHeap from 'prom-client/lib/metrics/osMemoryHeap.js';
import processCpuTotal from 'prom-client/lib/metrics/processCpuTotal.js';
import processHandles from 'prom-client/lib/metrics/processHandles.js';
import processMaxFileDescriptors from 'prom-client/lib/metrics/processMaxFileDescriptors.js';
import processOpenFileDescriptors from 'prom-client/lib/metrics/processOpenFileDescriptors.js';
import processRequests from 'prom-client/lib/metrics/processRequests.js';
import processResources from 'prom-client/lib/metrics/processResources.js';
import processStartTime from 'prom-client/lib/metrics/processStartTime.js';
import version from 'prom-client/lib/metrics/version.js';

/** The collectors registered, by prom-client's names for them (`collectDefaultMetrics.metricsList`). */
export const PROCESS_COLLECTORS = {
  processCpuTotal,
  processStartTime,
  osMemoryHeap,
  processOpenFileDescriptors,
  processMaxFileDescriptors,
  eventLoopLag,
  processResources,
  processHandles,
  processRequests,
  heapSizeAndUsed,
  heapSpacesSizeAndUsed,
  version,
};

/** prom-client's default collectors left out, and why (see above). */
export const LEFT_OUT = ['gc'] as const;

/** Registers the collectors in `registry`, with prom-client's default settings. */
export function collectProcessMetrics(registry: Registry): void {
  for (const collect of Object.values(PROCESS_COLLECTORS)) collect(registry, { eventLoopMonitoringPrecision: 10 });
}
