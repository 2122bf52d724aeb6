// The `esc-local` command: argument dispatch and exit statuses. Commands are functions of their
// arguments and a `CliIO`, so tests (and the VS Code commands) run them in-process.

import { checkCommand, CHECK_USAGE } from './check';
import { processIO, type CliIO } from './io';
import { lsCommand, LS_USAGE } from './ls';
import { lspCommand, LSP_USAGE } from './lsp';
import { openCommand, OPEN_USAGE } from './open';
import { printError } from './report';
import { rotateCommand, ROTATE_USAGE } from './rotate';
import { runCommand, RUN_USAGE } from './run';

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly run: (argv: readonly string[], io: CliIO) => Promise<number>;
}

const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['check', { summary: 'check environments and print their diagnostics', usage: CHECK_USAGE, run: checkCommand }],
  ['open', { summary: 'evaluate an environment and print its values', usage: OPEN_USAGE, run: openCommand }],
  ['run', { summary: 'run a command with an environment', usage: RUN_USAGE, run: runCommand }],
  ['ls', { summary: 'list the environments of the workspace root', usage: LS_USAGE, run: lsCommand }],
  ['rotate', { summary: 'rotate secrets and write their new state into the environment', usage: ROTATE_USAGE, run: rotateCommand }],
  ['lsp', { summary: 'run the language server (LSP) for editors', usage: LSP_USAGE, run: lspCommand }],
]);

/** Returns the usage text of the CLI. */
export function usage(): string {
  const lines = ['Usage: esc-local COMMAND [ARGS...]', '', 'Commands:'];
  for (const [name, c] of COMMANDS) lines.push(`  ${name.padEnd(6)} ${c.summary}`, `         ${c.usage}`);
  lines.push(
    '',
    'Environments live in a workspace root: --root DIR, else $ESC_LOCAL_ROOT, else ./environments if it',
    'exists, else the current directory. PROJECT/ENV is ROOT/PROJECT/ENV.yaml; ENV alone is ROOT/default/ENV.yaml.',
  );
  return lines.join('\n') + '\n';
}

/** Runs the CLI with arguments (without the program name); returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(usage());
    return 1;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(usage());
    return 0;
  }
  const command = COMMANDS.get(name);
  if (command === undefined) {
    printError(io, `unknown command ${JSON.stringify(name)} for "esc-local"`);
    return 1;
  }
  if (rest[0] === '--help' || rest[0] === '-h') {
    io.stdout.write(`Usage: ${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}

if (require.main === module) {
  // A reader that went away (`esc-local open … | head -1`) is not an error worth a stack trace:
  // stop as a process killed by SIGPIPE would (exit handlers still remove temporary files).
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(141);
      throw e;
    });
  }
  runCli(process.argv.slice(2), processIO()).then(
    (status) => {
      process.exitCode = status;
    },
    (e: unknown) => {
      // Only bugs get here: user mistakes are diagnostics or one-line errors.
      process.stderr.write(`esc-local: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
