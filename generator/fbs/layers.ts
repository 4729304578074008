/**
 * Output options of the compiler, in the spirit of flatc's `--gen-object-api` and ts-proto's
 * `outputEncodeMethods`: readers (flyweights) and builders are always emitted; the other layers
 * only when asked, so a consumer carries only the code it runs.
 */
export interface Layers {
  /** flatc's object API: `unpack()` / `unpackTo()` and mutable `<T>T` classes with `pack()`. */
  readonly objectApi: boolean;
  /** Plain values: `<T>Value` / `<T>Init` types, `decode` / `encode` / `toValue` / `pack` statics. */
  readonly values: boolean;
  /** Verifiers: `T.verify(bytes, limits?)`, bounds and the O(size) budget (see `_support.ts`). */
  readonly verify: boolean;
}

/** Readers and builders only (`a6kit gen protocol FILE` without layer flags). */
export const BASE_LAYERS: Layers = { objectApi: false, values: false, verify: false };

/** Every layer: what the golden cases and the flatc oracle tests compile. */
export const ALL_LAYERS: Layers = { objectApi: true, values: true, verify: true };

/**
 * What the runner runs (runtime/protocol/): readers and builders for the hot path, verifiers so a
 * frame is checked in O(its size) before anything reads it. `npm run gen` passes `--verify`.
 */
export const RUNNER_LAYERS: Layers = { objectApi: false, values: false, verify: true };

/** `readers, builders, verify` — for the generated index.ts and messages. */
export function describeLayers(l: Layers): string {
  const parts = ['readers', 'builders'];
  if (l.objectApi) parts.push('object API');
  if (l.values) parts.push('values');
  if (l.verify) parts.push('verify');
  return parts.join(', ');
}
