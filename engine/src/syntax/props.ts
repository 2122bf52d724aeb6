// Node properties and separators in the `yaml` package's CST: the tokens before a key, after a
// `:` or after a `-` (indicators, anchors, tags, comments, spaces and line breaks).

import type { CST } from 'yaml';

/** What a run of CST source tokens contains. */
export interface Props {
  /** The indicator looked for (`?`, `:`, `-` or `---`), if present. */
  found?: CST.SourceToken;
  /** A comma (flow collections only), and a second one (an empty entry between them). */
  comma?: CST.SourceToken;
  extraComma?: CST.SourceToken;
  anchor?: CST.SourceToken;
  tag?: CST.SourceToken;
  /** A second anchor or tag: libyaml does not accept it. */
  duplicate?: CST.SourceToken;
  /** The first token that does not belong here. */
  unexpected?: CST.Token;
  /** A tab used as indentation (block context). */
  tab?: CST.SourceToken;
  /** Offset of the first property (anchor or tag), or -1. */
  start: number;
  /** Offset of the end of the last property, or -1. */
  propsEnd: number;
  /** Offset just past the last token, or the given default when there are none. */
  end: number;
  /** Whether a line break occurs anywhere, and after the last property. */
  hasNewline: boolean;
  newlineAfterProp: boolean;
}

/** An empty set of properties located at `offset`. */
export function noProps(offset: number): Props {
  return { start: -1, propsEnd: -1, end: offset, hasNewline: false, newlineAfterProp: false };
}

/**
 * Scans `tokens` for the indicator of type `indicator` and for properties. `flow` allows commas
 * and makes tabs ordinary white space; `atLineStart` says whether the run begins a line.
 */
export function scanProps(tokens: readonly CST.Token[] | undefined, indicator: string, offset: number, flow: boolean, atLineStart: boolean): Props {
  const p = noProps(offset);
  if (tokens === undefined) return p;
  let atNewline = atLineStart;
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        if (!flow && atNewline && t.source.includes('\t') && p.tab === undefined) p.tab = t;
        break;
      case 'comment':
        atNewline = false;
        break;
      case 'newline':
        atNewline = true;
        p.hasNewline = true;
        if (p.anchor !== undefined || p.tag !== undefined) p.newlineAfterProp = true;
        break;
      case 'anchor':
      case 'tag':
        if (t.type === 'anchor' ? p.anchor !== undefined : p.tag !== undefined) p.duplicate ??= t;
        else if (t.type === 'anchor') p.anchor = t;
        else p.tag = t;
        if (p.start < 0) p.start = t.offset;
        p.propsEnd = t.offset + t.source.length;
        p.newlineAfterProp = false;
        atNewline = false;
        break;
      case 'comma':
        if (flow && p.comma === undefined && p.found === undefined && p.start < 0) p.comma = t;
        else if (flow && p.found === undefined && p.start < 0) p.extraComma ??= t;
        else p.unexpected ??= t;
        atNewline = false;
        break;
      default:
        if (t.type === indicator && p.found === undefined && p.start < 0) {
          p.found = t as CST.SourceToken;
          // After `-` or `?` a new (compact) node may start, as at a line start.
          atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
        } else {
          p.unexpected ??= t;
          atNewline = false;
        }
    }
  }
  const last = tokens[tokens.length - 1];
  if (last !== undefined) p.end = last.offset + ('source' in last && typeof last.source === 'string' ? last.source.length : 0);
  return p;
}
