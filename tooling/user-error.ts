/**
 * The one error type a developer tool (generator, project, shipping, CLI) throws for a problem the
 * user fixes: a refused schema, a missing runner.ts, a bad flag. The CLI prints its message without
 * a stack trace and exits with its code; anything else that escapes a command is a bug in a6kit.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    /**
     * Exit code: 1 when what the user asked about was checked and refused (a schema, a conf, code
     * that does not type-check), 2 when the command could not run as asked (bad flag, no project).
     */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}
