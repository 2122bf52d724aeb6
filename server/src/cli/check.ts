// `esc-local check [ENV...]`: checks environments (all of the workspace when none is named) and
// prints each diagnostic with a code frame, then a summary; `--format json` prints them as JSON.
// Exit status 1 when there is any error.

import { parseArgs, stringFlag } from './args';
import type { CliIO } from './io';
import { formatDiagnostic, locateDiagnostics, type LocatedDiagnostic } from './printDiagnostics';
import { fail, printError } from './report';
import { evaluateEnvironment, openWorkspace } from './session';

/** Usage of the command. */
export const CHECK_USAGE = 'esc-local check [ENV...] [--format text|json] [--root DIR]';

/** Runs `check`; returns the exit status. */
export async function checkCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, [
    { name: 'format', short: 'f', takesValue: true },
    { name: 'root', takesValue: true },
  ]);
  if (!parsed.ok) return fail(io, parsed.error);
  const format = stringFlag(parsed.args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(io, `unknown output format ${JSON.stringify(format)}`);
  const ws = openWorkspace(io, stringFlag(parsed.args, 'root'));
  if (!ws.ok) return fail(io, ws.error);
  const names = parsed.args.positionals.length > 0 ? [...parsed.args.positionals] : ws.value.list().map((e) => e.name.canonical);

  const located: LocatedDiagnostic[] = [];
  const seen = new Set<string>();
  const failures: string[] = [];
  const checked: string[] = [];
  for (const name of names) {
    const ev = await evaluateEnvironment(io, ws.value, name, 'check');
    if (!ev.ok) {
      failures.push(ev.error);
      continue;
    }
    checked.push(ev.value.target.name.canonical);
    // An imported environment's problems are reported once, however many environments import it.
    for (const ld of locateDiagnostics(ev.value.diagnostics, ev.value.documents, ev.value.target, io.cwd)) {
      const d = ld.diagnostic;
      const key = [ld.file, d.range?.begin.line, d.range?.begin.column, d.severity, d.summary].join('\0');
      if (seen.has(key)) continue;
      seen.add(key);
      located.push(ld);
    }
  }
  located.sort(byLocation);
  const errors = located.filter((l) => l.diagnostic.severity === 'error').length + failures.length;
  const warnings = located.filter((l) => l.diagnostic.severity === 'warning').length;
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ environments: checked, diagnostics: [...failures.map(failureJSON), ...located.map(diagnosticJSON)], errors, warnings }, null, 2) + '\n');
  } else {
    for (const f of failures) printError(io, f);
    io.stdout.write(located.map((l) => formatDiagnostic(l, true)).join(''));
    io.stdout.write(summary(checked.length, errors, warnings) + '\n');
  }
  return errors > 0 ? 1 : 0;
}

function summary(environments: number, errors: number, warnings: number): string {
  const envs = `${environments} ${environments === 1 ? 'environment' : 'environments'}`;
  if (errors === 0 && warnings === 0) return `checked ${envs}: no problems`;
  const parts = [`${errors} ${errors === 1 ? 'error' : 'errors'}`, `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`];
  return `checked ${envs}: ${parts.join(', ')}`;
}

function byLocation(a: LocatedDiagnostic, b: LocatedDiagnostic): number {
  const ra = a.diagnostic.range;
  const rb = b.diagnostic.range;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (ra?.begin.line ?? 0) - (rb?.begin.line ?? 0) || (ra?.begin.column ?? 0) - (rb?.begin.column ?? 0);
}

function diagnosticJSON(l: LocatedDiagnostic): unknown {
  const d = l.diagnostic;
  const r = d.range;
  return {
    file: l.file,
    severity: d.severity,
    message: d.summary,
    path: d.path,
    ...(r !== undefined && r.begin.line > 0
      ? { environment: r.environment, range: { start: { line: r.begin.line, column: r.begin.column }, end: { line: r.end.line, column: r.end.column } } }
      : {}),
  };
}

function failureJSON(message: string): unknown {
  return { severity: 'error', message };
}
