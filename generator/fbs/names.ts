/**
 * Naming rules shared by the emitters: how schema names become TypeScript identifiers and file
 * names. They follow flatc's TypeScript generator so code written against flatc's output compiles
 * against ours.
 */

/** `src_ip` -> `srcIp`, `confToken` stays, `Name` -> `name`. */
export function camel(name: string): string {
  const parts = name.split('_').filter((p) => p.length > 0);
  if (parts.length === 0) return name;
  return parts.map((p, i) => (i === 0 ? p[0]!.toLowerCase() + p.slice(1) : p[0]!.toUpperCase() + p.slice(1))).join('');
}

/** `src_ip` -> `SrcIp`: the field part of `addSrcIp`, `createSrcIpVector`. */
export function pascal(name: string): string {
  const c = camel(name);
  return c[0]!.toUpperCase() + c.slice(1);
}

/** `HTTPReqCall` -> `http-req-call`, `PrepareConf` -> `prepare-conf`, `A6` -> `a6`. */
function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

/** Module (without extension) holding the declarations of a namespace: `a6.http-req-call`. */
export function declModule(ns: readonly string[]): string {
  return ns.length === 0 ? '_root' : ns.map(kebab).join('.');
}

/** Module re-exporting a namespace together with its child namespaces (only when it has children). */
export function treeModule(ns: readonly string[]): string {
  return ns.length === 0 ? 'index' : `${declModule(ns)}._tree`;
}

const RESERVED = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'as',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'any',
  'boolean',
  'number',
  'string',
  'symbol',
  'type',
  'from',
  'of',
  'arguments',
  'await',
  'async',
  'bigint',
  'object',
  'unknown',
  'never',
]);

/** A parameter or local variable name that is never a reserved word. */
export function param(name: string): string {
  const c = camel(name);
  return RESERVED.has(c) ? `${c}_` : c;
}

/** A property key for an object type: quoted when it is not a plain identifier. */
export function propKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}
