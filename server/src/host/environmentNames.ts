// Environment names of the workspace root convention. `project/env` is the file
// `ROOT/project/env.yaml` (or `.yml`), a one-part `env` is `ROOT/default/env.yaml`, and
// `org/project/env` ignores the org. Names are checked here, before any file is touched, so a name
// can never reach outside the root by its spelling (`..`, absolute paths, empty segments); symlinks
// are checked where files are opened (workspace.ts).

/** The project of one-part environment names. */
export const DEFAULT_PROJECT = 'default';

/** A parsed environment name. */
export interface EnvironmentName {
  readonly project: string;
  readonly env: string;
  /**
   * The name the engine sees (ranges, execution context): `env` in the default project, else
   * `project/env`. This matches the reference, which names `default/test` as `test`.
   */
  readonly canonical: string;
  /** `project/env`, always with the project. */
  readonly qualified: string;
}

export type EnvironmentNameResult = { ok: true; name: EnvironmentName } | { ok: false; error: string };

// The characters Pulumi ESC allows in project and environment names.
const SEGMENT = /^[A-Za-z0-9_.-]+$/;

/** Parses an environment reference `[org/][project/]env`; versions (`@v`) are rejected with a clear error. */
export function parseEnvironmentName(text: string): EnvironmentNameResult {
  const fail = (why: string): EnvironmentNameResult => ({ ok: false, error: `invalid environment name ${JSON.stringify(text)}: ${why}` });
  if (text === '') return fail('the name is empty');
  const at = text.indexOf('@');
  if (at >= 0) {
    // Files have no revisions, drafts or tags; saying so beats "not found".
    return {
      ok: false,
      error: `environment versions are not available locally: ${JSON.stringify(text)} (files have no revisions or tags; use ${JSON.stringify(text.slice(0, at))})`,
    };
  }
  if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text)) return fail('absolute paths are not environment names');
  const parts = text.split('/');
  for (const p of parts) {
    if (p === '') return fail('empty name segment');
    if (p === '.' || p === '..') return fail(`"${p}" may not be used as a name segment`);
    if (!SEGMENT.test(p)) return fail('names may only contain letters, digits, "-", "_" and "."');
  }
  if (parts.length > 3) return fail('expected [org/][project/]env');
  const env = parts[parts.length - 1]!;
  const project = parts.length >= 2 ? parts[parts.length - 2]! : DEFAULT_PROJECT;
  const canonical = project === DEFAULT_PROJECT ? env : `${project}/${env}`;
  return { ok: true, name: { project, env, canonical, qualified: `${project}/${env}` } };
}

/** Returns the relative file paths an environment may live in, in order of preference. */
export function candidateFiles(name: EnvironmentName): string[] {
  return [`${name.project}/${name.env}.yaml`, `${name.project}/${name.env}.yml`];
}
