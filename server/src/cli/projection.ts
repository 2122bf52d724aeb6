// The projections of an opened environment onto a process (spec §13.1): `environmentVariables` and
// `files` entries whose values are scalars (unknowns included, as `[unknown]`) become variables and
// files; arrays and objects are skipped, as the reference does.

import { compareCodePoints, valueToString, type Value } from '../../../engine/src/index';

/** One projected entry: a variable name and its string value. */
export interface ProjectedEntry {
  readonly key: string;
  readonly value: string;
  readonly secret: boolean;
}

/** The variables and files of an environment, each sorted by key (code point order). */
export interface Projection {
  readonly variables: ProjectedEntry[];
  readonly files: ProjectedEntry[];
}

/** Projects the evaluated top-level properties onto variables and files. */
export function projectEnvironment(properties: ReadonlyMap<string, Value> | undefined): Projection {
  return { variables: entries(properties?.get('environmentVariables')), files: entries(properties?.get('files')) };
}

function entries(v: Value | undefined): ProjectedEntry[] {
  if (v === undefined || !(v.value instanceof Map)) return [];
  const out: ProjectedEntry[] = [];
  for (const key of [...v.value.keys()].sort(compareCodePoints)) {
    const e = v.value.get(key)!;
    if (!e.unknown && (Array.isArray(e.value) || e.value instanceof Map)) continue;
    out.push({ key, value: valueToString(e, false), secret: e.secret === true });
  }
  return out;
}

/** Returns why `key` cannot name an environment variable of a process, if it cannot. */
export function invalidVariableName(key: string): string | undefined {
  if (key === '') return 'environment variable names must not be empty';
  if (key.includes('=')) return `environment variable name ${JSON.stringify(key)} contains "="`;
  if (key.includes('\0')) return `environment variable name ${JSON.stringify(key)} contains a NUL character`;
  return undefined;
}

/** Returns why some variable or file of a projection cannot be passed to a process, if one cannot. */
export function invalidProjection(projection: Projection): string | undefined {
  for (const e of projection.variables) {
    const bad = invalidEntry(e, 'variable');
    if (bad !== undefined) return bad;
  }
  for (const e of projection.files) {
    const bad = invalidEntry(e, 'file');
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** Returns why `entry` cannot be passed to a process (bad name, or a NUL in the value), if it cannot. */
export function invalidEntry(entry: ProjectedEntry, what: 'variable' | 'file'): string | undefined {
  const bad = invalidVariableName(entry.key);
  if (bad !== undefined) return bad;
  if (what === 'variable' && entry.value.includes('\0')) return `the value of environment variable ${entry.key} contains a NUL character`;
  return undefined;
}
