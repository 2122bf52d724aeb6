// Cursor markers for feature tests: `‸` (U+2038) marks a position in fixture text. It is not legal
// ESC or YAML syntax that matters here, unlike `|` (a block scalar) or `$0` (next to `${`).

/** The cursor marker. */
export const CURSOR = '‸';

/** Removes the single cursor marker of `text` and returns the text and the marker's UTF-16 offset. */
export function cursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf(CURSOR);
  if (offset < 0 || text.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`expected exactly one ${CURSOR} in fixture:\n${text}`);
  return { text: text.slice(0, offset) + text.slice(offset + CURSOR.length), offset };
}

/** Returns the UTF-16 offset of the `n`th (0-based) occurrence of `needle` in `text`, failing loudly when absent. */
export function offsetOf(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} (occurrence ${n}) not found`);
  }
  return at;
}
