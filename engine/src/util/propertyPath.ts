// Pulumi property paths (spec §13.8): the `path` argument of `esc open`, rotate paths and the
// DocPath of rotation patches, e.g. `values.full["fn::rotate"].state` or `a.b[0]`. Parsing follows
// Pulumi's resource.ParsePropertyPath, including its error texts.

import { parseGoInt } from './goStrconv.js';

/** One step of a property path: a key or an array index. */
export type PropertyPathElement = string | number;

/** The parsed path, or Pulumi's error text. */
export type PropertyPathResult = { ok: true; path: PropertyPathElement[] } | { ok: false; error: string };

/** Parses a property path like Pulumi's ParsePropertyPath. */
export function parsePropertyPath(text: string): PropertyPathResult {
  const path: PropertyPathElement[] = [];
  const fail = (error: string): PropertyPathResult => ({ ok: false, error });
  if (text.startsWith('.')) return fail('expected property path to start with a name or index');
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (i + 1 === text.length) return fail('expected property path to end with a name or index');
      // A `.` before `[` is tolerated (old Pulumi CLIs wrote `a.[0]`).
      i++;
    } else if (c === '[') {
      if (text[i + 1] === '"') {
        let key = '';
        let j = i + 2;
        for (;;) {
          if (j >= text.length) return fail('missing closing quote in property name');
          if (text[j] === '"') {
            j++;
            break;
          }
          if (text[j] === '\\' && text[j + 1] === '"') {
            key += '"';
            j += 2;
          } else key += text[j++];
        }
        if (text[j] !== ']') return fail('missing closing bracket in property access');
        path.push(key);
        i = j + 1;
      } else {
        const close = text.indexOf(']', i);
        if (close < 0) return fail('missing closing bracket in array index');
        const segment = text.slice(i + 1, close);
        if (segment === '*') path.push('*');
        else {
          const n = parseGoInt(segment, 0);
          if (!n.ok) return fail(`invalid array index: ${n.error}`);
          path.push(Number(n.value));
        }
        i = close + 1;
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
      path.push(text.slice(i, j));
      i = j;
    }
  }
  return { ok: true, path };
}

/** Formats a path: simple keys bare (`a.b`), other keys as `["…"]` with `"` escaped, indices as `[n]`. */
export function formatPropertyPath(path: readonly PropertyPathElement[]): string {
  let out = '';
  for (const e of path) {
    if (typeof e === 'number') out += `[${e}]`;
    else if (/^[A-Za-z0-9_]+$/.test(e)) out += (out === '' ? '' : '.') + e;
    // The empty key is written `[""]` so that the text parses back (a bare empty name cannot).
    else out += `["${e.replace(/"/g, '\\"')}"]`;
  }
  return out;
}
