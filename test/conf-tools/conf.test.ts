/**
 * `a6kit conf` output is what APISIX would send: fed to the gateway simulator against a real
 * runner over a unix socket, the token is prepared and the call does what the config says.
 * Also: `a6kit docs` output for the examples equals the committed pages (the golden files).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestRunner } from 'a6kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPhaseConf, phaseName, routeBody } from '../../cli/commands/conf.js';
import { UserError } from '../../tooling/user-error.js';
import { buildDocs } from '../../cli/commands/docs.js';
import { plugins } from '../../examples/plugins/index.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');

let t: Awaited<ReturnType<typeof startTestRunner>>;
beforeAll(async () => {
  t = await startTestRunner(plugins);
});
afterAll(() => t.close());

describe('a6kit conf', () => {
  it('prints the fragment APISIX expects: values as JSON strings, in order, allow_degradation when asked', () => {
    const out = buildPhaseConf(
      plugins,
      phaseName('pre-req'),
      [
        { name: 'limit-req', json: '{ "rate": 10, "burst": 5 }' },
        { name: 'say', json: '{"body":"hi"}' },
      ],
      true,
    );
    expect(JSON.stringify(out)).toBe(
      '{"ext-plugin-pre-req":{"conf":[{"name":"limit-req","value":"{\\"rate\\":10,\\"burst\\":5}"},{"name":"say","value":"{\\"body\\":\\"hi\\"}"}],"allow_degradation":true}}',
    );
    expect(routeBody(out, '/hello', '127.0.0.1:1980')).toEqual({
      uri: '/hello',
      plugins: out,
      upstream: { type: 'roundrobin', nodes: { '127.0.0.1:1980': 1 } },
    });
  });

  it('its output, sent by the simulator, prepares a token and the call behaves as configured', async () => {
    const fragment = buildPhaseConf(plugins, 'ext-plugin-pre-req', [
      { name: 'say', json: '{"body":"configured by a6kit conf"}' },
    ]);
    const conf = fragment['ext-plugin-pre-req']!.conf;
    const r = await t.simulator.request(conf, { path: '/hello' });
    expect(r).toMatchObject({ kind: 'response', status: 200, body: 'configured by a6kit conf' });

    const post = buildPhaseConf(plugins, phaseName('ext-plugin-post-resp'), [
      { name: 'response-rewrite', json: '{"status":201,"headers":{"x-conf":"yes"}}' },
    ]);
    const resp = await t.simulator.response(post['ext-plugin-post-resp']!.conf, {
      status: 200,
      headers: {},
      body: 'up',
    });
    expect(resp).toMatchObject({ status: 201, headers: { 'x-conf': 'yes' } });
  });

  it('refuses with the plugin, the JSON pointer and the schema message; one line per refused input', () => {
    const refuse = () =>
      buildPhaseConf(plugins, 'ext-plugin-pre-req', [
        { name: 'limit-req', json: '{"rate":-1}' },
        { name: 'say', json: '{"body":"ok"}' },
        { name: 'response-rewrite', json: '{}' },
        { name: 'nope', json: '{}' },
        { name: 'say', json: '{body}' },
      ]);
    expect(refuse).toThrow(UserError);
    let lines: string[] = [];
    try {
      refuse();
    } catch (err) {
      lines = (err as Error).message.split('\n');
    }
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('plugin "limit-req" refuses its config: /rate: must be >= 0');
    expect(lines[1]).toBe(
      'plugin "response-rewrite" cannot act in ext-plugin-pre-req: it acts in ext-plugin-post-resp',
    );
    expect(lines[2]).toMatch(/^unknown plugin "nope": this runner serves /);
    expect(lines[3]).toMatch(/^plugin "say": config is not valid JSON: /);
  });

  it('knows the three phases and nothing else', () => {
    expect(phaseName('post-req')).toBe('ext-plugin-post-req');
    expect(() => phaseName('access')).toThrow(/--phase must be one of pre-req, post-req, post-resp/);
  });
});

describe('what a built runner knows about its plugins', () => {
  it('each generated validator exports the schema it was compiled from, and the plugin carries it', async () => {
    const { describePlugins } = await import('../../runtime/describe.js');
    for (const p of describePlugins(plugins)) {
      const onDisk = JSON.parse(await readFile(join(examples, 'plugins', p.name, 'schema.json'), 'utf8')) as unknown;
      const mod = (await import(`../../examples/plugins/${p.name}/validate.gen.js`)) as { schema: unknown };
      expect(mod.schema, p.name).toEqual(onDisk);
      expect(p.schema, p.name).toEqual(onDisk);
    }
  });
});

describe('a6kit docs', () => {
  it('the committed pages of the examples are exactly what the generator writes (golden)', async () => {
    const pages = await buildDocs(examples, plugins);
    expect([...pages.keys()]).toEqual([
      'fault-injection.md',
      'limit-count.md',
      'limit-req.md',
      'request-body-rewrite.md',
      'response-rewrite.md',
      'say.md',
    ]);
    for (const [name, text] of pages) expect(text, name).toBe(await readFile(join(examples, 'docs', name), 'utf8'));
  });

  it('a page has the description, the phases, a flattened attribute table and a working example', async () => {
    const page = (await buildDocs(examples, plugins)).get('response-rewrite.md')!;
    expect(page).toContain('Acts in `ext-plugin-post-resp`.');
    expect(page).toContain(
      '| filters[].scope | string | False | `"once"` | ["once", "global"] | once: replace the first match; global: replace every match. |',
    );
    expect(page).toContain('| status | integer | False |  | >= 100, <= 599 |');
    // The example is the schema's own `examples[0]`, validated by the plugin and printed as `a6kit conf` prints it.
    expect(page).toContain(
      '{"ext-plugin-post-resp":{"conf":[{"name":"response-rewrite","value":"{\\"headers\\":{\\"x-served-by\\":\\"a6kit\\"},\\"filters\\":[{\\"regex\\":\\"internal\\",\\"scope\\":\\"global\\",\\"replace\\":\\"public\\"}]}"}]}}',
    );
  });
});
