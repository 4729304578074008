/**
 * `a6kit gen`: regenerate generated code.
 *  - protocol mode (`--proto FILE`, or inside the a6kit repository): .fbs -> TypeScript codecs;
 *  - project mode (a runner project with a plugins/ folder): each plugin's JSON Schema -> config
 *    type + validator.
 */
import type { Command } from 'commander';

export function registerGen(program: Command): void {
  program
    .command('gen')
    .description('regenerate protocol codecs (--proto) or the plugins of a runner project')
    .option('--proto <file>', 'FlatBuffers schema to compile (protocol mode)')
    .option('--out <dir>', 'output directory for protocol codecs')
    .option('--compat <old>', 'report wire-breaking changes from OLD.fbs to --proto')
    .option('--project <dir>', 'runner project whose plugins to regenerate', '.')
    .option('--check', 'fail when committed output differs from a fresh run; write nothing')
    .action(async () => {
      throw new Error('gen: not implemented yet');
    });
}
