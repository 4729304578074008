/**
 * Errors the plugin generator reports to the user. Every schema problem names the file and the JSON
 * pointer inside it, so the user can jump straight to the offending keyword.
 */
export class GenError extends Error {
  constructor(
    message: string,
    /** File the problem is in (as given to the generator, usually project-relative). */
    readonly file?: string,
    /** JSON pointer inside `file` ('' is the document root). */
    readonly pointer?: string,
  ) {
    super(formatLocation(file, pointer) + message);
    this.name = 'GenError';
  }
}

function formatLocation(file: string | undefined, pointer: string | undefined): string {
  if (file === undefined) return '';
  if (pointer === undefined) return `${file}: `;
  return `${file}#${pointer}: `;
}

/** RFC 6901 escaping of one reference token. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => '/' + escapePointerToken(String(t))).join('');
}
