/**
 * The six realistic schemas of test/plugin-gen/schemas and, for each, a config it accepts (with
 * the defaults parseConf must fill in) and one it refuses (with the pointer and message expected).
 */
import type { Phase } from '../../project/scaffold.js';

export interface SchemaCase {
  name: string;
  phase: Phase;
  valid: unknown;
  /** What parseConf returns for `valid`: schema defaults applied. */
  parsed: unknown;
  invalid: unknown;
  pointer: string;
  message: string;
}

export const cases: SchemaCase[] = [
  {
    name: 'header-rewrite',
    phase: 'request',
    valid: {
      set: [
        { name: 'X-Env', value: 'prod' },
        { name: 'Via', value: 'a6', mode: 'append' },
      ],
    },
    parsed: {
      set: [
        { name: 'X-Env', value: 'prod', mode: 'replace' },
        { name: 'Via', value: 'a6', mode: 'append' },
      ],
      remove: [],
      case: 'preserve',
    },
    invalid: { set: [{ name: 'X-Env', value: 'prod', mode: 'prepend' }] },
    pointer: '/set/0/mode',
    message: '/set/0/mode: must be one of "replace", "append", "if-absent"',
  },
  {
    name: 'jwt-auth',
    phase: 'request',
    valid: { key: 'user-1', verify: { algorithm: 'RS256', jwks_uri: 'https://idp.example.com/.well-known/jwks.json' } },
    parsed: {
      key: 'user-1',
      header: 'authorization',
      verify: { algorithm: 'RS256', jwks_uri: 'https://idp.example.com/.well-known/jwks.json' },
      clock_skew_seconds: 30,
    },
    invalid: { key: 'user-1', verify: { algorithm: 'HS256', secret: 'short' } },
    pointer: '/verify/secret',
    message: '/verify/secret: must NOT have fewer than 16 characters',
  },
  {
    name: 'rate-limit',
    phase: 'request',
    valid: { rules: [{ path_prefix: '/api', window: { count: 100, seconds: 60 } }], key: 'consumer' },
    parsed: {
      rules: [{ path_prefix: '/api', window: { count: 100, seconds: 60 }, burst: 0 }],
      key: 'consumer',
      rejected_code: 429,
    },
    invalid: { rules: [{ path_prefix: '/api', window: { count: 0, seconds: 60 } }] },
    pointer: '/rules/0/window/count',
    message: '/rules/0/window/count: must be >= 1',
  },
  {
    name: 'ip-restriction',
    phase: 'request',
    valid: { deny: ['198.51.100.7', '2001:db8::dead'] },
    parsed: { deny: ['198.51.100.7', '2001:db8::dead'], message: 'Your IP address is not allowed', status: 403 },
    invalid: { message: 'go away' },
    pointer: '',
    message: '(root): must match a schema in anyOf (option 1: /allow is required; option 2: /deny is required)',
  },
  {
    name: 'cors',
    phase: 'both',
    valid: { allow_origins: ['https://app.example.com'], allow_credentials: true },
    parsed: {
      allow_origins: ['https://app.example.com'],
      allow_methods: ['GET', 'HEAD', 'POST'],
      allow_headers: [],
      max_age: 5,
      allow_credentials: true,
    },
    invalid: { allow_origins: ['not a url'] },
    pointer: '/allow_origins',
    message:
      '/allow_origins: must match exactly one schema in oneOf (option 1: /allow_origins must be "*"; option 2: /allow_origins/0 must match format "uri")',
  },
  {
    name: 'traffic-mirror',
    phase: 'response',
    valid: {
      target: { host: 'shadow.internal.example', tls: {} },
      owner: 'sre@example.com',
      until: '2027-01-01T00:00:00Z',
      labels: { team: 'edge' },
    },
    parsed: {
      target: { host: 'shadow.internal.example', port: 80, tls: { verify: true } },
      sample_ratio: 1,
      owner: 'sre@example.com',
      until: '2027-01-01T00:00:00Z',
      labels: { team: 'edge' },
    },
    invalid: { target: { host: 'shadow.internal.example' }, owner: 'sre@example.com', until: 'next tuesday' },
    pointer: '/until',
    message: '/until: must match format "date-time"',
  },
];
