/** `a6kit dev`: run the project's runner on a fixed socket and restart it on every change. */
import type { Command } from 'commander';
import { startDev } from '../../generator/plugin/dev.js';

interface DevFlags {
  project: string;
  socket: string;
  typecheck: boolean;
}

export function registerDev(program: Command): void {
  program
    .command('dev')
    .description("watch plugins/, regenerate, restart the runner on a fixed socket (APISIX's ext-plugin.path_for_test)")
    .option('--project <dir>', 'runner project', '.')
    .option('--socket <path>', 'unix socket to listen on (set ext-plugin.path_for_test to the same path)', '/tmp/a6kit-dev.sock')
    .option('--no-typecheck', 'do not type-check after a schema change')
    .action(async (flags: DevFlags) => {
      const session = await startDev({ project: flags.project, socket: flags.socket, typecheck: flags.typecheck });
      await new Promise<void>((done) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void session.close().then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
