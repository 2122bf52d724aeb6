// Glob patterns of file settings (`**/*.esc.yaml`): `**` any directories, `*` any characters but
// `/`, `?` one such character, `{a,b}` alternatives. Matched against `/`-separated paths.

const cache = new Map<string, RegExp>();

/** Reports whether `path` (with `/` separators) matches `pattern`; patterns without `/` match the file name anywhere. */
export function matchesGlob(pattern: string, path: string): boolean {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = compile(pattern.includes('/') ? pattern : `**/${pattern}`);
    cache.set(pattern, re);
  }
  return re.test(path);
}

function compile(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more directories.
      if (pattern[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        out += '(?:' + pattern.slice(i + 1, end).split(',').map(escape).join('|') + ')';
        i = end;
      }
    } else out += escape(c);
  }
  return new RegExp(`(?:^|/)${out}$`);
}

function escape(s: string): string {
  return s.replace(/[.+^$()|[\]\\]/g, '\\$&');
}
