// Reads back the variables of `esc/open`'s `shell` format: lines `export NAME='value'`, where a `'`
// inside a value is written `'\''` and values may span lines. The server renders the format; this
// reads it exactly and refuses anything else, so the client never guesses at values. Pure: unit-tested
// in test/client/.

/** Returns the variables of a `shell` rendering in order, or undefined when the text is not one. */
export function parseShellExports(text: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  let i = 0;
  while (i < text.length) {
    const head = /^export ([A-Za-z_][A-Za-z0-9_]*)=/.exec(text.slice(i, i + 1024));
    if (head === null) return undefined;
    i += head[0].length;
    let value = '';
    // A value is one or more single-quoted pieces, joined by \' for each quote of the value.
    for (;;) {
      if (text[i] === "'") {
        const end = text.indexOf("'", i + 1);
        if (end < 0) return undefined;
        value += text.slice(i + 1, end);
        i = end + 1;
      } else if (text.startsWith("\\'", i)) {
        value += "'";
        i += 2;
      } else break;
    }
    if (text[i] !== '\n') return undefined;
    i++;
    out.push([head[1]!, value]);
  }
  return out;
}
