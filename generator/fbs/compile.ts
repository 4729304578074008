/**
 * The compiler's front door: reads a schema and its includes, runs the phases
 * (lex/parse -> model -> emit -> print) and returns the generated files without writing anything.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { FileAst } from './ast.js';
import { emitModules } from './emit.js';
import { SchemaError } from './errors.js';
import type { Layers } from './layers.js';
import { buildModel, type SchemaModel } from './model.js';
import { parseSchema } from './parser.js';

export interface CompileOptions {
  /** Extra folders searched for `include`d files after the including file's own folder. */
  readonly includePaths?: readonly string[];
  /** Base for the file names shown in errors and in the preamble (default: the current folder). */
  readonly cwd?: string;
  /** Reads a file (tests pass an in-memory map); default: the file system. */
  readonly readFile?: (absPath: string) => string | undefined;
  /** Layers to emit besides readers and builders (default: none; see layers.ts). */
  readonly layers?: Layers;
}

function defaultRead(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** Parses `entry` and everything it includes; entry last, each include before its includer. */
export function loadSchema(entry: string, opts: CompileOptions = {}): { model: SchemaModel; names: string[] } {
  const cwd = opts.cwd ?? process.cwd();
  const read = opts.readFile ?? defaultRead;
  const shown = (abs: string): string => relative(cwd, abs).split(sep).join('/') || abs;
  const order: FileAst[] = [];
  const names: string[] = [];
  const state = new Map<string, 'busy' | 'done'>();

  const visit = (abs: string, from?: { file: string; line: number; col: number }): void => {
    if (state.get(abs) === 'done') return;
    if (state.get(abs) === 'busy') return; // include cycles are allowed: each file is read once
    const text = read(abs);
    if (text === undefined) {
      if (from) throw new SchemaError(from, `cannot read included file ${shown(abs)}`);
      throw new SchemaError({ file: shown(abs), line: 1, col: 1 }, 'cannot read schema file');
    }
    state.set(abs, 'busy');
    const ast = parseSchema(shown(abs), text);
    for (const inc of ast.includes) {
      const candidates = [dirname(abs), ...(opts.includePaths ?? []).map((p) => resolve(cwd, p)), cwd];
      const found = candidates.map((d) => resolve(d, inc.path)).find((p) => read(p) !== undefined);
      visit(found ?? resolve(dirname(abs), inc.path), inc.pos);
    }
    state.set(abs, 'done');
    order.push(ast);
    names.push(shown(abs));
  };
  visit(resolve(cwd, entry));
  return { model: buildModel(order), names };
}

/** Compiles `entry` to generated modules: relative path -> file text. Throws SchemaError. */
export function compileSchema(entry: string, opts: CompileOptions = {}): Map<string, string> {
  const { model, names } = loadSchema(entry, opts);
  return emitModules(model, { sources: names, ...(opts.layers ? { layers: opts.layers } : {}) });
}
