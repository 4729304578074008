/**
 * `a6kit` command line. Each sub-command lives in its own module under cli/commands/ and
 * registers itself on the program; this file only wires them together.
 */
import { Command, CommanderError } from 'commander';
import { registerBuild } from './commands/build.js';
import { registerCall } from './commands/call.js';
import { registerGen } from './commands/gen.js';
import { registerInit } from './commands/init.js';
import { registerNew } from './commands/new.js';
import { registerDev } from './commands/dev.js';
import { registerCheck } from './commands/check.js';
import { registerConf } from './commands/conf.js';
import { registerDocs } from './commands/docs.js';
import { registerRemove } from './commands/remove.js';
import { version } from '../runtime/version.js';
import { BUG_EXIT_CODE, EXIT_CODES_HELP } from './report.js';

export function buildProgram(): Command {
  const program = new Command('a6kit')
    .description('Typed Apache APISIX external plugins in TypeScript')
    .version(version)
    .showHelpAfterError()
    // A sub-command's options belong to it (`a6kit gen protocol --check` is the compiler's --check).
    .enablePositionalOptions()
    .addHelpText('after', EXIT_CODES_HELP)
    // Commander's own usage errors (unknown option, missing argument) throw instead of exiting 1,
    // so main() can give them exit code 2 like every other usage error. Set before the commands
    // are added: they inherit it.
    .exitOverride();
  registerGen(program);
  registerInit(program);
  registerNew(program);
  registerRemove(program);
  registerDev(program);
  registerBuild(program);
  registerCall(program);
  registerConf(program);
  registerCheck(program);
  registerDocs(program);
  return program;
}

/**
 * Runs the command line and sets the exit code (documented in `a6kit --help`). A UserError is
 * reported by the command itself (cli/report.ts); what reaches here is commander's usage error
 * (already printed) or a bug in a6kit, shown with its stack.
 */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end this way too, with code 0.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(
      `a6kit: internal error (a bug in a6kit, please report it):\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = BUG_EXIT_CODE;
  }
}

// Run directly (tsx cli/main.ts …) as well as through bin/a6kit.mjs.
// Not a top-level await: a command may end with a promise that never settles (dev stopped by a
// signal mid-start), which is fine for an exiting process, but Node exits 13 on an unsettled one.
if (import.meta.url === `file://${process.argv[1]}`) void main(process.argv);
