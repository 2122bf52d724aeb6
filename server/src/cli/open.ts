// `esc-local open ENV [PROPERTY_PATH] [--format F]`: evaluates an environment and prints it.

import { parsePropertyPath, type PropertyPathElement } from '../../../engine/src/index';
import { parseArgs, stringFlag } from './args';
import { renderEnviron, type EnvironFormat } from './formats/environFormats';
import { renderValue, type ValueFormat } from './formats/valueFormats';
import type { CliIO } from './io';
import { invalidProjection, projectEnvironment, type ProjectedEntry } from './projection';
import { fail, reportEvaluation } from './report';
import { evaluateEnvironment, openWorkspace } from './session';
import { PrivateFiles, removeOnExit } from './tempFiles';
import { selectPath, syntheticValue } from './values';

const VALUE_FORMATS: readonly string[] = ['json', 'yaml', 'detailed', 'string'];
const ENVIRON_FORMATS: readonly string[] = ['dotenv', 'shell'];

/** Usage of the command. */
export const OPEN_USAGE = 'esc-local open ENV [PROPERTY_PATH] [--format json|yaml|detailed|string|dotenv|shell] [--root DIR]';

/** Runs `open`; returns the exit status. */
export async function openCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, [
    { name: 'format', short: 'f', takesValue: true },
    { name: 'root', takesValue: true },
  ]);
  if (!parsed.ok) return fail(io, parsed.error);
  const { positionals } = parsed.args;
  if (positionals.length === 0) return fail(io, 'no environment specified');
  if (positionals.length > 2) return fail(io, `accepts at most 2 arg(s), received ${positionals.length}`);
  const format = stringFlag(parsed.args, 'format') ?? 'json';
  if (!VALUE_FORMATS.includes(format) && !ENVIRON_FORMATS.includes(format)) return fail(io, `unknown output format ${JSON.stringify(format)}`);
  const pathText = positionals[1];
  let path: PropertyPathElement[] = [];
  if (pathText !== undefined) {
    if (ENVIRON_FORMATS.includes(format)) return fail(io, `output format '${format}' may not be used with a property path`);
    const p = parsePropertyPath(pathText);
    if (!p.ok) return fail(io, `invalid property path ${pathText}: ${p.error}`);
    path = p.path;
  }
  const ws = openWorkspace(io, stringFlag(parsed.args, 'root'));
  if (!ws.ok) return fail(io, ws.error);
  const ev = await evaluateEnvironment(io, ws.value, positionals[0]!, 'eval');
  if (!ev.ok) return fail(io, ev.error);
  if (!reportEvaluation(io, ev.value)) return 1;
  const env = ev.value.environment;
  // Like the reference, an environment without values or imports prints nothing.
  if (env === undefined) return 0;
  if (ENVIRON_FORMATS.includes(format)) return printEnviron(io, env.properties, format as EnvironFormat);
  const rendered = renderValue(selectPath(syntheticValue(env.properties ?? new Map()), path), format as ValueFormat);
  if (!rendered.ok) return fail(io, rendered.error);
  io.stdout.write(rendered.text);
  return 0;
}

function printEnviron(io: CliIO, properties: Parameters<typeof projectEnvironment>[0], format: EnvironFormat): number {
  const projection = projectEnvironment(properties);
  const invalid = invalidProjection(projection);
  if (invalid !== undefined) return fail(io, invalid);
  // Check that everything renders before any file is written, so that a failure leaves nothing behind.
  const placeholder = renderEnviron([...projection.variables, ...projection.files.map((f) => ({ ...f, value: '', secret: false }))], format);
  if (!placeholder.ok) return fail(io, placeholder.error);
  let fileEntries: ProjectedEntry[] = [];
  let files: PrivateFiles | undefined;
  if (projection.files.length > 0) {
    files = PrivateFiles.create(io.tmpdir);
    const release = removeOnExit(io, files);
    try {
      fileEntries = projection.files.map((f) => ({ key: f.key, value: files!.write(f.key, f.value), secret: false }));
    } catch (e) {
      files.remove();
      release();
      return fail(io, `creating temporary files: ${(e as Error).message}`);
    }
    // The files outlive the command on purpose: the printed variables point at them.
    release();
  }
  const rendered = renderEnviron([...projection.variables, ...fileEntries], format);
  if (!rendered.ok) {
    files?.remove();
    return fail(io, rendered.error);
  }
  io.stdout.write(rendered.text);
  if (files !== undefined) {
    io.stderr.write(`note: the files of this environment were written to ${files.dir} (readable only by you); delete it when done\n`);
  }
  return 0;
}
