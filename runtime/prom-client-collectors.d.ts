/**
 * prom-client ships no types for its collector modules (lib/metrics/*.js), which
 * runtime/process-collectors.ts imports one by one: each exports one function that registers its
 * metrics in a registry, as `collectDefaultMetrics` calls them.
 */
declare module 'prom-client/lib/metrics/*' {
  import type { Registry } from 'prom-client';
  const collect: (registry: Registry, config?: { eventLoopMonitoringPrecision?: number }) => void;
  export default collect;
}
