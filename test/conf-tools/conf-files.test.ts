/**
 * `a6kit check`'s core: every input format APISIX configs are written in, each with a valid entry
 * and each kind of mistake, the position asserted as line:column of the offending node.
 */
import { describe, expect, it } from 'vitest';
import { pluginMap } from '../../runtime/describe.js';
import { checkConfText, formatProblem } from '../../cli/commands/conf-files.js';
import { plugins } from '../../examples/plugins/index.js';

const registry = pluginMap(plugins);

/** An entry as it appears in a file: the name and the value *as written* (a JSON string in JSON). */
interface Entry {
  phase: string;
  name: string;
  value: string;
}

/** Each input format, rendering one conf entry where that format puts it. */
const formats: Record<string, (e: Entry) => string> = {
  'Admin API route (JSON object)': (e) =>
    [
      '{',
      '  "uri": "/x",',
      '  "plugins": {',
      `    ${JSON.stringify(e.phase)}: {`,
      `      "conf": [{ "name": ${JSON.stringify(e.name)}, "value": ${JSON.stringify(e.value)} }]`,
      '    }',
      '  },',
      '  "upstream": { "type": "roundrobin", "nodes": { "127.0.0.1:1980": 1 } }',
      '}',
    ].join('\n'),
  'Admin API list (service, plugin_config, global_rule bodies)': (e) =>
    JSON.stringify(
      [
        { id: 'svc', plugins: {} },
        { id: 'pc', plugins: { 'limit-req': { rate: 1 } } },
        { id: 'gr', plugins: { [e.phase]: { conf: [{ name: e.name, value: e.value }] } } },
      ],
      null,
      2,
    ),
  'APISIX standalone apisix.yaml': (e) =>
    [
      'routes:',
      '  - uri: /ok',
      '    upstream_id: 1',
      'global_rules:',
      '  - id: 1',
      '    plugins:',
      `      ${e.phase}:`,
      '        conf:',
      `          - name: ${JSON.stringify(e.name)}`,
      `            value: ${JSON.stringify(e.value)}`,
      '#END',
    ].join('\n'),
  'a6 declarative YAML (version "1")': (e) =>
    [
      'version: "1"',
      'routes:',
      '  - id: r1',
      '    uri: /r1',
      '    plugins:',
      `      ${e.phase}:`,
      '        allow_degradation: false',
      '        conf:',
      `          - {name: ${JSON.stringify(e.name)}, value: ${JSON.stringify(e.value)}}`,
    ].join('\n'),
};

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

describe.each(Object.entries(formats))('%s', (_format, render) => {
  const check = (e: Entry) => {
    const text = render(e);
    return { text, report: checkConfText(text, 'routes.conf', registry) };
  };

  it('a valid entry: found and accepted', () => {
    const { report } = check({ phase: 'ext-plugin-pre-req', name: 'say', value: '{"body":"hi"}' });
    expect(report).toEqual({ entries: 1, problems: [] });
  });

  it('invalid value: position of the value and the pointer inside it', () => {
    const { text, report } = check({ phase: 'ext-plugin-pre-req', name: 'limit-req', value: '{"rate":-1}' });
    expect(report.problems).toEqual([
      {
        file: 'routes.conf',
        ...positionOf(text, JSON.stringify('{"rate":-1}')),
        phase: 'ext-plugin-pre-req',
        entry: 0,
        plugin: 'limit-req',
        pointer: '/rate',
        message: 'plugin "limit-req" refuses its config: /rate: must be >= 0',
      },
    ]);
  });

  it('unknown plugin: position of the name', () => {
    const { text, report } = check({ phase: 'ext-plugin-pre-req', name: 'sya', value: '{}' });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ ...positionOf(text, '"sya"'), plugin: 'sya' });
    expect(report.problems[0]!.message).toMatch(
      /^unknown plugin "sya": this runner serves fault-injection, limit-count, limit-req, /,
    );
  });

  it('wrong phase: a request-only plugin in ext-plugin-post-resp', () => {
    const { text, report } = check({ phase: 'ext-plugin-post-resp', name: 'say', value: '{"body":"hi"}' });
    expect(report.problems).toEqual([
      expect.objectContaining({
        ...positionOf(text, '"say"'),
        message: 'plugin "say" cannot act in ext-plugin-post-resp: it acts in ext-plugin-pre-req, ext-plugin-post-req',
      }),
    ]);
  });

  it('wrong phase: a response-only plugin in a request phase', () => {
    const { report } = check({ phase: 'ext-plugin-post-req', name: 'response-rewrite', value: '{}' });
    expect(report.problems.map((p) => p.message)).toEqual([
      'plugin "response-rewrite" cannot act in ext-plugin-post-req: it acts in ext-plugin-post-resp',
    ]);
  });

  it('non-JSON value: position of the value', () => {
    const { text, report } = check({ phase: 'ext-plugin-pre-req', name: 'say', value: '{body: hi}' });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ ...positionOf(text, JSON.stringify('{body: hi}')), pointer: '' });
    expect(report.problems[0]!.message).toMatch(/^plugin "say" refuses its config: config is not valid JSON: /);
  });

  it('name longer than APISIX allows (128)', () => {
    const name = 'x'.repeat(129);
    const { text, report } = check({ phase: 'ext-plugin-pre-req', name, value: '{}' });
    expect(report.problems).toEqual([
      expect.objectContaining({
        ...positionOf(text, `"${name}"`),
        message: 'name must be 1 to 128 characters (APISIX refuses it); it has 129',
      }),
    ]);
  });
});

