// Generators of environment documents for robustness testing: random text, structured ESC documents
// (imports, interpolations, every builtin) and mutations of them. Shared by the property tests in
// `npm test` and the long `npm run fuzz` run.

import fc from 'fast-check';

const NAMES = ['a', 'b', 'foo', 'bar', 'baz', 'x_y', 'Ünï', '世界', 'a.b', 'with space', 'fn::join', '0', ''];
const BUILTINS = [
  'fn::secret',
  'fn::join',
  'fn::split',
  'fn::concat',
  'fn::toJSON',
  'fn::fromJSON',
  'fn::toBase64',
  'fn::fromBase64',
  'fn::toString',
  'fn::final',
  'fn::validate',
  'fn::open',
  'fn::open::test',
  'fn::open::schema',
  'fn::open::error',
  'fn::rotate',
  'fn::rotate::swap',
  'fn::rotate::echo',
  'fn::unknown',
];

const name = fc.constantFrom(...NAMES);

/** A property access text such as `a.b[0]["c"]`, sometimes malformed. */
const access = fc
  .tuple(
    fc.constantFrom('', 'imports.', 'context.', 'environments.p.'),
    fc.array(fc.oneof(name, fc.integer({ min: -2, max: 5 }).map((i) => `[${i}]`), name.map((n) => `["${n}"]`), fc.constantFrom('.', '[', '"', ']', '')), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([root, [first, ...rest]]) => root + first + rest.map((p) => (p.startsWith('[') ? p : '.' + p)).join(''));

/** A string scalar with interpolations, escapes and unusual characters. */
const interpolated = fc
  .array(fc.oneof(fc.string({ maxLength: 8 }), access.map((a) => '${' + a + '}'), fc.constantFrom('$$', '${', '$', '}', '\\', '"', "'", '\n', '🙂', 'é', 'à')), {
    maxLength: 5,
  })
  .map((parts) => parts.join(''));

type Tree = null | boolean | number | string | Tree[] | { [k: string]: Tree };

/** A value tree with builtins. */
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.oneof(fc.integer(), fc.double({ noNaN: false })),
    interpolated,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(name, interpolated), tie('tree'), { maxKeys: 4 }),
    fc.tuple(fc.constantFrom(...BUILTINS), tie('tree')).map(([k, v]) => ({ [k]: v })),
  ),
})).tree;

/** A whole document as a tree: imports and values (and sometimes junk top-level keys). */
const documentTree = fc.record(
  {
    imports: fc.array(fc.oneof(fc.constantFrom('a', 'b', 'env', 'missing', '../x', 'p/e'), fc.constant(null), fc.constant({ a: { merge: false } })), { maxLength: 3 }),
    values: fc.dictionary(fc.oneof(name, fc.constantFrom('imports', 'context', 'environments', 'environmentVariables', 'files')), tree, { maxKeys: 6 }),
    description: fc.oneof(fc.string(), fc.integer()),
    valeus: tree,
  },
  { requiredKeys: ['values'] },
);

/** Serialises a tree as YAML-ish text by hand (flow and block mixed) without depending on a YAML library. */
export function toYaml(v: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return v.map((e) => `\n${pad}- ${toYaml(e, indent + 2).replace(/^\n/, '')}`).join('');
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return entries.map(([k, e]) => `\n${pad}${JSON.stringify(k)}: ${toYaml(e, indent + 2)}`).join('');
}

/** Arbitrary well-formed ESC documents (as text). */
export const escDocument: fc.Arbitrary<string> = documentTree.map((d) => toYaml(d).replace(/^\n/, '') + '\n');

/** A mutation applied to a text: delete, insert or replace a slice. */
const mutation = fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(':', '- ', '{', '[', '${', '"', "'", '\n  ', '&a', '*a', '!!int', '|', '>', '#', '\t', '\uFFFD')));

/** Applies mutations to a text. */
export function mutate(text: string, muts: [number, number, string][]): string {
  let t = text;
  for (const [at, len, insert] of muts) {
    const i = t.length === 0 ? 0 : at % (t.length + 1);
    t = t.slice(0, i) + insert + t.slice(i + len);
  }
  return t;
}

/** Mutated ESC documents. */
export const mutatedDocument: fc.Arbitrary<string> = fc.tuple(escDocument, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([d, m]) => mutate(d, m));

/** Arbitrary text, including control characters and lone surrogates. */
export const randomText: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

/** Arbitrary bytes (possibly invalid UTF-8). */
export const randomBytes: fc.Arbitrary<Uint8Array> = fc.uint8Array({ maxLength: 200 });

/** Every kind of input, weighted towards structured ones. */
export const anyDocument: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: escDocument },
  { weight: 4, arbitrary: mutatedDocument },
  { weight: 1, arbitrary: randomText },
  { weight: 1, arbitrary: randomBytes },
);
