/** `a6kit remove <plugin>`: the plugin's folder and its registration, the reverse of `a6kit new`. */
import type { Command } from 'commander';
import { GenError } from '../../generator/plugin/errors.js';
import { removePlugin } from '../../project/scaffold.js';

export function registerRemove(program: Command): void {
  program
    .command('remove')
    .description('remove a plugin: its folder under plugins/ and its import and entry in plugins/index.ts')
    .argument('<plugin>', 'plugin name (its folder under plugins/)')
    .option('--project <dir>', 'runner project', '.')
    .action(async (plugin: string, flags: { project: string }) => {
      try {
        await removePlugin({ project: flags.project, name: plugin });
      } catch (err) {
        if (!(err instanceof GenError)) throw err;
        process.stderr.write(`error: ${err.message}\nnothing removed\n`);
        process.exitCode = 1;
      }
    });
}
