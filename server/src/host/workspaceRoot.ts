// Where environments live: `--root DIR`, else `$ESC_LOCAL_ROOT`, else `./environments` when it
// exists, else the current directory.

import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDirectory } from './files';

/** Inputs of root resolution (explicit so that tests and the language server can pass their own). */
export interface RootOptions {
  /** The `--root` flag, if given. */
  readonly flag?: string;
  /** The process environment (only `ESC_LOCAL_ROOT` is read). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export type RootResult = { ok: true; root: string; origin: 'flag' | 'env' | 'environments' | 'cwd' } | { ok: false; error: string };

/** Resolves the workspace root; an explicitly named root must be an existing directory. */
export function resolveWorkspaceRoot(o: RootOptions): RootResult {
  if (o.flag !== undefined) return explicit(resolve(o.cwd, o.flag), o.flag, '--root', 'flag');
  const fromEnv = o.env['ESC_LOCAL_ROOT'];
  if (fromEnv !== undefined && fromEnv !== '') return explicit(resolve(o.cwd, fromEnv), fromEnv, '$ESC_LOCAL_ROOT', 'env');
  const conventional = join(o.cwd, 'environments');
  if (isDirectory(conventional)) return { ok: true, root: conventional, origin: 'environments' };
  return { ok: true, root: resolve(o.cwd), origin: 'cwd' };
}

function explicit(abs: string, given: string, via: string, origin: 'flag' | 'env'): RootResult {
  try {
    if (statSync(abs).isDirectory()) return { ok: true, root: abs, origin };
    return { ok: false, error: `workspace root ${JSON.stringify(given)} (from ${via}) is not a directory` };
  } catch {
    return { ok: false, error: `workspace root ${JSON.stringify(given)} (from ${via}) does not exist` };
  }
}
