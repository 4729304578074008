/**
 * What a request is counted by, as APISIX's limit-count reads it: one nginx variable (`var`), a
 * template of `$variables` (`var_combination`) or the key itself (`constant`). A variable with no
 * value, or a template none of whose variables has one, counts by the client address.
 */
import { ConfError, type PluginRequest } from 'a6kit';

export type KeyReader = (req: PluginRequest) => string | Promise<string>;

/**
 * `remote_addr` is the client address APISIX already sends with every call (src_ip): reading it
 * needs no ExtraInfo round trip, and it is the default key.
 */
function readVar(req: PluginRequest, name: string): string | Promise<string | undefined> {
  return name === 'remote_addr' ? req.srcIp : req.var(name);
}

const VAR = /\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g;

type Part = { readonly text: string } | { readonly name: string };

/** Splits a var_combination template once, at PrepareConf time. */
function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of template.matchAll(VAR)) {
    if (m.index > at) parts.push({ text: template.slice(at, m.index) });
    parts.push({ name: (m[1] ?? m[2])! });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  if (!parts.some((p) => 'name' in p))
    throw new ConfError('key_type var_combination needs at least one $variable in key', '/key');
  return parts;
}

export function keyReader(keyType: 'var' | 'var_combination' | 'constant', key: string): KeyReader {
  if (keyType === 'constant') return () => key;
  if (keyType === 'var') {
    if (key === 'remote_addr') return (req) => req.srcIp;
    return async (req) => {
      const v = await readVar(req, key);
      return v === undefined || v === '' ? req.srcIp : v;
    };
  }
  const parts = parseTemplate(key);
  return async (req) => {
    let out = '';
    let resolved = 0;
    // One variable after another: a call has one ExtraInfo exchange in flight at a time.
    for (const p of parts) {
      if ('text' in p) {
        out += p.text;
        continue;
      }
      const v = await readVar(req, p.name);
      if (v !== undefined && v !== '') {
        resolved++;
        out += v;
      }
    }
    return resolved === 0 ? req.srcIp : out;
  };
}
