// Unit tests of the interpolation parser (§4.2, §4.3): parts, accessors, escapes, errors and ranges.
// Ranges are located by substring in the document text, never by hand-counted columns.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceText, loadYAML, parseInterpolation, type ast } from '../../engine/src/index';

/** Renders parts compactly: text, then accessors as `.name` / `[index]` / `["key"]`. */
function render(parts: readonly ast.Interpolation[]): string {
  return parts
    .map((p) => {
      const acc = p.value?.accessors.map((a) => (a.kind === 'name' ? `.${a.name}` : typeof a.index === 'number' ? `[${a.index}]` : `["${a.index}"]`));
      return acc ? `${p.text}{${acc.join('')}}` : p.text;
    })
    .join('|');
}

const structure: [string, string, string[]][] = [
  ['plain', 'plain', []],
  ['${a}', '{.a}', []],
  ['x ${a.b[0]["c"]} y', 'x {.a.b[0]["c"]}| y', []],
  ['$${a}', '${a}', []],
  ['$$$', '$$', []],
  ['${}', '{.}', []],
  ['${.bad}', '{.bad}', []],
  ['${34.bad}', '{.34.bad}', []],
  ['${a["q\\"uote"]}', '{.a["q"uote"]}', []],
  ['${a["back\\slash"]}', '{.a["back\\slash"]}', []],
  ['${', '{.}', ["missing closing brace '}' in interpolation"]],
  ['${foo.', '{.foo.}', ['property name must not be empty', "missing closing brace '}' in interpolation"]],
  ['${a[}', '{.a[""]}', ['numeric subscript must be a positive base-10 integer', "subscript is missing closing bracket ']'"]],
  ['${a["x', '{.a["x"]}', ["key subscript is missing closing quote '\"'", "subscript is missing closing bracket ']'", "missing closing brace '}' in interpolation"]],
  ['${a[b]}', '{.a["b"]}', ['numeric subscript must be a positive base-10 integer']],
  ['${[2]}', '{[2]}', ['the first accessor must be a property name or key subscript, not a numeric subscript']],
  ['${a[""]}', '{.a[""]}', ['key subscript must not be empty']],
  ['${ a}', '{.}| a}', ["missing closing brace '}' in interpolation"]],
  ['${a[-1]}', '{.a[-1]}', []],
  ['${à}', '{.à}', []],
];

test('interpolation structure and messages', () => {
  for (const [input, parts, messages] of structure) {
    const r = parseInterpolation(input);
    assert.equal(render(r.parts), parts, input);
    assert.deepEqual(
      r.diagnostics.map((d) => d.summary),
      messages,
      input,
    );
  }
});

/** Loads `values:\n  x: <scalar>` and returns the parsed expression and the document text. */
function parse(scalar: string) {
  const text = `values:\n  x: ${scalar}\n`;
  const loaded = loadYAML('doc', text);
  const expr = loaded.decl!.values[0]!.value;
  return { expr, text, diags: loaded.diagnostics, source: new SourceText(text) };
}

/** The text a range covers. */
function covered(source: SourceText, r: { begin: { line: number; column: number }; end: { line: number; column: number } }): string {
  return source.text.slice(source.offsetOfPos(r.begin.line, r.begin.column), source.offsetOfPos(r.end.line, r.end.column));
}

test('accessor ranges cover their text, including the dot, in plain and quoted scalars', () => {
  for (const scalar of ['${alpha.beta["gam ma"][3]}', "'${alpha.beta[\"gam ma\"][3]}'", 'pre ${alpha.beta["gam ma"][3]} 世界']) {
    const { expr, source } = parse(scalar);
    const accessors = expr.kind === 'symbol' ? expr.property.accessors : expr.kind === 'interpolate' ? expr.parts[0]!.value!.accessors : [];
    assert.deepEqual(
      accessors.map((a) => covered(source, a.range!)),
      ['alpha', '.beta', '["gam ma"]', '[3]'],
      scalar,
    );
  }
});

test('double-quoted scalars map accessor ranges when they have no escapes, else use the whole string', () => {
  const plain = parse('"${alpha.beta[3]}"');
  const a = plain.expr.kind === 'symbol' ? plain.expr.property.accessors : [];
  assert.deepEqual(
    a.map((x) => covered(plain.source, x.range!)),
    ['alpha', '.beta', '[3]'],
  );
  const escaped = parse('"\\t${alpha}"');
  const b = escaped.expr.kind === 'interpolate' ? escaped.expr.parts[0]!.value!.accessors[0]! : undefined;
  assert.equal(covered(escaped.source, b!.range!), '"\\t${alpha}"');
});

test('error ranges point at the offending text', () => {
  const { diags, source } = parse('"x ${a[b]} ${c.}"');
  assert.deepEqual(
    diags.map((d) => [d.summary, covered(source, d.range!)]),
    [
      ['numeric subscript must be a positive base-10 integer', 'b'],
      ['property name must not be empty', '.'],
    ],
  );
});

test('ranges after wide and astral characters count code points', () => {
  const { expr, source } = parse('"🙂世界 ${key}"');
  assert.equal(expr.kind, 'interpolate');
  const a = expr.kind === 'interpolate' ? expr.parts[0]!.value!.accessors[0]! : undefined;
  assert.equal(covered(source, a!.range!), 'key');
  assert.equal(a!.range!.begin.column, source.text.split('\n')[1]!.indexOf('key') - 1 + 1);
});

test('strings without $ stay literals; symbols keep their type', () => {
  assert.equal(parse('hello').expr.kind, 'string');
  assert.equal(parse('${a}').expr.kind, 'symbol');
  assert.equal(parse('"${a} "').expr.kind, 'interpolate');
  assert.equal(parse('a$$b').expr.kind, 'string');
});
