/** `a6kit dev`: run the project's runner on a fixed socket and restart it on every change. */
import type { Command } from 'commander';
import { startDev, type DevSession } from '../../project/dev.js';
import { SocketInUseError } from '../../runtime/socket-file.js';
import { UserError } from '../../tooling/user-error.js';
import { reporting } from '../report.js';

interface DevFlags {
  project: string;
  socket: string;
  typecheck: boolean;
}

export function registerDev(program: Command): void {
  program
    .command('dev')
    .description(
      "watch what the runner imports, regenerate, restart the runner on a fixed socket (APISIX's ext-plugin.path_for_test)",
    )
    .option('--project <dir>', 'runner project', '.')
    .option(
      '--socket <path>',
      'unix socket to listen on, unix: optional (set ext-plugin.path_for_test to the same path)',
      '/tmp/a6kit-dev.sock',
    )
    .option('--no-typecheck', 'do not type-check after a schema change')
    .action(
      reporting(async (flags: DevFlags) => {
        // Signal handlers go in before anything starts: a Ctrl-C during start-up must still stop
        // the runner dev has spawned and remove its socket.
        const stopped = new AbortController();
        const stop = (): void => stopped.abort();
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        let session: DevSession | undefined;
        try {
          session = await startDev({
            project: flags.project,
            socket: flags.socket,
            typecheck: flags.typecheck,
            signal: stopped.signal,
          });
          if (!stopped.signal.aborted)
            await new Promise<void>((done) => stopped.signal.addEventListener('abort', () => done(), { once: true }));
          await session.close();
        } catch (err) {
          // Another runner or dev session holds the socket: the message names it.
          if (err instanceof SocketInUseError) throw new UserError(err.message);
          if (!stopped.signal.aborted) throw err;
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        }
      }),
    );
}
