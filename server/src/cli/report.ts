// What `open` and `run` print about an evaluation: its diagnostics on stderr (with code frames) and,
// when there are errors, which values could not be resolved. Errors stop the command (exit 1);
// warnings do not.

import { hasErrors } from '../../../engine/src/index';
import type { CliIO } from './io';
import { formatDiagnostics, locateDiagnostics } from './printDiagnostics';
import type { Evaluated } from './session';
import { unknownPaths } from './values';

const MAX_LISTED = 10;

/** Prints the diagnostics of an evaluation; returns false when there are errors (after saying what failed). */
export function reportEvaluation(io: CliIO, ev: Evaluated): boolean {
  const located = locateDiagnostics(ev.diagnostics, ev.documents, ev.target, io.cwd);
  io.stderr.write(formatDiagnostics(located, true));
  if (!hasErrors(ev.diagnostics)) return true;
  const errors = ev.diagnostics.filter((d) => d.severity === 'error').length;
  const unresolved = ev.environment?.properties ? unknownPaths(ev.environment.properties) : [];
  let line = `Error: environment ${ev.target.name.canonical} has ${errors} ${errors === 1 ? 'error' : 'errors'}`;
  if (unresolved.length > 0) {
    const listed = unresolved.slice(0, MAX_LISTED).join(', ');
    const more = unresolved.length > MAX_LISTED ? `, and ${unresolved.length - MAX_LISTED} more` : '';
    line += `; ${unresolved.length === 1 ? 'this value' : 'these values'} could not be resolved: ${listed}${more}`;
  }
  io.stderr.write(line + '\n');
  return false;
}

/** Prints a one-line error. */
export function printError(io: CliIO, message: string): void {
  io.stderr.write(`Error: ${message}\n`);
}

/** Prints a one-line error and returns `status` (1 by default), for commands to `return fail(io, ...)`. */
export function fail(io: CliIO, message: string, status = 1): number {
  printError(io, message);
  return status;
}
