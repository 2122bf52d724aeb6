// `esc-local lsp --stdio`: runs the language server (the same as `node dist/server.js --stdio`).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from './io';
import { printError } from './report';

/** Usage of the command. */
export const LSP_USAGE = 'esc-local lsp --stdio | --node-ipc | --socket=PORT';

/** Runs the language server on the transport named by the arguments; it ends when the client says exit. */
export function lspCommand(argv: readonly string[], io: CliIO): Promise<number> {
  if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    printError(io, 'lsp needs a transport: --stdio, --node-ipc or --socket=PORT');
    return Promise.resolve(1);
  }
  // The service workers run the bundled server, which sits next to the bundled CLI.
  const script = join(__dirname, 'server.js');
  if (!existsSync(script)) {
    printError(io, `cannot find the bundled language server ${script} (run npm run build)`);
    return Promise.resolve(1);
  }
  // Loaded at run time, not bundled into the CLI: the language server's protocol libraries would
  // otherwise load with every command. On the main thread the bundle starts serving by itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(script);
  return new Promise<number>(() => undefined);
}