describe('literal positions', () => {
  it('reports file:line:col as editors read it', () => {
    const text = [
      'routes:',
      '  - uri: /a',
      '    plugins:',
      '      ext-plugin-pre-req:',
      '        conf:',
      '          - name: say',
      '            value: \'{"body":1}\'',
    ].join('\n');
    const [p] = checkConfText(text, 'apisix.yaml', registry).problems;
    expect(formatProblem(p!)).toBe(
      'apisix.yaml:7:20: error: ext-plugin-pre-req conf[0]: plugin "say" refuses its config: /body: must be string',
    );
  });

  it('a file that does not parse: the parser position, nothing else', () => {
    const report = checkConfText('routes:\n  - uri: [unclosed\n', 'bad.yaml', registry);
    expect(report.entries).toBe(0);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ line: 3, column: 1 });
    expect(report.problems[0]!.message).toMatch(/^cannot parse: Flow sequence .* must .* end with a \]/);
  });

  it('the shape APISIX requires around the entries', () => {
    const text = [
      'plugins:',
      '  ext-plugin-pre-request:',
      '    conf: []',
      '  ext-plugin-post-req:',
      '    allow_degradation: "yes"',
      '    conf: []',
      '  ext-plugin-post-resp:',
      '    conf:',
      '      - name: response-rewrite',
    ].join('\n');
    const problems = checkConfText(text, 'f.yaml', registry).problems.map(formatProblem);
    expect(problems).toEqual([
      'f.yaml:2:3: error: ext-plugin-pre-request: unknown phase "ext-plugin-pre-request": APISIX\'s external plugin phases are ext-plugin-pre-req, ext-plugin-post-req, ext-plugin-post-resp',
      'f.yaml:5:24: error: ext-plugin-post-req: allow_degradation must be true or false',
      'f.yaml:6:11: error: ext-plugin-post-req: ext-plugin-post-req.conf must be a list of at least one { name, value } entry',
      'f.yaml:9:9: error: ext-plugin-post-resp conf[0]: a conf entry needs both "name" and "value" (missing value)',
    ]);
  });

  it('a value that is not a string (APISIX wants the JSON config as a string)', () => {
    const text = '{"plugins":{"ext-plugin-pre-req":{"conf":[{"name":"say","value":{"body":"hi"}}]}}}';
    const [p] = checkConfText(text, 'r.json', registry).problems;
    expect(formatProblem(p!)).toBe(
      'r.json:1:65: error: ext-plugin-pre-req conf[0]: value must be a string holding the JSON config (APISIX refuses anything else)',
    );
  });
});
