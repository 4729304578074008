/** `a6kit init <dir>`: a new runner project for the user's own plugins. */
import type { Command } from 'commander';
import { askMissing } from '../../project/prompts.js';
import { initProject } from '../../project/scaffold.js';
import { reporting } from '../report.js';

interface InitFlags {
  name?: string;
  a6kit?: string;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a runner project (package.json, tsconfig, runner.ts, plugins/, README)')
    .argument('[dir]', 'folder to create (must be new or empty)')
    .option('--name <package>', 'package.json name (default: the folder name)')
    .option(
      '--a6kit <spec>',
      'how to depend on a6kit: a folder or a .tgz from `npm pack` (written as a file: path relative to the project), or a version (default: this a6kit)',
    )
    .action(
      reporting(async (dir: string | undefined, flags: InitFlags) => {
        const answers = await askMissing([{ name: 'dir', message: 'project folder', flag: '<dir>' }], { dir });
        await initProject({ dir: answers['dir']!, name: flags.name, a6kit: flags.a6kit });
      }),
    );
}
