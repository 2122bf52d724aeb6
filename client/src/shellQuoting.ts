// Command lines for the integrated terminal's shell: which family a shell belongs to, how to quote an
// argument for it, and how it runs a command string (`sh -c`, `pwsh -Command`, `cmd /c`). Pure: no
// VS Code API, so it is unit-tested in test/client/.

/** Shell families with different quoting rules. */
export type ShellKind = 'posix' | 'fish' | 'pwsh' | 'cmd';

/** Returns the family of the shell at `shellPath` (POSIX when unknown). */
export function shellKind(shellPath: string): ShellKind {
  const name = (shellPath.split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.exe$/, '');
  if (name === 'fish') return 'fish';
  if (name === 'pwsh' || name === 'powershell') return 'pwsh';
  if (name === 'cmd') return 'cmd';
  return 'posix';
}

const PLAIN = /^[A-Za-z0-9_\/.,:@%+=-]+$/;

/** Quotes one argument so that the shell passes it through unchanged. */
export function quoteArgument(arg: string, kind: ShellKind): string {
  switch (kind) {
    case 'posix':
      return PLAIN.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
    case 'fish':
      // Inside single quotes fish treats only \' and \\ specially.
      return PLAIN.test(arg) ? arg : `'${arg.replace(/[\\']/g, (c) => `\\${c}`)}'`;
    case 'pwsh':
      return `'${arg.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
    case 'cmd':
      // cmd.exe has no quoting that stops %VAR% expansion; quotes keep spaces and metacharacters together.
      return /^[A-Za-z0-9_\\/.,:@+=-]+$/.test(arg) ? arg : `"${arg.replaceAll('"', '""')}"`;
  }
}

/** Returns the command line that runs `args[0]` with the other arguments in a shell of `kind`. */
export function commandLine(args: readonly string[], kind: ShellKind): string {
  const quoted = args.map((a) => quoteArgument(a, kind)).join(' ');
  // PowerShell treats a quoted first word as a string, not a command: the call operator runs it.
  return kind === 'pwsh' ? `& ${quoted}` : quoted;
}

/** Returns the arguments that make the shell at `shellPath` run `command` (a command line in its own syntax). */
export function shellInvocation(shellPath: string, command: string): string[] {
  switch (shellKind(shellPath)) {
    case 'pwsh':
      return [shellPath, '-NoProfile', '-Command', command];
    case 'cmd':
      return [shellPath, '/d', '/s', '/c', command];
    default:
      return [shellPath, '-c', command];
  }
}
