// Locating positions by substring, never by hand-counted columns.

/** Returns the 1-based line and code-point column of the first occurrence of `marker` in `text`. */
export function positionOf(text: string, marker: string): { line: number; column: number } {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker ${JSON.stringify(marker)} not found`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, column: [...text.slice(lineStart, at)].length + 1 };
}
