// What every command does first: find the workspace root, resolve the environment named on the
// command line, and evaluate it with the workspace's loader, the mode's providers and the decrypter.

import {
  checkEnvironment,
  evalEnvironment,
  lintEnvironment,
  sortDiagnostics,
  type Diagnostic,
  type Environment,
  type EvaluationHost,
} from '../../../engine/src/index';
import { resolve } from 'node:path';
import { isFile } from '../host/files';
import { Workspace, type Resolution, type WorkspaceDocument } from '../host/workspace';
import { resolveWorkspaceRoot } from '../host/workspaceRoot';
import type { CliIO } from './io';
import type { ProviderMode } from './providerLoader';

/** An evaluated environment with everything needed to report on it. */
export interface Evaluated {
  readonly target: WorkspaceDocument;
  /** Load diagnostics of the target followed by evaluation diagnostics (imports included), sorted. */
  readonly diagnostics: Diagnostic[];
  /** Absent for documents without values or imports (and for documents that fail to decode). */
  readonly environment: Environment | undefined;
  /** Every document involved, by the name their ranges carry. */
  readonly documents: ReadonlyMap<string, WorkspaceDocument>;
}

/** Opens the workspace of a command (`--root`, `$ESC_LOCAL_ROOT`, `./environments`, `.`). */
export function openWorkspace(io: CliIO, rootFlag: string | undefined): Resolution<Workspace> {
  const r = resolveWorkspaceRoot(rootFlag === undefined ? { env: io.env, cwd: io.cwd } : { flag: rootFlag, env: io.env, cwd: io.cwd });
  if (!r.ok) return r;
  return { ok: true, value: new Workspace(r.root) };
}

/**
 * Loads the environment an argument names: a name under the root, or — when the argument ends in
 * `.yaml`/`.yml` and is an existing file — that standalone file.
 */
export function loadTarget(io: CliIO, ws: Workspace, arg: string): Resolution<WorkspaceDocument> {
  if (/\.ya?ml$/.test(arg)) {
    const path = resolve(io.cwd, arg);
    if (isFile(path)) return ws.loadFile(path);
  }
  return ws.load(arg);
}

/** Loads and evaluates an environment in Check or Eval mode. */
export async function evaluateEnvironment(io: CliIO, ws: Workspace, name: string, mode: ProviderMode): Promise<Resolution<Evaluated>> {
  const loaded = loadTarget(io, ws, name);
  if (!loaded.ok) return loaded;
  const target = loaded.value;
  const loader = ws.loader(io.decrypter);
  const providers = io.providers(mode, ws.root);
  const host: EvaluationHost = { environments: loader, providers: providers.loader };
  if (io.decrypter !== undefined) host.decrypter = io.decrypter;
  const decl = target.doc.decl;
  const result = mode === 'check' ? checkEnvironment(target.name.canonical, decl, host) : await evalEnvironment(target.name.canonical, decl, host);
  // The catalogue's lints (provider inputs, accesses into outputs, rotate-only data flow) read the checked model.
  const lints = mode === 'check' ? lintEnvironment(result.environment) : [];
  const documents = new Map<string, WorkspaceDocument>(loader.loaded);
  documents.set(target.name.canonical, target);
  return {
    ok: true,
    value: {
      target,
      diagnostics: sortDiagnostics([...providers.diagnostics, ...target.doc.diagnostics, ...result.diagnostics, ...lints]),
      environment: result.environment,
      documents,
    },
  };
}
