/**
 * `a6kit check FILE…`: validates every ext-plugin-* conf in route config files (Admin API bodies,
 * APISIX standalone apisix.yaml, the a6 CLI's declarative YAML) against this runner project's
 * plugins, before the config reaches APISIX, where a refused config is a 503 on the first request.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { pluginMap } from '../../runtime/describe.js';
import { checkConfText, formatProblem, type ConfProblem } from './conf-files.js';
import { loadProjectPlugins } from '../../project/load-plugins.js';
import { UserError } from '../../tooling/user-error.js';
import { reporting } from '../report.js';

interface CheckFlags {
  project: string;
  format: string;
}

const CHECK_EXIT_HELP = `
Exit codes:
  0  every conf entry is valid
  1  invalid conf entries found (each printed as file:line:col)
  2  usage or I/O error (unreadable file, not a runner project, bad flag)`;

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description("check every ext-plugin-* conf in route config files (JSON or YAML) against this project's plugins")
    .argument('<files...>', 'Admin API bodies, apisix.yaml, or a6 declarative YAML')
    .option('--project <dir>', 'runner project whose plugins check the configs', '.')
    .option('--format <format>', 'text, or json for CI annotations', 'text')
    .addHelpText('after', CHECK_EXIT_HELP)
    .action(
      reporting(async (files: string[], f: CheckFlags) => {
        if (f.format !== 'text' && f.format !== 'json')
          throw new UserError(`--format must be text or json, not "${f.format}"`);
        const texts = await Promise.all(
          files.map(async (file) => {
            try {
              return await readFile(file, 'utf8');
            } catch (err) {
              throw new UserError(`cannot read ${file}: ${(err as Error).message}`);
            }
          }),
        );
        const plugins = pluginMap(await loadProjectPlugins(f.project));
        const problems: ConfProblem[] = [];
        let entries = 0;
        files.forEach((file, i) => {
          const report = checkConfText(texts[i] ?? '', file, plugins);
          entries += report.entries;
          problems.push(...report.problems);
          if (report.entries === 0 && report.problems.length === 0)
            process.stderr.write(`${file}: no ext-plugin-* conf found\n`);
        });
        if (f.format === 'json') process.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
        else for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
        process.stderr.write(
          `${entries} conf entr${entries === 1 ? 'y' : 'ies'} in ${files.length} file(s): ${problems.length === 0 ? 'all valid' : `${problems.length} problem(s)`}\n`,
        );
        return problems.length === 0 ? 0 : 1;
      }),
    );
}
