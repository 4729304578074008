/**
 * `response-rewrite`: changes the upstream's response before APISIX sends it to the client —
 * status, header fields, and the body (a fixed one, or regex replacements in the upstream's body).
 * Header fields not named in the config are left as the upstream sent them.
 */
import { ConfError, definePlugin } from 'a6kit';
import { RUNNER_HEADER, RUNNER_NAME } from '../runner-name.js';
import { parseConf as parseGenerated, schema, type Config } from './config.gen.js';

interface CompiledFilter {
  readonly pattern: RegExp;
  readonly replace: string;
}

interface ResponseRewriteConf extends Config {
  readonly compiled: readonly CompiledFilter[];
}

/** Compiles the filters once per PrepareConf; a bad regex refuses the config with its position. */
function compileFilters(conf: Config): CompiledFilter[] {
  return (conf.filters ?? []).map((f, i) => {
    const flags = f.scope === 'global' ? 'g' : '';
    try {
      // Replacement text is literal (a function replacer keeps `$1`, `$&` … as typed).
      return { pattern: new RegExp(f.regex, flags), replace: f.replace ?? '' };
    } catch (err) {
      throw new ConfError(`bad regex: ${(err as Error).message}`, `/filters/${i}/regex`);
    }
  });
}

/** Applies the filters in order; undefined when none of them matched. */
function applyFilters(body: string, filters: readonly CompiledFilter[]): string | undefined {
  let matched = false;
  for (const f of filters) {
    f.pattern.lastIndex = 0;
    if (!f.pattern.test(body)) continue;
    matched = true;
    f.pattern.lastIndex = 0;
    body = body.replace(f.pattern, () => f.replace);
  }
  return matched ? body : undefined;
}

export default definePlugin({
  name: 'response-rewrite',
  schema,
  parseConf(raw): ResponseRewriteConf {
    const conf = parseGenerated(raw);
    return { ...conf, compiled: compileFilters(conf) };
  },
  async responseFilter(conf, res) {
    if (conf.status !== undefined) res.status = conf.status;
    res.headers.set(RUNNER_HEADER, RUNNER_NAME);
    for (const [name, value] of Object.entries(conf.headers ?? {})) res.headers.set(name, value);

    if (conf.compiled.length > 0) {
      // With filters, `body` is ignored: the upstream's body is edited, or left alone if no match.
      const rewritten = applyFilters(await res.text(), conf.compiled);
      if (rewritten !== undefined) res.setBody(rewritten);
      return;
    }
    if (conf.body) res.setBody(conf.body);
  },
});
