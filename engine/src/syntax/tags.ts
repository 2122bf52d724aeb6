// Tag properties: from the text written (`!!str`, `!custom`, `!e!x`, `!<verbatim>`) to yaml.v3's
// short tag, with %TAG directive handles.

import { shortTag } from './scalars.js';
import { LIBYAML } from './yamlProblems.js';

/** The resolved short tag (undefined for the non-specific tag `!`), or a libyaml problem. */
export interface TagResolution {
  tag?: string;
  problem?: string;
}

/** Resolves a tag token's source against the document's tag handles (`!` and `!!` by default). */
export function resolveTag(source: string, handles: ReadonlyMap<string, string>): TagResolution {
  if (source === '!') return {};
  if (source.startsWith('!<')) return { tag: shortTag(uriDecode(source.slice(2, source.endsWith('>') ? -1 : undefined))) };
  const second = source.indexOf('!', 1);
  const handle = second < 0 ? '!' : source.slice(0, second + 1);
  const suffix = second < 0 ? source.slice(1) : source.slice(second + 1);
  const prefix = handles.get(handle);
  if (prefix === undefined) return { tag: source, problem: LIBYAML.undefinedTagHandle };
  return { tag: shortTag(prefix + uriDecode(suffix)) };
}

function uriDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    // libyaml rejects malformed escapes while scanning; keep the text as written.
    return s;
  }
}
