/**
 * The `Headers` / `Args` implementation behind the plugin API: a multi-map that is filled lazily
 * from the decoded request (only when a plugin reads it) and remembers which names were changed,
 * so the runner can send back only the difference.
 */
import type { Headers } from './plugin.js';

/** Supplies the initial (name, value) pairs; called at most once, on first access. */
export type FieldSource = (add: (name: string, value: string) => void) => void;

/**
 * Optional shortcut for the first lookup: the values of one field (by normalised name) read
 * straight from the source, without decoding every other field (64 KiB of headers to check one).
 * `first`: only the first value is wanted (get, has), so the scan may stop at the first match.
 */
export type FieldFinder = (key: string, lowerCase: boolean, first: boolean) => string[];

export class FieldMap implements Headers {
  private map: Map<string, string[]> | undefined;
  private changedNames: Set<string> | undefined;
  /**
   * Writes made before anything was read (the common "add a header" plugin): kept aside so the
   * request's fields never need decoding. `undefined` = deleted. Merged on first read.
   */
  private overlay: Map<string, string[] | undefined> | undefined;

  /**
   * @param lowerCase  header semantics: names compared and reported lower-cased. Args keep case.
   * @param source     initial content, read lazily.
   */
  constructor(
    private readonly lowerCase: boolean,
    private source?: FieldSource,
    private finder?: FieldFinder,
  ) {
    // Nothing to read lazily (response headers a plugin writes): start loaded.
    if (source === undefined) this.map = new Map();
  }

  /**
   * Values of `k` without loading everything, for the first lookup only; undefined = use load().
   * `first`: the caller reads only the first value (or whether there is one).
   */
  private peek(k: string, first: boolean): string[] | undefined {
    if (this.map !== undefined) return undefined;
    const o = this.overlay;
    if (o?.has(k)) return o.get(k) ?? [];
    const find = this.finder;
    if (find === undefined || this.source === undefined) return undefined;
    // A plugin that reads one field often reads several: scan once, then decode everything.
    this.finder = undefined;
    return find(k, this.lowerCase, first);
  }

  private key(name: string): string {
    return this.lowerCase ? name.toLowerCase() : name;
  }

  private load(): Map<string, string[]> {
    let map = this.map;
    if (map === undefined) {
      map = new Map();
      this.map = map;
      const src = this.source;
      this.source = undefined;
      if (src !== undefined) {
        src((name, value) => {
          const k = this.key(name);
          const vals = map!.get(k);
          if (vals === undefined) map!.set(k, [value]);
          else vals.push(value);
        });
      }
      const overlay = this.overlay;
      this.overlay = undefined;
      if (overlay !== undefined) {
        for (const [k, vals] of overlay) {
          if (vals === undefined) map.delete(k);
          else map.set(k, vals);
        }
      }
    }
    return map;
  }

  private touch(k: string): void {
    (this.changedNames ??= new Set()).add(k);
  }

  get(name: string): string | undefined {
    const k = this.key(name);
    const peeked = this.peek(k, true);
    if (peeked !== undefined) return peeked[0];
    return this.load().get(k)?.[0];
  }

  getAll(name: string): readonly string[] {
    const k = this.key(name);
    return this.peek(k, false) ?? this.load().get(k) ?? [];
  }

  has(name: string): boolean {
    const k = this.key(name);
    const peeked = this.peek(k, true);
    if (peeked !== undefined) return peeked.length > 0;
    return this.load().has(k);
  }

  set(name: string, value: string | readonly string[]): void {
    const k = this.key(name);
    const vals = typeof value === 'string' ? [value] : [...value];
    for (const v of vals) {
      if (typeof v !== 'string') throw new TypeError(`value of "${name}" must be a string`);
    }
    if (vals.length === 0) {
      this.delete(name);
      return;
    }
    if (this.map === undefined) (this.overlay ??= new Map()).set(k, vals);
    else this.map.set(k, vals);
    this.touch(k);
  }

  append(name: string, value: string): void {
    if (typeof value !== 'string') throw new TypeError(`value of "${name}" must be a string`);
    const k = this.key(name);
    const map = this.load();
    const vals = map.get(k);
    if (vals === undefined) map.set(k, [value]);
    else vals.push(value);
    this.touch(k);
  }

  delete(name: string): void {
    const k = this.key(name);
    if (this.map === undefined) (this.overlay ??= new Map()).set(k, undefined);
    else this.map.delete(k);
    this.touch(k);
  }

  *entries(): IterableIterator<[string, string]> {
    for (const [k, vals] of this.load()) {
      for (const v of vals) yield [k, v];
    }
  }

  /** The fields as a map of value lists, for the reply encoder (no generator on the hot path). */
  asMap(): ReadonlyMap<string, readonly string[]> {
    return this.load();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** True when a plugin changed anything. */
  get changed(): boolean {
    return this.changedNames !== undefined && this.changedNames.size > 0;
  }

  /**
   * Changed names with their final values (`undefined` = removed). A name set back to what it
   * was is still reported: cheaper than comparing, and harmless to the gateway.
   */
  *changes(): IterableIterator<[string, readonly string[] | undefined]> {
    if (this.changedNames === undefined) return;
    const map = this.map;
    if (map === undefined) {
      // Only blind writes happened: the overlay holds every changed name.
      for (const k of this.changedNames) yield [k, this.overlay!.get(k)];
    } else {
      for (const k of this.changedNames) yield [k, map.get(k)];
    }
  }

  /** Number of (name, value) pairs. */
  get size(): number {
    let n = 0;
    for (const vals of this.load().values()) n += vals.length;
    return n;
  }

  /** Plain object view: one string per single value, an array for repeated fields. */
  toObject(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [k, vals] of this.load()) out[k] = vals.length === 1 ? vals[0]! : [...vals];
    return out;
  }
}
