// Character classes of Go's RE2 syntax: the POSIX and Perl classes (ASCII only in RE2) and the
// Unicode class names of `\pN` / `\p{Name}`, mapped to JavaScript property names.

/** POSIX classes (`[[:alpha:]]`), ASCII only as in RE2, as inclusive code point pairs. */
export const POSIX_CLASSES: Readonly<Record<string, number[]>> = Object.assign(Object.create(null) as Record<string, number[]>, {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0, 0x7f],
  blank: [9, 9, 0x20, 0x20],
  cntrl: [0, 0x1f, 0x7f, 0x7f],
  digit: [0x30, 0x39],
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [9, 0xd, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a, 0x5f, 0x5f],
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
});

/** Perl classes `\d \s \w`: ASCII only in RE2 (JavaScript's \s is Unicode). */
export const PERL_CLASSES: Record<string, number[]> = {
  d: [0x30, 0x39],
  s: [9, 0xa, 0xc, 0xd, 0x20, 0x20],
  w: POSIX_CLASSES['word']!,
};

/** The complement of a set of inclusive code point pairs within U+0000..U+10FFFF. */
export function complement(r: readonly number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < r.length; k += 2) pairs.push([r[k]!, r[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  let next = 0;
  for (const [lo, hi] of pairs) {
    if (lo > next) out.push(next, lo - 1);
    next = Math.max(next, hi + 1);
  }
  if (next <= 0x10ffff) out.push(next, 0x10ffff);
  return out;
}

// General categories by normalized name (Go 1.25 matches names case-insensitively, ignoring spaces,
// underscores and hyphens, and accepts the long aliases). Go's `C` excludes unassigned code points.
const CATEGORIES = new Map<string, string[]>();
for (const [names, js] of [
  ['c other', 'Cc Cf Co Cs'], ['cc control', 'Cc'], ['cf format', 'Cf'], ['co privateuse', 'Co'], ['cs surrogate', 'Cs'],
  ['cn unassigned', 'Cn'], ['l letter', 'L'], ['lc casedletter', 'LC'], ['ll lowercaseletter', 'Ll'], ['lm modifierletter', 'Lm'],
  ['lo otherletter', 'Lo'], ['lt titlecaseletter', 'Lt'], ['lu uppercaseletter', 'Lu'], ['m mark combiningmark', 'M'],
  ['mc spacingmark', 'Mc'], ['me enclosingmark', 'Me'], ['mn nonspacingmark', 'Mn'], ['n number', 'N'], ['nd decimalnumber digit', 'Nd'],
  ['nl letternumber', 'Nl'], ['no othernumber', 'No'], ['p punctuation punct', 'P'], ['pc connectorpunctuation', 'Pc'],
  ['pd dashpunctuation', 'Pd'], ['pe closepunctuation', 'Pe'], ['pf finalpunctuation', 'Pf'], ['pi initialpunctuation', 'Pi'],
  ['po otherpunctuation', 'Po'], ['ps openpunctuation', 'Ps'], ['s symbol', 'S'], ['sc currencysymbol', 'Sc'], ['sk modifiersymbol', 'Sk'],
  ['sm mathsymbol', 'Sm'], ['so othersymbol', 'So'], ['z separator', 'Z'], ['zl lineseparator', 'Zl'], ['zp paragraphseparator', 'Zp'],
  ['zs spaceseparator', 'Zs'], ['any', 'Any'], ['ascii', 'ASCII'], ['assigned', 'Assigned'],
] as const) {
  for (const n of names.split(' ')) CATEGORIES.set(n, js.split(' '));
}

/** Returns the JS property names for a Go Unicode class name (category or script), or undefined if unknown. */
export function unicodeTable(name: string): string[] | undefined {
  if (name === '') return undefined;
  const key = name.toLowerCase().replace(/[ _-]/g, '');
  const cat = CATEGORIES.get(key);
  if (cat) return cat;
  // Scripts: JavaScript needs the canonical spelling; try the name as written, then Title_Case.
  const title = name.split(/[ _-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('_');
  for (const candidate of [name, title]) {
    if (!/^[A-Za-z_]+$/.test(candidate)) continue;
    try {
      new RegExp(`\\p{Script=${candidate}}`, 'u');
      return [`Script=${candidate}`];
    } catch {
      // Not a script JavaScript knows under this spelling; try the next one.
    }
  }
  return undefined;
}
