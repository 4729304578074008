/**
 * The CLI's one error handler. Commands return their exit code (or nothing for 0) and throw a
 * UserError for a problem the user fixes; `reporting` prints its message, without a stack trace,
 * and sets the exit code. Anything else escaping a command is a bug in a6kit: main() prints its
 * stack and exits 70.
 */
import { UserError } from '../tooling/user-error.js';

export const EXIT_CODES_HELP = `
Exit codes:
  0   done
  1   refused: what was checked has problems (a schema, a conf, types, out-of-date files); said on stderr
  2   usage: the command cannot run as asked (bad flag or argument, unreadable file, not a runner project)
  3   a6kit call: the runner answered with an error (APISIX would answer 503)
  70  a bug in a6kit: the stack trace is on stderr`;

/** Exit code for anything that is not a UserError (sysexits' EX_SOFTWARE). */
export const BUG_EXIT_CODE = 70;

/**
 * Wraps a command action: its returned code becomes the exit code, a UserError is reported.
 * `untouched` is a line said after a UserError ("nothing written") by commands that promise it.
 */
export function reporting<A extends unknown[]>(
  action: (...args: A) => number | void | Promise<number | void>,
  untouched?: string,
): (...args: A) => Promise<void> {
  return async (...args: A): Promise<void> => {
    try {
      const code = await action(...args);
      if (code !== undefined) process.exitCode = code;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      process.stderr.write(`a6kit: ${err.message}\n${untouched !== undefined ? `${untouched}\n` : ''}`);
      process.exitCode = err.exitCode;
    }
  };
}
