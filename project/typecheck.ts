/**
 * Type-checks a runner project in memory with the freshly generated files laid over the ones on
 * disk, so `gen` can say exactly where a schema change breaks the user's code.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Project, ts, type CompilerOptions } from 'ts-morph';

export interface TypeProblem {
  /** `plugins/x/index.ts:12:5` (project-relative). */
  where: string;
  message: string;
}

export interface TypeCheckResult {
  problems: TypeProblem[];
  /** Set when the check could not run meaningfully (for example a6kit is not installed yet). */
  skipped?: string;
}

export function typeCheckProject(
  projectDir: string,
  overlay: ReadonlyMap<string, string>,
  compilerOptions: CompilerOptions = {},
): TypeCheckResult {
  const root = resolve(projectDir);
  const tsconfig = join(root, 'tsconfig.json');
  if (!existsSync(tsconfig)) return { problems: [], skipped: 'no tsconfig.json' };
  const project = new Project({ tsConfigFilePath: tsconfig, compilerOptions });
  for (const [path, text] of overlay) {
    if (/\.(ts|mts|cts)$/.test(path)) project.createSourceFile(resolve(path), text, { overwrite: true });
  }
  const problems: TypeProblem[] = [];
  for (const d of project.getPreEmitDiagnostics()) {
    if (d.getCategory() !== ts.DiagnosticCategory.Error) continue;
    const message = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n');
    if (d.getCode() === 2307 && /'a6kit(\/testing)?'/.test(message)) {
      return { problems: [], skipped: "module 'a6kit' is not installed (run npm install)" };
    }
    const file = d.getSourceFile();
    const rel = file ? relative(root, file.getFilePath()) : '';
    if (rel.startsWith('..') || rel.includes('node_modules')) continue;
    let where = rel || projectDir;
    const start = d.getStart();
    if (file && start !== undefined) {
      const { line, column } = file.getLineAndColumnAtPos(start);
      where += `:${line}:${column}`;
    }
    problems.push({ where, message });
  }
  return { problems };
}

/**
 * The report of a failed type check: what failed (tsc, with the project's tsconfig.json), then
 * one `file:line:col: message` per error. Type errors anywhere in the project land here, so the
 * heading does not guess that the generated types are to blame.
 */
export function describeTypeProblems(problems: readonly TypeProblem[]): string[] {
  return [
    `type check failed (tsc with tsconfig.json): ${problems.length} error(s)`,
    ...problems.map((p) => `  ${p.where}: ${p.message}`),
  ];
}
