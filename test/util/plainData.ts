// Helpers for tests on plain data: comparable snapshots, a fast-check generator, and YAML decoding
// to plain data with the engine's own (yaml.v3-compatible) syntax layer.

import fc from 'fast-check';
import { decodeYAML, type SyntaxNode } from '../../engine/src/syntax/index.js';
import { NumberText, type PlainValue } from '../../engine/src/util/plain.js';

/**
 * A deep-comparable snapshot of plain data: maps become sorted entry lists, numbers `{num: text}`
 * (or `{num: value}` when `numeric`, for YAML floats, which come back in Go's %g spelling).
 */
export function snapshot(v: PlainValue, numeric = false): unknown {
  if (v instanceof NumberText) return { num: numeric ? Number(v.text) : v.text };
  if (Array.isArray(v)) return v.map((e) => snapshot(e, numeric));
  if (v instanceof Map) return { map: [...v.keys()].sort().map((k) => [k, snapshot(v.get(k)!, numeric)]) };
  return v;
}

/** Decodes a YAML document to plain data as ESC reads it (throws on YAML errors). */
export function yamlToPlain(text: string): PlainValue | undefined {
  const r = decodeYAML('test', text);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`YAML errors: ${errors.map((d) => d.summary).join('; ')}\n${text}`);
  return r.node === undefined ? undefined : fromNode(r.node);
}

function fromNode(n: SyntaxNode): PlainValue {
  switch (n.kind) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return n.value;
    case 'number':
      return new NumberText(n.value);
    case 'array':
      return n.elements.map(fromNode);
    case 'object': {
      const m = new Map<string, PlainValue>();
      for (const e of n.entries) if (!m.has(e.key.value)) m.set(e.key.value, fromNode(e.value));
      return m;
    }
  }
}

/** Strings that exercise quoting: YAML-special words, indicators, whitespace, escapes and non-ASCII. */
export const trickyString = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'true', 'False', 'null', '~', 'yes', 'on', 'n', '1.5', '0x1F', '017', '08', '1e400', '1:20', '2001-12-14', '.inf', '-.5', '+1', '<<'),
  fc.constantFrom('- x', '-x', '? x', ': x', 'a: b', 'a #b', '#c', '@x', '`x', '%x', '&a', '*a', '!t', '|x', '>x', "'q'", '"d"', '[x]', '{x}', 'a,b', '---', '...'),
  fc.constantFrom(' lead', 'trail ', 'tab\there', 'multi\nline', 'end\n', 'two\n\n', '\nstart', ' \n', 'a\u2028b', 'é世', '\u{10000}', '\u0085', '\u00a0', '\ufeff', '\x7f', '\x00'),
);

/** Plain data with tricky strings and JSON-valid numbers, nested up to `depth`. */
export function plainData(depth = 3): fc.Arbitrary<PlainValue> {
  const leaf: fc.Arbitrary<PlainValue> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    trickyString,
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((n) => new NumberText(Object.is(n, -0) ? '0' : String(n))),
  );
  const { value } = fc.letrec<{ value: PlainValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(trickyString, tie('value')), { maxLength: 4 }).map((es) => new Map(es)),
    ),
  }));
  return value;
}

/** Whether some mapping key spans lines (yaml.v3 then writes `? key` / `: a: b`, which the engine's decoder rejects). */
export function hasMultilineKey(v: PlainValue): boolean {
  if (Array.isArray(v)) return v.some(hasMultilineKey);
  if (v instanceof Map) return [...v].some(([k, x]) => /[\n\r\u0085\u2028\u2029]/.test(k) || hasMultilineKey(x));
  return false;
}
