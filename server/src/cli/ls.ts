// `esc-local ls`: lists the environments of the workspace root with their imports.

import { parseArgs, stringFlag } from './args';
import type { CliIO } from './io';
import { displayPath } from './printDiagnostics';
import { fail } from './report';
import { openWorkspace } from './session';

/** Usage of the command. */
export const LS_USAGE = 'esc-local ls [--format text|json] [--root DIR]';

interface Listed {
  name: string;
  file: string;
  imports: string[];
  /** Set when the file cannot be decoded, so its imports are unknown. */
  invalid?: true;
}

/** Runs `ls`; returns the exit status. */
export async function lsCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, [
    { name: 'format', short: 'f', takesValue: true },
    { name: 'root', takesValue: true },
  ]);
  if (!parsed.ok) return fail(io, parsed.error);
  if (parsed.args.positionals.length > 0) return fail(io, `unexpected argument ${JSON.stringify(parsed.args.positionals[0])}`);
  const format = stringFlag(parsed.args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(io, `unknown output format ${JSON.stringify(format)}`);
  const ws = openWorkspace(io, stringFlag(parsed.args, 'root'));
  if (!ws.ok) return fail(io, ws.error);
  const listed: Listed[] = [];
  for (const e of ws.value.list()) {
    const loaded = ws.value.load(e.name.canonical);
    const entry: Listed = { name: e.name.canonical, file: displayPath(e.path, io.cwd), imports: [] };
    const decl = loaded.ok ? loaded.value.doc.decl : undefined;
    if (decl === undefined) entry.invalid = true;
    else entry.imports = decl.imports.map((i) => i.environment.value);
    listed.push(entry);
  }
  if (format === 'json') {
    io.stdout.write(JSON.stringify(listed, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(0, ...listed.map((l) => l.name.length));
  for (const l of listed) {
    const tail = l.invalid ? '  (cannot be read: run esc-local check)' : l.imports.length > 0 ? `  imports: ${l.imports.join(', ')}` : '';
    io.stdout.write(`${l.name.padEnd(width)}  ${l.file}${tail}\n`);
  }
  return 0;
}
