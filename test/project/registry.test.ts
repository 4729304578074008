/** plugins/index.ts edits: sorted, idempotent, and the user's own edits are kept. */
import { describe, expect, it } from 'vitest';
import { addToRegistry, registeredIdentifier, registryTemplate } from '../../project/registry.js';
import { camelIdentifier } from '../../generator/plugin/names.js';

describe('plugin registry', () => {
  it('adds imports and entries in sorted order', () => {
    let text = registryTemplate();
    for (const name of ['rate-limit', 'auth', 'zeta', 'cors']) text = addToRegistry(text, name);
    expect(text).toBe(`// The plugins this runner serves. \`a6kit new\` adds an import and an entry for each new plugin;
// your own edits here are kept.
import type { AnyPlugin } from 'a6kit';
import auth from './auth/index.js';
import cors from './cors/index.js';
import rateLimit from './rate-limit/index.js';
import zeta from './zeta/index.js';

export const plugins = [
  auth,
  cors,
  rateLimit,
  zeta
] as const satisfies readonly AnyPlugin[];
`);
  });

  it('is idempotent', () => {
    const once = addToRegistry(addToRegistry(registryTemplate(), 'a'), 'b');
    expect(addToRegistry(addToRegistry(once, 'b'), 'a')).toBe(once);
  });

  it("keeps the user's comments, imports, hand-placed entries and formatting", () => {
    const user = `/* my runner */
import type { AnyPlugin } from 'a6kit';
import { wrap } from './wrap.js'; // helper
import auth from './auth/index.js';
import zeta from './zeta/index.js';

// zeta first on purpose
export const plugins = [
  zeta,
  wrap(auth), // wrapped by hand
] as const satisfies readonly AnyPlugin[];
`;
    const out = addToRegistry(user, 'metrics');
    expect(out).toBe(`/* my runner */
import type { AnyPlugin } from 'a6kit';
import { wrap } from './wrap.js'; // helper
import auth from './auth/index.js';
import metrics from './metrics/index.js';
import zeta from './zeta/index.js';

// zeta first on purpose
export const plugins = [
  metrics,
  zeta,
  wrap(auth), // wrapped by hand
] as const satisfies readonly AnyPlugin[];
`);
    // `auth` is imported and used (wrapped): adding it again changes nothing.
    expect(addToRegistry(out, 'metrics')).toBe(out);
    expect(registeredIdentifier(out, 'auth')).toBe('auth');
    expect(registeredIdentifier(out, 'nope')).toBeUndefined();
  });

  it('keeps the comment at the end of the import it adds after', () => {
    const user = `import type { AnyPlugin } from 'a6kit';
import guard from './guard/index.js'; // the guard

export const plugins: AnyPlugin[] = [guard];
`;
    expect(addToRegistry(user, 'second')).toBe(`import type { AnyPlugin } from 'a6kit';
import guard from './guard/index.js'; // the guard
import second from './second/index.js';

export const plugins: AnyPlugin[] = [guard,
  second
];
`);
  });

  it('picks a free identifier when the natural one is taken', () => {
    const user = registryTemplate().replace(
      "import type { AnyPlugin } from 'a6kit';",
      "import type { AnyPlugin } from 'a6kit';\nconst auth = 1;",
    );
    expect(addToRegistry(user, 'auth')).toContain("import auth2 from './auth/index.js';");
  });

  it('says what it cannot find', () => {
    expect(() => addToRegistry('export const other = [];\n', 'x')).toThrow(
      'plugins/index.ts: cannot find `export const plugins = [ ... ]` to add the plugin to',
    );
  });

  it('derives identifiers from names', () => {
    expect(['rate-limit', 'jwt.auth_v2', '3scale', 'Auth'].map(camelIdentifier)).toEqual([
      'rateLimit',
      'jwtAuthV2',
      'plugin3scale',
      'auth',
    ]);
  });
});
