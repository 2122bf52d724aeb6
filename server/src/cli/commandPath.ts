// Resolving the command of `run` before anything else happens (spec §13.3), as a shell would: a
// name containing "/" is a path, any other name is looked up in $PATH.

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export type CommandResult = { ok: true; path: string } | { ok: false; error: string; status: number };

/** Finds the executable for `command`; not found is status 127, not executable 126 (shell conventions). */
export function resolveCommand(command: string, pathVar: string | undefined, cwd: string): CommandResult {
  if (command === '') return { ok: false, error: 'resolving command: the command name is empty', status: 127 };
  if (command.includes('/')) {
    const p = resolve(cwd, command);
    const why = notExecutable(p);
    if (why === undefined) return { ok: true, path: p };
    return { ok: false, error: `resolving command: ${command}: ${why}`, status: why === 'no such file' ? 127 : 126 };
  }
  for (const dir of (pathVar ?? '').split(delimiter)) {
    const p = resolve(cwd, dir === '' ? '.' : dir, command);
    if (notExecutable(p) === undefined) return { ok: true, path: join(p) };
  }
  return { ok: false, error: `resolving command: ${JSON.stringify(command)} not found in $PATH`, status: 127 };
}

function notExecutable(p: string): string | undefined {
  try {
    if (!statSync(p).isFile()) return 'not a file';
  } catch {
    return 'no such file';
  }
  try {
    accessSync(p, constants.X_OK);
    return undefined;
  } catch {
    return 'permission denied';
  }
}
