/**
 * `a6kit gen`: regenerate generated code, in one of two explicit modes.
 *  - `a6kit gen` (a runner project): each plugin's JSON Schema -> config type + validator, then a
 *    type check of the project against them (project/generate.ts);
 *  - `a6kit gen protocol [schema.fbs]` (the protocol compiler): .fbs -> TypeScript codecs, and
 *    `--compat OLD.fbs` to report wire-breaking changes (generator/fbs/).
 * The protocol flags on `a6kit gen` itself (`--proto`, `--compat`, ...) still run the compiler, with a
 * line saying to use `a6kit gen protocol`: gen used to guess the mode from whether ./plugins existed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_PROTO, genProtocol } from '../../generator/fbs/cli.js';
import { runGenProject } from '../../project/generate.js';
import { UserError } from '../../tooling/user-error.js';
import { reporting } from '../report.js';

interface ProtocolFlags {
  out?: string;
  compat?: string;
  check?: boolean;
  objectApi?: boolean;
  values?: boolean;
  verify?: boolean;
}

interface ProjectFlags extends ProtocolFlags {
  project: string;
  typecheck: boolean;
  /** Deprecated: `a6kit gen protocol <file>`. */
  proto?: string;
}

function protocol(schema: string | undefined, f: ProtocolFlags): number {
  return genProtocol({
    proto: schema,
    out: f.out,
    compat: f.compat,
    check: f.check,
    layers: { objectApi: f.objectApi === true, values: f.values === true, verify: f.verify === true },
  });
}

/** The protocol compiler's flags, on `gen protocol` and (deprecated, hidden) on `gen`. */
function protocolOptions(cmd: Command, hidden: boolean): Command {
  const opts: [string, string][] = [
    ['--out <dir>', 'output directory for the codecs (default runtime/protocol)'],
    ['--compat <old>', 'report wire-breaking changes from OLD.fbs to the schema; write nothing'],
    // Readers and builders are always generated; these add layers.
    ['--object-api', "also emit flatc's object API (unpack(), <T>T classes)"],
    ['--values', 'also emit plain values (<T>Value/<T>Init, decode/encode)'],
    ['--verify', 'also emit verifiers (T.verify: bounds + O(size) budget); the runner needs them'],
  ];
  for (const [flags, description] of opts) {
    if (hidden) cmd.addOption(cmd.createOption(flags, description).hideHelp());
    else cmd.option(flags, description);
  }
  return cmd;
}

export function registerGen(program: Command): void {
  const gen = program
    .command('gen')
    // Options after `protocol` are the compiler's, not gen's (both have --check); see cli/main.ts.
    .enablePositionalOptions()
    .description("regenerate a runner project's plugins (config type + validator from schema.json), then type-check it")
    .option('--project <dir>', 'runner project whose plugins to regenerate', '.')
    .option('--check', 'fail when committed output differs from a fresh run; write nothing')
    .option('--no-typecheck', 'do not type-check the project against the new types')
    .addOption(program.createOption('--proto <file>', 'deprecated: a6kit gen protocol <file>').hideHelp());
  protocolOptions(gen, true).action(
    reporting(async (f: ProjectFlags) => {
      const protocolFlags = ['proto', 'out', 'compat', 'objectApi', 'values', 'verify'] as const;
      if (protocolFlags.some((k) => f[k] !== undefined)) {
        process.stderr.write(
          `a6kit: gen --proto/--compat/--out/--object-api/--values/--verify are deprecated: use \`a6kit gen protocol ${f.proto ?? DEFAULT_PROTO} ...\`\n`,
        );
        return protocol(f.proto, f);
      }
      if (!existsSync(join(f.project, 'plugins'))) {
        throw new UserError(
          `${f.project}: not a runner project (no plugins/ folder); \`a6kit init\` makes one, \`a6kit gen protocol\` compiles a .fbs`,
        );
      }
      return (await runGenProject({ project: f.project, check: f.check, typecheck: f.typecheck })).code;
    }),
  );
  protocolOptions(
    gen
      .command('protocol')
      .description('compile a FlatBuffers schema into TypeScript codecs (readers and builders; more layers on request)')
      .argument('[schema]', `FlatBuffers schema (default ${DEFAULT_PROTO})`)
      .option('--check', 'fail when committed output differs from a fresh run; write nothing'),
    false,
  ).action(reporting((schema: string | undefined, f: ProtocolFlags) => protocol(schema, f)));
}
