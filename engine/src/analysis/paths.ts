// Writing property paths the way ESC documents write them: `a.b[0]`, `imports.base.x`,
// `a["key with spaces"]` (the interpolation grammar of §4.3).

import type { PathStep } from './locate.js';

/** Formats a path as the inside of `${...}`: names where the grammar allows them, else `["key"]` subscripts. */
export function formatAccess(path: readonly PathStep[]): string {
  let out = '';
  path.forEach((step, i) => {
    if (typeof step === 'number') out += `[${step}]`;
    else if (isPlainName(step)) out += (i === 0 ? '' : '.') + step;
    else out += `["${step.replace(/"/g, '\\"')}"]`;
  });
  return out;
}

/** Formats one key as it follows a receiver in an access: `.name` or `["key"]`. */
export function accessorText(key: string): string {
  return isPlainName(key) ? `.${key}` : `["${key.replace(/"/g, '\\"')}"]`;
}

/**
 * Reports whether a key can be written as a bare name in an access. The grammar ends names at `.`,
 * `[`, `}` and white space; we also avoid quotes, `]` and `$`, which would read badly or be fragile.
 */
export function isPlainName(key: string): boolean {
  return key !== '' && !/[.\[\]{}\s"'$\\]/.test(key);
}
