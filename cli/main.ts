/**
 * `a6kit` command line. Each sub-command lives in its own module under cli/commands/ and
 * registers itself on the program; this file only wires them together.
 */
import { Command } from 'commander';
import { registerBuild } from '../shipping/build.js';
import { registerCall } from './commands/call.js';
import { registerGen } from './commands/gen.js';
import { registerInit } from './commands/init.js';
import { registerNew } from './commands/new.js';
import { registerDev } from './commands/dev.js';
import { registerCheck } from './commands/check.js';
import { registerConf } from './commands/conf.js';
import { registerDocs } from './commands/docs.js';
import { registerRemove } from './commands/remove.js';
import { version } from './version.js';

export function buildProgram(): Command {
  const program = new Command('a6kit')
    .description('Typed Apache APISIX external plugins in TypeScript')
    .version(version)
    .showHelpAfterError();
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

export async function main(argv: readonly string[]): Promise<void> {
  await buildProgram().parseAsync([...argv]);
}

// Run directly (tsx cli/main.ts …) as well as through bin/a6kit.mjs.
if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv).catch((err: unknown) => {
    process.stderr.write(`a6kit: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
