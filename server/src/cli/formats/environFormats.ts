// Formats of `open` that print variables: `shell` (for `eval`) and `dotenv` (for .env files).
// Both are deliberately safer than the reference, which Go-quotes values in double quotes so that
// `eval "$(esc open … --format shell)"` runs `$(…)` and backticks found inside a secret.
//
// shell: `export KEY='value'`, single-quoted, each `'` written as `'\''`. Nothing inside single
// quotes is special to a POSIX shell, so every value (newlines and non-ASCII included) comes back
// exactly. Keys must be shell names.
//
// dotenv: `KEY='value'` when the value has no `'` and no carriage return: dotenv parsers (npm dotenv,
// godotenv, Ruby dotenv, docker compose) take single-quoted text verbatim, expand nothing in it, and
// allow newlines in it. Otherwise `KEY="value"` with `\\`, `\"`, `\n`, `\r` and `\$` escaped, the
// escapes the double-quoting parsers share (npm dotenv decodes only `\n` and `\r` there).

import type { ProjectedEntry } from '../projection';

/** The formats that print variables. */
export type EnvironFormat = 'shell' | 'dotenv';

export type EnvironResult = { ok: true; text: string } | { ok: false; error: string };

const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOTENV_NAME = /^[A-Za-z0-9_.-]+$/;

/** Renders variables (and the paths of files, as variables) in the shell or dotenv format. */
export function renderEnviron(entries: readonly ProjectedEntry[], format: EnvironFormat): EnvironResult {
  const lines: string[] = [];
  for (const e of entries) {
    const nameOk = format === 'shell' ? SHELL_NAME.test(e.key) : DOTENV_NAME.test(e.key);
    if (!nameOk) {
      return { ok: false, error: `environment variable name ${JSON.stringify(e.key)} cannot be written in the ${format} format` };
    }
    if (e.value.includes('\0')) return { ok: false, error: `the value of environment variable ${e.key} contains a NUL character` };
    lines.push(format === 'shell' ? `export ${e.key}=${shellQuote(e.value)}\n` : `${e.key}=${dotenvQuote(e.value)}\n`);
  }
  return { ok: true, text: lines.join('') };
}

/** Quotes a string for a POSIX shell: single quotes, `'` as `'\''`. */
export function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** Quotes a string for a dotenv file (see the header). */
export function dotenvQuote(s: string): string {
  if (!s.includes("'") && !s.includes('\r')) return `'${s}'`;
  const escaped = s.replace(/[\\"\n\r$]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\' + c));
  return `"${escaped}"`;
}
