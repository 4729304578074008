/**
 * Errors the plugin generator reports to the user. Every schema problem names the file and the JSON
 * pointer inside it, so the user can jump straight to the offending keyword. A refusal: the CLI
 * prints it and exits 1, like any UserError.
 */
import { UserError } from '../../tooling/user-error.js';

export class GenError extends UserError {
  constructor(
    message: string,
    /** File the problem is in (as given to the generator, usually project-relative). */
    readonly file?: string,
    /** JSON pointer inside `file` ('' is the document root). */
    readonly pointer?: string,
  ) {
    super(formatLocation(file, pointer) + message, 1);
    this.name = 'GenError';
  }
}

function formatLocation(file: string | undefined, pointer: string | undefined): string {
  if (file === undefined) return '';
  if (pointer === undefined) return `${file}: `;
  return `${file}#${pointer}: `;
}
