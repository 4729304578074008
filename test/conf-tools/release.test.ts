/**
 * `a6kit check`, `conf` and `docs` validate a config with the plugin's own parseConf, in a tool's
 * process: whatever parseConf acquired (limit-count leases a Redis connection) must be given back,
 * or the tool never exits.
 */
import { describe, expect, it } from 'vitest';
import { checkConfEntry, pluginMap } from '../../runtime/describe.js';
import { definePlugin } from '../../runtime/plugin.js';

describe('checkConfEntry', () => {
  it('releases every config it parsed, accepted or not, and survives a release that throws', () => {
    const released: unknown[] = [];
    const pooled = definePlugin({
      name: 'pooled',
      parseConf: (raw) => {
        const conf = JSON.parse(raw) as { n: number };
        if (conf.n < 0) throw new Error('n must be >= 0');
        return conf;
      },
      requestFilter() {
        // Never called: only the config is checked.
      },
      releaseConf(conf) {
        released.push(conf);
        if (conf.n === 2) throw new Error('release failed');
      },
    });
    const plugins = pluginMap([pooled]);
    expect(checkConfEntry(plugins, 'ext-plugin-pre-req', 'pooled', '{"n":1}')).toEqual([]);
    expect(checkConfEntry(plugins, 'ext-plugin-pre-req', 'pooled', '{"n":2}')).toEqual([]);
    expect(checkConfEntry(plugins, 'ext-plugin-pre-req', 'pooled', '{"n":-1}')).toMatchObject([{ field: 'value' }]);
    expect(released).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
