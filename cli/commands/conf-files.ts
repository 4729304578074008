/**
 * Finds every `ext-plugin-*` conf in a route config file and checks each entry with the runner's
 * own knowledge (runtime/describe.ts), reporting `line:col` of the offending node in the file.
 *
 * One walk serves every format people write these in, because all of them put a `plugins` object
 * on the configured resource: Admin API bodies (route, service, plugin_config, global_rule; one
 * object or a list), APISIX standalone `apisix.yaml` (`routes:`, `services:` … `#END`), and the
 * `a6` CLI's declarative YAML (`version: "1"`, `routes:` …). JSON is parsed by the same YAML
 * parser (JSON is YAML 1.2), which keeps source positions for both.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node, type Pair } from 'yaml';
import { checkConfEntry, PHASES, type Phase } from '../../runtime/describe.js';
import type { AnyPlugin } from '../../runtime/plugin.js';

export interface ConfProblem {
  file: string;
  /** 1-based line and column of the node the problem is about. */
  line: number;
  column: number;
  /** The ext-plugin-* key the entry is under (absent for a file that does not parse). */
  phase?: string;
  /** Index of the entry in `conf`. */
  entry?: number;
  plugin?: string;
  /** JSON pointer inside the entry's value (the plugin config) when the config is refused there. */
  pointer?: string;
  message: string;
}

export interface FileReport {
  /** Conf entries found (checked or not). */
  entries: number;
  problems: ConfProblem[];
}

export function checkConfText(text: string, file: string, plugins: ReadonlyMap<string, AnyPlugin>): FileReport {
  const lineCounter = new LineCounter();
  const report: FileReport = { entries: 0, problems: [] };
  const at = (node: Node | Pair | null | undefined, fallback?: Node | null): { line: number; column: number } => {
    const range = (node && 'range' in node ? node.range : undefined) ?? fallback?.range ?? undefined;
    const { line, col } = lineCounter.linePos(range?.[0] ?? 0);
    return { line, column: col };
  };
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    for (const err of doc.errors) {
      const { line, col } = lineCounter.linePos(err.pos[0]);
      report.problems.push({ file, line, column: col, message: `cannot parse: ${err.message.split('\n')[0]}` });
    }
    if (doc.errors.length > 0) continue;
    findPlugins(doc.contents, (phaseKey, phaseNode, keyNode) => {
      const problem = (node: Node | null | undefined, message: string, extra: Partial<ConfProblem> = {}): void => {
        report.problems.push({ file, ...at(node, keyNode), phase: phaseKey, message, ...extra });
      };
      if (!(PHASES as readonly string[]).includes(phaseKey)) {
        problem(keyNode, `unknown phase "${phaseKey}": APISIX's external plugin phases are ${PHASES.join(', ')}`);
        return;
      }
      const phase = phaseKey as Phase;
      if (!isMap(phaseNode)) {
        problem(phaseNode, `${phase} must be an object with a "conf" list`);
        return;
      }
      const degrade = phaseNode.get('allow_degradation', true);
      if (degrade !== undefined && !(isScalar(degrade) && typeof degrade.value === 'boolean')) {
        problem(degrade, 'allow_degradation must be true or false');
      }
      const conf = phaseNode.get('conf', true);
      if (!isSeq(conf) || conf.items.length === 0) {
        problem(conf ?? keyNode, `${phase}.conf must be a list of at least one { name, value } entry`);
        return;
      }
      conf.items.forEach((item, index) => {
        report.entries++;
        if (!isMap(item)) {
          problem(item as Node, 'a conf entry must be an object { name, value }', { entry: index });
          return;
        }
        const nameNode = item.get('name', true) as Node | undefined;
        const valueNode = item.get('value', true) as Node | undefined;
        const name = isScalar(nameNode) ? nameNode.value : undefined;
        const plugin = typeof name === 'string' ? { plugin: name } : {};
        if (nameNode === undefined || valueNode === undefined) {
          problem(
            item,
            `a conf entry needs both "name" and "value" (missing ${nameNode === undefined ? 'name' : 'value'})`,
            { entry: index, ...plugin },
          );
          return;
        }
        const value: unknown = isScalar(valueNode) ? valueNode.value : valueNode.toJSON();
        for (const p of checkConfEntry(
          plugins,
          phase,
          isScalar(nameNode) ? nameNode.value : nameNode.toJSON(),
          value,
        )) {
          problem(p.field === 'name' ? nameNode : valueNode, p.message, {
            entry: index,
            ...plugin,
            ...(p.pointer !== undefined ? { pointer: p.pointer } : {}),
          });
        }
      });
    });
  }
  return report;
}

/** Calls `found` for every `ext-plugin-*` key of every `plugins` object in the document. */
function findPlugins(node: unknown, found: (phase: string, value: Node | null, key: Node) => void): void {
  if (isSeq(node)) {
    for (const item of node.items) findPlugins(item, found);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = pair.key;
    const keyName = isScalar(key) ? key.value : undefined;
    if (keyName === 'plugins' && isMap(pair.value)) {
      for (const p of pair.value.items) {
        const name = isScalar(p.key) ? p.key.value : undefined;
        if (typeof name === 'string' && name.startsWith('ext-plugin-'))
          found(name, p.value as Node | null, p.key as Node);
      }
    } else {
      findPlugins(pair.value, found);
    }
  }
}

/**
 * `file:line:col: error: phase conf[i]: message` — the form editors and CI jump to. A refused
 * config's message starts with the JSON pointer inside the value (`/rate: must be >= 0`).
 */
export function formatProblem(p: ConfProblem): string {
  const where = p.phase === undefined ? '' : `${p.phase}${p.entry === undefined ? '' : ` conf[${p.entry}]`}: `;
  return `${p.file}:${p.line}:${p.column}: error: ${where}${p.message}`;
}
