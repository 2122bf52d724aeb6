// Monospace display width of strings, approximating github.com/rivo/uniseg v0.4.7 `StringWidth`,
// which the reference evaluator uses for the columns of interpolation sub-ranges. Only the
// Go-compatible projection needs it; editor-facing ranges never do.
//
// uniseg sums, per extended grapheme cluster, the widths of its code points (Control, Extend and
// ZWJ count 0; East-Asian Wide/Fullwidth 2; others 1), except that a cluster starting with an
// Extended_Pictographic code point is 2 wide when it has Emoji_Presentation (1 otherwise, and
// VS15/VS16 force 1/2), and a regional-indicator pair is 2 wide.

/** Returns the display width of `s` (uniseg `StringWidth` semantics). */
export function displayWidth(s: string): number {
  if (isPrintableAscii(s)) return s.length;
  let total = 0;
  for (const { segment } of graphemeSegmenter().segment(s)) total += clusterWidth(segment);
  return total;
}

/** Returns the display width of one extended grapheme cluster. */
export function clusterWidth(cluster: string): number {
  const first = cluster.codePointAt(0);
  if (first === undefined) return 0;
  if (isRegionalIndicator(first)) return 2;
  if (PICTOGRAPHIC.test(String.fromCodePoint(first))) {
    let width = EMOJI_PRESENTATION.test(String.fromCodePoint(first)) ? 2 : 1;
    for (const ch of cluster.slice(first > 0xffff ? 2 : 1)) {
      const c = ch.codePointAt(0)!;
      if (c === 0xfe0e) width = 1;
      else if (c === 0xfe0f) width = 2;
    }
    return width;
  }
  let width = codePointWidth(first);
  // A cluster starting with a Hangul leading consonant is as wide as that consonant.
  if (first >= 0x1100 && first <= 0x115f) return width;
  for (const ch of cluster.slice(first > 0xffff ? 2 : 1)) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}

/** Returns the width uniseg gives one code point outside emoji clusters. */
export function codePointWidth(c: number): number {
  if (c < 0x7f) return c >= 0x20 ? 1 : 0;
  if (c < 0xa0) return 0;
  if (c === 0x2e3a) return 3;
  if (c === 0x2e3b) return 4;
  const ch = String.fromCodePoint(c);
  if (ZERO_WIDTH.test(ch)) return 0;
  if (isRegionalIndicator(c)) return 2;
  return isWide(c) ? 2 : 1;
}

/** Reports whether a code point is East-Asian Wide or Fullwidth (Unicode 15 EastAsianWidth.txt, W and F). */
export function isWide(c: number): boolean {
  if (c < 0x1100) return false;
  let lo = 0;
  let hi = WIDE.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < WIDE[2 * mid]!) hi = mid - 1;
    else if (c > WIDE[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

let segmenter: Intl.Segmenter | undefined;

function graphemeSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f) return false;
  }
  return true;
}

function isRegionalIndicator(c: number): boolean {
  return c >= 0x1f1e6 && c <= 0x1f1ff;
}

// Grapheme_Cluster_Break Control, Extend and ZWJ, approximated by general categories (Cc, Cf, Zl,
// Zp, Mn, Me) plus the emoji modifiers, which are Extend.
const ZERO_WIDTH = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Mn}\p{Me}\u{1F3FB}-\u{1F3FF}]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;

// East-Asian Wide (W) and Fullwidth (F) ranges, inclusive pairs, sorted.
// prettier-ignore
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3,
  0x25fd, 0x25fe, 0x2614, 0x2615, 0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1,
  0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea,
  0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b,
  0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
  0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x2e99,
  0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x2ff0, 0x2ffb, 0x3000, 0x303e, 0x3041, 0x3096, 0x3099, 0x30ff,
  0x3105, 0x312f, 0x3131, 0x318e, 0x3190, 0x31e3, 0x31f0, 0x321e, 0x3220, 0x3247, 0x3250, 0x4dbf,
  0x4e00, 0xa48c, 0xa490, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19,
  0xfe30, 0xfe52, 0xfe54, 0xfe66, 0xfe68, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6,
  0x16fe0, 0x16fe4, 0x16ff0, 0x16ff1, 0x17000, 0x187f7, 0x18800, 0x18cd5, 0x18d00, 0x18d08,
  0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b000, 0x1b122, 0x1b132, 0x1b132,
  0x1b150, 0x1b152, 0x1b155, 0x1b155, 0x1b164, 0x1b167, 0x1b170, 0x1b2fb, 0x1f004, 0x1f004,
  0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f200, 0x1f202, 0x1f210, 0x1f23b,
  0x1f240, 0x1f248, 0x1f250, 0x1f251, 0x1f260, 0x1f265, 0x1f300, 0x1f320, 0x1f32d, 0x1f335,
  0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0,
  0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d,
  0x1f54b, 0x1f54e, 0x1f550, 0x1f567, 0x1f57a, 0x1f57a, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4,
  0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6d7,
  0x1f6dc, 0x1f6df, 0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7eb, 0x1f7f0, 0x1f7f0,
  0x1f90c, 0x1f93a, 0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1fa7c, 0x1fa80, 0x1fa88,
  0x1fa90, 0x1fabd, 0x1fabf, 0x1fac5, 0x1face, 0x1fadb, 0x1fae0, 0x1fae8, 0x1faf0, 0x1faf8,
  0x20000, 0x2fffd, 0x30000, 0x3fffd,
];
