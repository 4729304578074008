/**
 * Protocol mode of `a6kit gen`: .fbs -> TypeScript codecs, `--check` for drift, `--compat OLD.fbs`
 * for wire-breaking changes. Returns the process exit code; writes nothing when anything fails.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileSchema, loadSchema } from './compile.js';
import { compareSchemas, formatCompatReport } from './compat.js';
import { SchemaError } from './errors.js';
import { BASE_LAYERS, describeLayers, type Layers } from './layers.js';
import { PREAMBLE } from './printer.js';

export interface GenProtocolOptions {
  proto?: string;
  out?: string;
  compat?: string;
  check?: boolean;
  /** Layers besides readers and builders (`--object-api`, `--values`, `--verify`). */
  layers?: Layers;
}

export const DEFAULT_PROTO = 'schema/ext-plugin.fbs';
const DEFAULT_OUT = 'runtime/protocol';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

export function genProtocol(o: GenProtocolOptions, io: Io = stdio): number {
  const proto = o.proto ?? DEFAULT_PROTO;
  const outDir = resolve(o.out ?? DEFAULT_OUT);
  try {
    if (o.compat !== undefined) {
      const before = loadSchema(o.compat).model;
      const after = loadSchema(proto).model;
      const report = compareSchemas(before, after);
      io.out(formatCompatReport(report, o.compat, proto));
      return report.breaking.length > 0 ? 1 : 0;
    }
    const layers = o.layers ?? BASE_LAYERS;
    const files = compileSchema(proto, { layers });
    const existing = generatedFilesIn(outDir);
    if (o.check) {
      const changed: string[] = [];
      const added: string[] = [];
      for (const [name, text] of files) {
        const p = join(outDir, name);
        if (!existsSync(p)) added.push(name);
        else if (readFileSync(p, 'utf8') !== text) changed.push(name);
      }
      const stale = existing.filter((n) => !files.has(n));
      if (changed.length + added.length + stale.length === 0) {
        io.out(
          `gen --check: ${o.out ?? DEFAULT_OUT} is up to date with ${proto} (${files.size} files; ${describeLayers(layers)})\n`,
        );
        return 0;
      }
      io.err(`gen --check: ${o.out ?? DEFAULT_OUT} differs from a fresh run on ${proto}:\n`);
      for (const n of changed)
        io.err(`  changed  ${n}${firstDiff(readFileSync(join(outDir, n), 'utf8'), files.get(n)!)}\n`);
      for (const n of added) io.err(`  missing  ${n}\n`);
      for (const n of stale) io.err(`  stale    ${n}\n`);
      io.err(`(layers: ${describeLayers(layers)}; the layer flags must be those the folder was generated with)\n`);
      io.err('run `npm run gen` (or `a6kit gen` with the same flags) and commit the result\n');
      return 1;
    }
    mkdirSync(outDir, { recursive: true });
    for (const n of existing) if (!files.has(n)) rmSync(join(outDir, n));
    for (const [name, text] of files) {
      const p = join(outDir, name);
      if (!existsSync(p) || readFileSync(p, 'utf8') !== text) writeFileSync(p, text);
    }
    io.out(`gen: ${proto} -> ${o.out ?? DEFAULT_OUT} (${files.size} files; ${describeLayers(layers)})\n`);
    return 0;
  } catch (e) {
    if (e instanceof SchemaError) {
      io.err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** Files in `dir` this generator wrote earlier (recognised by the preamble); others are left alone. */
function generatedFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .filter((n) => readFileSync(join(dir, n), 'utf8').startsWith(PREAMBLE))
    .sort();
}

/** ` (line N: "old" -> "new")` for the first differing line. */
function firstDiff(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      const cut = (s: string | undefined): string =>
        s === undefined ? '<end>' : JSON.stringify(s.trim().slice(0, 60));
      return ` (line ${i + 1}: ${cut(la[i])} -> ${cut(lb[i])})`;
    }
  }
  return '';
}
