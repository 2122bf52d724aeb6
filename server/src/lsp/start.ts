// Starting the language server in a process: the connection (stdio, node-ipc or socket, from the
// command line), console output redirected to the client's log (stdout is the protocol channel), and
// unhandled rejections logged instead of crashing the process.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { formatError } from './runSafe';
import { startServer } from './server';

/** Starts the language server on this process's transport; `workerScript` is the bundled server for the service workers. */
export function startLanguageServer(workerScript: string): void {
  const connection = createConnection(ProposedFeatures.all);
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${formatError(e)}`));
  startServer(connection, { workerScript });
  connection.listen();
}
