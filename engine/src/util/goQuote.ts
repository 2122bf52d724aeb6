// Go's strconv.Quote and strconv.QuoteRune (also fmt's %q), spec §12.7. ESC uses them in messages
// (`unknown property %q`), in toString of arrays and objects, and in dotenv/shell output.

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Quotes a string like Go's strconv.Quote: `"…"` with Go escapes for non-printable runes. */
export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    out += escapeRune(cp, 0x22);
  }
  return out + '"';
}

/** Quotes one code point like Go's strconv.QuoteRune (and `%q` of an integer): `'x'`. */
export function goQuoteRune(cp: number): string {
  return "'" + escapeRune(cp, 0x27) + "'";
}

/** Reports whether Go's unicode.IsPrint holds: letters, marks, numbers, punctuation, symbols, ASCII space. */
export function isGoPrintable(cp: number): boolean {
  if (cp < 0x100) return (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa1 && cp !== 0xad);
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

const SHORT: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

function escapeRune(cp: number, quote: number): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCharCode(cp);
  if (isGoPrintable(cp)) return String.fromCodePoint(cp);
  const short = SHORT[cp];
  if (short !== undefined) return short;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  // A lone surrogate cannot come from UTF-8 text; Go writes invalid runes as U+FFFD.
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}
