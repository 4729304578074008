/** `a6kit new <plugin>`: a plugin from a JSON Schema, in the current runner project. */
import type { Command } from 'commander';
import { checkPluginName } from '../../generator/plugin/names.js';
import { askMissing } from '../../project/prompts.js';
import { newPlugin, PHASES, type Phase } from '../../project/scaffold.js';
import { reporting } from '../report.js';

interface NewFlags {
  schema?: string;
  phase?: string;
  project: string;
}

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('add a plugin: schema.json, generated config type + validator, stub index.ts, test; registers it')
    .argument('[plugin]', 'plugin name as used in the route conf (1-128 chars: letters, digits, . _ -)')
    .option('--schema <file>', 'JSON Schema of the plugin config (default: a starter schema)')
    .option('--phase <phase>', 'filters to stub: request, response or both (default: request)')
    .option('--project <dir>', 'runner project', '.')
    .action(
      reporting(async (plugin: string | undefined, flags: NewFlags) => {
        const answers = await askMissing(
          [
            {
              name: 'name',
              message: 'plugin name',
              flag: '<plugin>',
              validate: (v) => {
                try {
                  checkPluginName(v);
                  return true;
                } catch (err) {
                  return (err as Error).message;
                }
              },
            },
            { name: 'phase', message: 'which filters', flag: '--phase', choices: PHASES, default: 'request' },
          ],
          { name: plugin, phase: flags.phase },
        );
        await newPlugin({
          project: flags.project,
          name: answers['name']!,
          schema: flags.schema,
          phase: answers['phase'] as Phase,
        });
      }, 'nothing written'),
    );
}
