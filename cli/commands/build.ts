/** `a6kit build`: the runner project bundled (and with --sea made a single executable); see shipping/. */
import type { Command } from 'commander';
import { buildRunner } from '../../shipping/build.js';
import { BUNDLE_NAME } from '../../shipping/bundle.js';
import { EXECUTABLE_NAME } from '../../shipping/single-executable.js';
import { reporting } from '../report.js';

interface BuildFlags {
  project: string;
  sea?: boolean;
  minify?: boolean;
  check: boolean;
  sourceMaps: boolean;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(
      `check a runner project, then bundle it into dist/${BUNDLE_NAME} (and with --sea a single executable dist/${EXECUTABLE_NAME})`,
    )
    .option('--project <dir>', 'runner project to build', '.')
    .option('--sea', 'also make a Node single executable that runs without Node installed')
    .option('--minify', 'minify the bundle')
    .option('--no-check', 'skip the checks run first (generated files up to date, project type-checks)')
    .option('--no-source-maps', "stack traces in the bundle's lines instead of the plugins' .ts lines (no source map)")
    .action(
      reporting(async (flags: BuildFlags) => {
        await buildRunner({
          project: flags.project,
          sea: flags.sea,
          minify: flags.minify,
          check: flags.check,
          sourceMaps: flags.sourceMaps,
          log: (line) => process.stdout.write(`${line}\n`),
        });
      }),
    );
}
