// Snippets from catalogue examples: the example YAML with each scalar value turned into a tab stop
// (LSP/TextMate snippet syntax), so completing `fn::open::aws-login` inserts a complete call to edit.

import { builtinKey, type CatalogueEntry } from './entry.js';

// `key: value` or `- value` lines; keys may be builtin keys (`fn::secret`), which contain colons.
const KEY_VALUE = /^(\s*(?:-\s+)?)((?:fn::[\w:.-]+)|[^\s:#'"][^:#]*?):(?:(\s+)(.*))?$/;
const LIST_ITEM = /^(\s*-\s+)(.+)$/;

/**
 * Returns the snippet of an entry: its example with values as tab stops. With `withKey` (completing
 * in a key position) it starts with the builtin key; without, it is the argument only (completing
 * after `fn::open::<name>:` was typed).
 */
export function entrySnippet(entry: CatalogueEntry, withKey = true): string {
  return withKey ? snippetFromExample(entry.example) : snippetFromExample(entry.example, builtinKey(entry));
}

/**
 * Turns example YAML into snippet text. Scalar values become `${n:value}`; block scalars, comments
 * and keys stay text. When `omitKey` is the first line's key, that line is dropped and the rest
 * dedented (for completing the value after an already typed key).
 */
export function snippetFromExample(example: string, omitKey?: string): string {
  let lines = example.split('\n');
  if (omitKey !== undefined && lines[0] === `${omitKey}:`) lines = dedent(lines.slice(1));
  let stop = 0;
  let blockIndent = -1;
  const out = lines.map((line) => {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) return escapeText(line);
    blockIndent = -1;
    const kv = KEY_VALUE.exec(line);
    if (kv) {
      const [, lead, key, space, val] = kv;
      if (val === undefined || val === '') return escapeText(line);
      if (/^[|>]/.test(val)) {
        blockIndent = indent;
        return escapeText(line);
      }
      return `${escapeText(lead! + key!)}:${space}\${${++stop}:${escapePlaceholder(val)}}`;
    }
    const item = LIST_ITEM.exec(line);
    if (item) return `${escapeText(item[1]!)}\${${++stop}:${escapePlaceholder(item[2]!)}}`;
    return escapeText(line);
  });
  return out.join('\n') + '\n$0';
}

function dedent(lines: string[]): string[] {
  const width = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(Math.min(width, l.length - l.trimStart().length)));
}

// Snippet syntax: outside placeholders `$` and `\` are escaped; inside them `}` too.
function escapeText(s: string): string {
  return s.replace(/[\\$]/g, '\\$&');
}

function escapePlaceholder(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}
