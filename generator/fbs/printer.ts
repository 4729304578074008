/**
 * Phase 4 — printer: collects the lines of one generated module and its imports, and prints them
 * in a fixed order (preamble, sorted imports, body) so the same model always gives the same bytes.
 *
 * Emitters never write import statements themselves: they ask `ref()` for the name under which a
 * declaration of another module is visible here, and the printer adds (and aliases) the import.
 */

export const PREAMBLE = '// @generated — do not edit. Produced by `a6kit gen` from';

interface ImportEntry {
  /** local name -> exported name */
  readonly names: Map<string, { exported: string; value: boolean }>;
}

export class ModuleWriter {
  private readonly lines: string[] = [];
  private depth = 0;
  private readonly imports = new Map<string, ImportEntry>();
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();
  private flatbuffersUse: 'none' | 'type' | 'value' = 'none';

  constructor(
    readonly path: string,
    private readonly sources: readonly string[],
    /** Names declared by this module itself (never used for imports). */
    localNames: Iterable<string>,
  ) {
    for (const n of localNames) this.taken.add(n);
    this.taken.add('flatbuffers');
  }

  /** The `flatbuffers` runtime namespace; `value` when used at run time, not only in types. */
  fb(use: 'type' | 'value'): string {
    if (use === 'value') this.flatbuffersUse = 'value';
    else if (this.flatbuffersUse === 'none') this.flatbuffersUse = 'type';
    return 'flatbuffers';
  }

  /**
   * Name under which `exported` from module `from` (a path like './a6.js') is visible here.
   * `fallback` is used as the alias when the plain name is already taken.
   */
  ref(from: string, exported: string, use: 'type' | 'value', fallback: string): string {
    if (from === this.selfSpecifier()) return exported;
    const key = `${from}\0${exported}`;
    let local = this.byKey.get(key);
    if (local === undefined) {
      local = exported;
      if (this.taken.has(local)) {
        local = fallback;
        let n = 2;
        while (this.taken.has(local)) local = `${fallback}${n++}`;
      }
      this.taken.add(local);
      this.byKey.set(key, local);
      let entry = this.imports.get(from);
      if (!entry) this.imports.set(from, (entry = { names: new Map() }));
      entry.names.set(local, { exported, value: false });
    }
    if (use === 'value') this.imports.get(from)!.names.get(local)!.value = true;
    return local;
  }

  private selfSpecifier(): string {
    return `./${this.path.replace(/\.ts$/, '.js')}`;
  }

  line(text = ''): this {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    return this;
  }

  /** `head {` ... `}` with the body indented. */
  block(head: string, body: () => void, tail = '}'): this {
    this.line(head ? `${head} {` : '{');
    this.depth++;
    body();
    this.depth--;
    this.line(tail);
    return this;
  }

  /** A JSDoc block from `///` lines (and optional extra lines); nothing when both are empty. */
  doc(lines: readonly string[], extra: readonly string[] = []): this {
    const all = [...lines, ...(lines.length > 0 && extra.length > 0 ? [''] : []), ...extra];
    if (all.length === 0) return this;
    const safe = all.map((l) => l.replace(/\*\//g, '*\\/'));
    if (safe.length === 1) return this.line(`/** ${safe[0]} */`);
    this.line('/**');
    for (const l of safe) this.line(l === '' ? ' *' : ` * ${l}`);
    return this.line(' */');
  }

  print(): string {
    const out: string[] = [];
    out.push(`${PREAMBLE} ${this.sources.join(', ')}.`);
    out.push('/* eslint-disable */');
    out.push('');
    if (this.flatbuffersUse !== 'none') {
      out.push(`import ${this.flatbuffersUse === 'type' ? 'type ' : ''}* as flatbuffers from 'flatbuffers';`);
    }
    for (const from of [...this.imports.keys()].sort()) {
      const names = [...this.imports.get(from)!.names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const allTypes = names.every(([, v]) => !v.value);
      const parts = names.map(([local, v]) => {
        const spec = v.exported === local ? local : `${v.exported} as ${local}`;
        return !allTypes && !v.value ? `type ${spec}` : spec;
      });
      out.push(`import ${allTypes ? 'type ' : ''}{ ${parts.join(', ')} } from '${from}';`);
    }
    if (out[out.length - 1] !== '') out.push('');
    // Collapse runs of blank lines the emitters may leave between blocks.
    const body: string[] = [];
    for (const l of this.lines) {
      if (l === '' && (body.length === 0 || body[body.length - 1] === '')) continue;
      // No blank line right before a closing brace.
      if (/^\s*[})]/.test(l) && body[body.length - 1] === '') body.pop();
      body.push(l);
    }
    while (body[body.length - 1] === '') body.pop();
    return [...out, ...body, ''].join('\n');
  }
}
