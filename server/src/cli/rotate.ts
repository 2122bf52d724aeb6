// `esc-local rotate ENV [PATH...]`: runs the rotators of an environment (all of them, or those at the
// given property paths under `values`) and writes their new state back into the environment's file,
// keeping its comments and layout (spec §9.5). `password` and `passphrase` rotate locally; rotators
// that change something in a cloud fail with a message saying so, and nothing is written for them.
// New secrets are written as `fn::secret: ...` and never printed. Exit status 1 when a selected
// rotation did not succeed, or a path names no rotator.

import { readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  applyValuePatches,
  formatPropertyPath,
  hasErrors,
  loadYAML,
  parsePropertyPath,
  rotateEnvironment,
  type EvaluationHost,
  type RotationResult,
} from '../../../engine/src/index';
import type { WorkspaceDocument } from '../host/workspace';
import { parseArgs, stringFlag } from './args';
import type { CliIO } from './io';
import { displayPath, formatDiagnostics, locateDiagnostics } from './printDiagnostics';
import { fail, printError } from './report';
import { openWorkspace } from './session';

/** Usage of the command. */
export const ROTATE_USAGE = 'esc-local rotate ENV [PATH...] [--root DIR]';

/** Runs `rotate`; returns the exit status. */
export async function rotateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, [{ name: 'root', takesValue: true }]);
  if (!parsed.ok) return fail(io, parsed.error);
  const [name, ...paths] = parsed.args.positionals;
  if (name === undefined) return fail(io, 'no environment specified');
  // The engine selects rotators by `values.` + the formatted path; unmatched paths are reported below.
  const wanted = new Map<string, string>();
  for (const p of paths) {
    const pp = parsePropertyPath(p);
    if (!pp.ok) return fail(io, `invalid property path ${p}: ${pp.error}`);
    wanted.set('values.' + formatPropertyPath(pp.path), p);
  }
  const ws = openWorkspace(io, stringFlag(parsed.args, 'root'));
  if (!ws.ok) return fail(io, ws.error);
  const loaded = ws.value.load(name);
  if (!loaded.ok) return fail(io, loaded.error);

  // Evaluate exactly the text that the patches will be applied to.
  const file = realpathSync(loaded.value.path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return fail(io, `cannot read ${displayPath(loaded.value.path, io.cwd)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const canonical = loaded.value.name.canonical;
  const target: WorkspaceDocument = { ...loaded.value, doc: loadYAML(canonical, text) };
  const environments = ws.value.loader(io.decrypter);
  const providers = io.providers('eval', ws.value.root);
  const host: EvaluationHost = { environments, providers: providers.loader };
  if (io.decrypter !== undefined) host.decrypter = io.decrypter;
  const documents = new Map<string, WorkspaceDocument>(environments.loaded);
  documents.set(canonical, target);
  if (hasErrors(target.doc.diagnostics)) {
    io.stderr.write(formatDiagnostics(locateDiagnostics(target.doc.diagnostics, documents, target, io.cwd), true));
    return fail(io, `environment ${canonical} does not load; nothing was rotated`);
  }
  const result = await rotateEnvironment(canonical, target.doc.decl, host, { rotatePaths: paths });
  const diagnostics = [...providers.diagnostics, ...target.doc.diagnostics, ...result.diagnostics];
  io.stderr.write(formatDiagnostics(locateDiagnostics(diagnostics, documents, target, io.cwd), true));

  let status = 0;
  for (const r of result.rotations) {
    const line = outcome(r);
    (r.status === 'succeeded' ? io.stdout : io.stderr).write(line + '\n');
    if (r.status !== 'succeeded') status = 1;
  }
  const rotated = new Set(result.rotations.map((r) => r.path));
  for (const [docPath, p] of wanted) {
    if (!rotated.has(docPath)) {
      printError(io, `no rotator at ${p} in ${canonical}`);
      status = 1;
    }
  }
  if (result.rotations.length === 0 && wanted.size === 0) {
    io.stdout.write(`${canonical} has no rotators\n`);
    return 0;
  }
  if (result.patches.length === 0) return status;

  const patched = applyValuePatches(text, result.patches);
  if (!patched.ok) return fail(io, `cannot write the new state into ${displayPath(loaded.value.path, io.cwd)}: ${patched.error}`);
  try {
    writeAtomically(file, patched.text);
  } catch (e) {
    return fail(io, `cannot write ${displayPath(loaded.value.path, io.cwd)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const n = result.patches.length;
  io.stdout.write(`wrote the new state of ${n} ${n === 1 ? 'rotator' : 'rotators'} to ${displayPath(loaded.value.path, io.cwd)}\n`);
  return status;
}

function outcome(r: RotationResult): string {
  switch (r.status) {
    case 'succeeded':
      return `rotated ${r.path}`;
    case 'failed':
      return `Error: ${r.path} was not rotated: ${r.diagnostics?.[0]?.summary ?? 'the rotator failed'}`;
    case 'not-evaluated':
      return `Error: ${r.path} was not rotated: its inputs or state could not be evaluated (see the diagnostics above)`;
  }
}

/** Replaces a file's contents through a temporary file in the same directory, keeping its mode. */
function writeAtomically(file: string, text: string): void {
  const mode = statSync(file).mode & 0o7777;
  const tmp = join(dirname(file), `.${basename(file)}.esc-local-${process.pid}.tmp`);
  writeFileSync(tmp, text, { mode, flag: 'wx' });
  try {
    renameSync(tmp, file);
  } catch (e) {
    // Leave no temporary copy of secrets behind.
    rmSync(tmp, { force: true });
    throw e;
  }
}
