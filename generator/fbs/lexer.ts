/**
 * Phase 1a — lexer: schema text -> tokens with positions.
 *
 * `///` comments are kept as tokens because they become JSDoc on what follows; every other comment
 * is dropped. Numbers stay as text here: whether `3` is an integer or a float (and its range) is for
 * later phases to decide, once the field's type is known.
 */
import { SchemaError, type SourcePos } from './errors.js';

type TokenKind = 'ident' | 'int' | 'float' | 'string' | 'punct' | 'doc' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier text, number text, decoded string contents, punctuation, or doc comment text. */
  readonly text: string;
  readonly pos: SourcePos;
}

const PUNCT = new Set(['{', '}', '(', ')', '[', ']', ':', ';', ',', '=', '.']);

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}
function isIdentPart(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

export function tokenize(file: string, text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): SourcePos => ({ file, line, col: i - lineStart + 1 });
  const fail = (msg: string, pos: SourcePos = here()): never => {
    throw new SchemaError(pos, msg);
  };

  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') {
      i++;
      continue;
    }
    const pos = here();
    if (c === '/' && text[i + 1] === '/') {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      const body = text.slice(i, end);
      if (body.startsWith('///') && !body.startsWith('////')) {
        tokens.push({ kind: 'doc', text: body.slice(3).replace(/^ /, '').trimEnd(), pos });
      }
      i = end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated block comment', pos);
      for (let k = i; k < end; k++) {
        if (text[k] === '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      i = end + 2;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j]!)) j++;
      tokens.push({ kind: 'ident', text: text.slice(i, j), pos });
      i = j;
      continue;
    }
    if (
      isDigit(c) ||
      ((c === '-' || c === '+') && (isDigit(text[i + 1] ?? '') || text[i + 1] === '.')) ||
      (c === '.' && isDigit(text[i + 1] ?? ''))
    ) {
      const m = /^[-+]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(text.slice(i, i + 80));
      if (!m) fail('malformed number', pos);
      const t = m![0];
      const isFloat = !/0[xX]/.test(t) && /[.eE]/.test(t);
      if (isIdentPart(text[i + t.length] ?? '')) fail(`malformed number '${t}${text[i + t.length]}'`, pos);
      tokens.push({ kind: isFloat ? 'float' : 'int', text: t, pos });
      i += t.length;
      continue;
    }
    if ((c === '-' || c === '+') && isIdentStart(text[i + 1] ?? '')) {
      // `-inf`, `+inf`, `-nan`: signed special floats.
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j]!)) j++;
      const word = text.slice(i + 1, j);
      if (word === 'inf' || word === 'infinity' || word === 'nan') {
        tokens.push({ kind: 'float', text: c + word, pos });
        i = j;
        continue;
      }
      fail(`unexpected '${c}'`, pos);
    }
    if (c === '"') {
      let j = i + 1;
      let out = '';
      for (;;) {
        const d = text[j];
        if (d === undefined || d === '\n') fail('unterminated string', pos);
        if (d === '"') break;
        if (d === '\\') {
          const e = text[j + 1];
          const simple: Record<string, string> = {
            n: '\n',
            t: '\t',
            r: '\r',
            '"': '"',
            '\\': '\\',
            '/': '/',
            b: '\b',
            f: '\f',
            '0': '\0',
          };
          if (e !== undefined && e in simple) {
            out += simple[e];
            j += 2;
            continue;
          }
          if (e === 'x' || e === 'u') {
            const n = e === 'x' ? 2 : 4;
            const hex = text.slice(j + 2, j + 2 + n);
            if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex))
              fail('bad escape in string', { file, line, col: j - lineStart + 1 });
            out += String.fromCharCode(parseInt(hex, 16));
            j += 2 + n;
            continue;
          }
          fail('bad escape in string', { file, line, col: j - lineStart + 1 });
        }
        out += d;
        j++;
      }
      tokens.push({ kind: 'string', text: out, pos });
      i = j + 1;
      continue;
    }
    if (PUNCT.has(c)) {
      tokens.push({ kind: 'punct', text: c, pos });
      i++;
      continue;
    }
    fail(`unexpected character '${c}'`, pos);
  }
  tokens.push({ kind: 'eof', text: '', pos: here() });
  return tokens;
}
