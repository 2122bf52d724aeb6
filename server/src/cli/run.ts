// `esc-local run ENV [-i] [--] CMD [ARGS...]`: runs a command with an environment (spec §13.3).
// The command is resolved first, then the environment is opened; its variables and the paths of its
// files (in a private directory, removed when the command ends, is interrupted or cannot start) are
// added to the child's environment; `${path}` in arguments is interpolated; the child's exit status
// becomes ours and termination signals are forwarded to it. Unless `-i`, secrets are redacted from
// the child's stdout and stderr.

import { spawn, type ChildProcess } from 'node:child_process';
import { Transform, type Readable, type Writable } from 'node:stream';
import { parseArgs, stringFlag } from './args';
import { interpolateArgument } from './argInterpolation';
import { resolveCommand } from './commandPath';
import type { CliIO, CliSignal } from './io';
import { invalidProjection, projectEnvironment } from './projection';
import { Redactor } from './redact';
import { fail, reportEvaluation } from './report';
import { collectSecrets, redactionPatterns } from './secrets';
import { evaluateEnvironment, openWorkspace } from './session';
import { PrivateFiles, signalExitStatus } from './tempFiles';

/** Usage of the command. */
export const RUN_USAGE = 'esc-local run ENV [-i] [--root DIR] [--] CMD [ARGS...]';

/** Variables that tell the child which environment it runs with. */
export const ENVIRONMENT_VARIABLES = {
  environment: 'PULUMI_ESC_ENVIRONMENT',
  project: 'PULUMI_ESC_PROJECT',
  name: 'PULUMI_ESC_ENVIRONMENT_NAME',
} as const;

const FORWARDED: readonly CliSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs `run`; returns the exit status. */
export async function runCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(
    argv,
    [
      { name: 'interactive', short: 'i', takesValue: false },
      { name: 'root', takesValue: true },
    ],
    1,
  );
  if (!parsed.ok) return fail(io, parsed.error);
  const { positionals, rest } = parsed.args;
  if (positionals.length === 0) return fail(io, 'no environment specified');
  if (rest.length === 0) return fail(io, 'no command specified');
  const command = resolveCommand(rest[0]!, io.env['PATH'], io.cwd);
  if (!command.ok) return fail(io, command.error, command.status);

  const ws = openWorkspace(io, stringFlag(parsed.args, 'root'));
  if (!ws.ok) return fail(io, ws.error);
  const ev = await evaluateEnvironment(io, ws.value, positionals[0]!, 'eval');
  if (!ev.ok) return fail(io, ev.error);
  if (!reportEvaluation(io, ev.value)) return 1;
  const properties = ev.value.environment?.properties ?? new Map();
  const projection = projectEnvironment(properties);
  const invalid = invalidProjection(projection);
  if (invalid !== undefined) return fail(io, invalid);

  const secrets = new Set<string>();
  collectSecrets(properties, secrets);
  const args = rest.slice(1).map((a) => interpolateArgument(a, properties, secrets));
  const name = ev.value.target.name;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(io.env)) if (v !== undefined) env[k] = v;
  env[ENVIRONMENT_VARIABLES.environment] = name.qualified;
  env[ENVIRONMENT_VARIABLES.project] = name.project;
  env[ENVIRONMENT_VARIABLES.name] = name.env;
  for (const v of projection.variables) {
    env[v.key] = v.value;
    if (v.secret) secrets.add(v.value);
  }

  const files = projection.files.length > 0 ? PrivateFiles.create(io.tmpdir) : undefined;
  const cleanups: Array<() => void> = [];
  const cleanup = () => {
    cleanups.splice(0).forEach((c) => c());
    files?.remove();
  };
  if (files !== undefined) cleanups.push(io.onExit(() => files.remove()));
  let child: ChildProcess | undefined;
  // Termination signals go to the child once it runs (it decides when to stop, and we follow);
  // before that they end us, without leaving files behind.
  for (const s of FORWARDED) {
    cleanups.push(
      io.onSignal(s, () => {
        if (child !== undefined) child.kill(s);
        else {
          cleanup();
          io.exit(signalExitStatus(s));
        }
      }),
    );
  }
  try {
    for (const f of projection.files) {
      env[f.key] = files!.write(f.key, f.value);
      if (f.secret) secrets.add(f.value);
    }
  } catch (e) {
    cleanup();
    return fail(io, `creating temporary files: ${(e as Error).message}`);
  }

  const redact = parsed.args.flags.get('interactive') !== true;
  const patterns = redact ? redactionPatterns(secrets) : [];
  const pipeOut = !io.inheritStdio || patterns.length > 0;
  try {
    child = spawn(command.path, args, {
      argv0: rest[0]!,
      cwd: io.cwd,
      env,
      stdio: [io.inheritStdio ? 'inherit' : 'ignore', pipeOut ? 'pipe' : 'inherit', pipeOut ? 'pipe' : 'inherit'],
    });
  } catch (e) {
    cleanup();
    return fail(io, `starting ${rest[0]}: ${(e as Error).message}`, 126);
  }
  const started = child;
  const copies = pipeOut ? [copy(started.stdout!, io.stdout, patterns), copy(started.stderr!, io.stderr, patterns)] : [];
  const outcome = await new Promise<{ error: NodeJS.ErrnoException } | { code: number | null; signal: NodeJS.Signals | null }>((done) => {
    started.once('error', (error) => done({ error }));
    started.once('close', (code, signal) => done({ code, signal }));
  });
  if ('error' in outcome) {
    cleanup();
    return fail(io, `starting ${rest[0]}: ${outcome.error.message}`, outcome.error.code === 'ENOENT' ? 127 : 126);
  }
  await Promise.all(copies);
  cleanup();
  if (outcome.signal !== null) return fail(io, `command ${rest[0]} was killed by signal ${outcome.signal}`, signalExitStatus(outcome.signal));
  return outcome.code ?? 1;
}

/** Copies a child's output to ours, redacting `patterns` when there are any; resolves when done. */
function copy(from: Readable, to: Writable, patterns: readonly string[]): Promise<void> {
  let source: Readable = from;
  if (patterns.length > 0) {
    const r = new Redactor(patterns);
    source = from.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          const out = r.write(chunk);
          callback(null, out.length > 0 ? out : undefined);
        },
        flush(callback) {
          const out = r.flush();
          callback(null, out.length > 0 ? out : undefined);
        },
      }),
    );
  }
  source.pipe(to, { end: false });
  return new Promise((done) => source.once('end', done));
}
