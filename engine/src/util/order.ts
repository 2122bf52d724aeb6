// Orderings shared by the engine. ESC sorts keys by Go string comparison, i.e. UTF-8 byte order,
// which equals code point order but not JavaScript's UTF-16 code unit order.

/** Compares two strings by code point (UTF-8 byte) order. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates encode code points above U+FFFF, which sort after every BMP code point in
      // UTF-8 order; UTF-16 comparison would put them before U+E000..U+FFFF.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Returns the keys of a map sorted by code point order. */
export function sortedKeys<T>(m: ReadonlyMap<string, T>): string[] {
  return [...m.keys()].sort(compareCodePoints);
}
