/** `a6kit remove <plugin>`: the plugin's folder and its registration, the reverse of `a6kit new`. */
import type { Command } from 'commander';
import { removePlugin } from '../../project/scaffold.js';
import { reporting } from '../report.js';

export function registerRemove(program: Command): void {
  program
    .command('remove')
    .description('remove a plugin: its folder under plugins/ and its import and entry in plugins/index.ts')
    .argument('<plugin>', 'plugin name (its folder under plugins/)')
    .option('--project <dir>', 'runner project', '.')
    .action(
      reporting(async (plugin: string, flags: { project: string }) => {
        await removePlugin({ project: flags.project, name: plugin });
      }, 'nothing removed'),
    );
}
