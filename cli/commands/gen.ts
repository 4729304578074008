/**
 * `a6kit gen`: regenerate generated code.
 *  - protocol mode (`--proto FILE`, or where the project has no plugins/ folder): .fbs -> TypeScript
 *    codecs, and `--compat OLD.fbs` to report wire-breaking changes;
 *  - project mode (a runner project with a plugins/ folder): each plugin's JSON Schema -> config
 *    type + validator.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { genProtocol } from '../../generator/fbs/cli.js';
import { genProject } from '../../generator/plugin/cli.js';

interface GenFlags {
  proto?: string;
  out?: string;
  compat?: string;
  project: string;
  check?: boolean;
  objectApi?: boolean;
  values?: boolean;
  verify?: boolean;
}

export function registerGen(program: Command): void {
  program
    .command('gen')
    .description('regenerate protocol codecs (--proto) or the plugins of a runner project')
    .option('--proto <file>', 'FlatBuffers schema to compile (protocol mode; default schema/ext-plugin.fbs)')
    .option('--out <dir>', 'output directory for protocol codecs (default runtime/protocol)')
    .option('--compat <old>', 'report wire-breaking changes from OLD.fbs to the current schema')
    .option('--project <dir>', 'runner project whose plugins to regenerate', '.')
    .option('--check', 'fail when committed output differs from a fresh run; write nothing')
    // Readers and builders are always generated; these add layers (protocol mode only).
    .option('--object-api', "protocol: also emit flatc's object API (unpack(), <T>T classes)")
    .option('--values', 'protocol: also emit plain values (<T>Value/<T>Init, decode/encode)')
    .option('--verify', 'protocol: also emit verifiers (T.verify: bounds + O(size) budget); the runner needs them')
    .action(async (flags: GenFlags) => {
      const projectMode = flags.proto === undefined && flags.compat === undefined
        && existsSync(join(flags.project, 'plugins'));
      const code = projectMode
        ? await genProject({ project: flags.project, check: flags.check })
        : genProtocol({
          proto: flags.proto, out: flags.out, compat: flags.compat, check: flags.check,
          layers: { objectApi: flags.objectApi === true, values: flags.values === true, verify: flags.verify === true },
        });
      process.exitCode = code;
    });
}
