import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { Range } from '../../../engine/src/model.js';
import {
  decodeYAML,
  MAX_DEPTH_EXCEEDED,
  referenceRange,
  referenceSubRange,
  subRange,
  type ObjectNode,
  type StringNode,
  type SyntaxNode,
} from '../../../engine/src/syntax/index.js';

import { setReferenceRangeRecording } from '../../../engine/src/syntax/referenceRanges.js';
import { offsetOf as at } from '../../util/markers.js';

// Reference ranges are recorded only on request (they serve conformance comparisons only).
setReferenceRangeRecording(true);

/** `line:column-line:column` of a range. */
function lc(r: Range | null | undefined): string {
  return r ? `${r.begin.line}:${r.begin.column}-${r.end.line}:${r.end.column}` : String(r);
}

/** The true span `[start, end)` of text offsets, as `lc` prints it. */
function span(text: string, start: number, end: number): string {
  const pos = (o: number) => {
    const before = text.slice(0, o).split(/\r\n|\r|\n/);
    return `${before.length}:${[...before[before.length - 1]!].length + 1}`;
  };
  return `${pos(start)}-${pos(end)}`;
}

/** Follows object keys and array indices from `node`. */
function get(node: SyntaxNode | undefined, ...path: (string | number)[]): SyntaxNode {
  let n = node!;
  for (const p of path) {
    if (typeof p === 'number') n = (n as Extract<SyntaxNode, { kind: 'array' }>).elements[p]!;
    else n = (n as ObjectNode).entries.find((e) => e.key.value === p)!.value;
  }
  return n;
}

test('true ranges span the source; reference ranges follow yaml.v3/ESC', () => {
  const text = 'a: "q"\nb: !t x\nc: |\n  l1\n  l2\nd: [1, {e: f}]\ng: &x h\nk: 世界\n';
  const { node, diagnostics } = decodeYAML('env', text);
  assert.deepEqual(diagnostics, []);
  const q = get(node, 'a');
  assert.equal(lc(q.range), span(text, at(text, '"q"'), at(text, '"q"') + 3));
  assert.equal(lc(referenceRange(q.range)), '1:4-1:5', 'quoted: start + byte length of the value');
  const x = get(node, 'b');
  assert.equal(lc(x.range), span(text, at(text, '!t'), at(text, 'x\n') + 1));
  assert.equal(lc(referenceRange(x.range)), '2:4-2:8', 'tagged plain: + tag length + 1');
  const lit = get(node, 'c');
  assert.equal(lc(lit.range), span(text, at(text, '|'), at(text, 'l2') + 2));
  assert.equal(lc(referenceRange(lit.range)), '3:4-5:4', 'literal: one line per line break');
  const flow = get(node, 'd');
  assert.equal(lc(flow.range), span(text, at(text, '['), at(text, ']') + 1));
  assert.equal(lc(referenceRange(flow.range)), span(text, at(text, '['), at(text, 'f}') + 1), 'collections end at their last child');
  assert.equal(lc(referenceRange(get(node, 'd', 1).range)), span(text, at(text, '{'), at(text, 'f}') + 1));
  const h = get(node, 'g');
  assert.equal(lc(h.range), span(text, at(text, '&x'), at(text, 'h\n') + 1));
  assert.equal(lc(referenceRange(h.range)), '7:4-7:5', 'anchors shift the reference range');
  const wide = get(node, 'k');
  assert.equal(lc(wide.range), span(text, at(text, '世'), at(text, '界') + 1));
  assert.equal(lc(referenceRange(wide.range)), '8:4-8:10', 'byte length overshoots on non-ASCII values');
  assert.equal(wide.range.end.byte, Buffer.byteLength(text.slice(0, at(text, '界') + 1)));
});

test('paths: keys and values share JoinKey paths; elements get indices', () => {
  const text = 'values:\n  "fn::secret": [a, {"q \\"x\\"": b}]\n';
  const { node } = decodeYAML('env', text);
  const root = node as ObjectNode;
  assert.equal(root.entries[0]!.key.path, 'values');
  const secret = (get(node, 'values') as ObjectNode).entries[0]!;
  assert.equal(secret.key.path, 'values["fn::secret"]');
  assert.equal(secret.value.path, 'values["fn::secret"]');
  assert.equal(get(node, 'values', 'fn::secret', 1, 'q "x"').path, 'values["fn::secret"][1]["q \\"x\\""]');
  assert.equal(get(node, 'values', 'fn::secret', 0).path, 'values["fn::secret"][0]');
});

test('empty values sit where libyaml puts them', () => {
  const text = 'imports:\n  - \nvalues:\n  a:\n  b: {c: , d}\n';
  const { node } = decodeYAML('env', text);
  const dash = at(text, '-');
  assert.equal(lc(get(node, 'imports', 0).range), span(text, dash + 1, dash + 1), 'just after the -');
  const colon = at(text, 'a:') + 1;
  assert.equal(lc(get(node, 'values', 'a').range), span(text, colon + 1, colon + 1), 'just after the :');
  assert.equal(lc(get(node, 'values', 'b', 'c').range), span(text, at(text, ', d'), at(text, ', d')), 'at the next token in flow');
  assert.equal(lc(get(node, 'values', 'b', 'd').range), span(text, at(text, '}'), at(text, '}')));
  assert.equal(get(node, 'values', 'a').kind, 'null');
});

test('zero bytes: an empty object without reference range; no document: no node', () => {
  const empty = decodeYAML('env', new Uint8Array(0));
  assert.equal(empty.node?.kind, 'object');
  assert.equal(referenceRange(empty.node!.range), null);
  assert.deepEqual(empty.diagnostics, []);
  for (const text of ['# only a comment\n', '\n\n', '   ']) {
    const r = decodeYAML('env', text);
    assert.equal(r.node, undefined, JSON.stringify(text));
    assert.deepEqual(r.diagnostics, []);
  }
  assert.equal(decodeYAML('env', '---\n').node?.kind, 'null');
});

test('only the first document is decoded', () => {
  const { node, diagnostics } = decodeYAML('env', 'a: 1\n---\nb: [\n');
  assert.deepEqual(diagnostics, []);
  assert.equal((node as ObjectNode).entries[0]!.key.value, 'a');
});

test('YAML syntax errors: one diagnostic in yaml.v3 words, a true range, no reference range', () => {
  // Messages and lines as libyaml (via yaml.v3's formatting) reports them for these inputs.
  const cases: [string, string, string][] = [
    ['values:\n  some_unterminated_list: [hello, world', "yaml: line 1: did not find expected ',' or ']'", 'world'],
    ['{a: 1\n', "yaml: line 1: did not find expected ',' or '}'", ''],
    ['a: b: c\n', 'yaml: mapping values are not allowed in this context', ': c'],
    ['a: 1\n  b: 2\n', 'yaml: line 2: mapping values are not allowed in this context', ': 2'],
    ['values:\n  a: 1\n b: 2\n', 'yaml: line 2: did not find expected key', 'b:'],
    ['a:\n  - 1\n  b: 2\n', "yaml: line 1: did not find expected '-' indicator", 'b:'],
    ['a: 1\nb\nc: 2\n', "yaml: line 2: could not find expected ':'", 'c:'],
    ['a: "abc\n', 'yaml: line 2: found unexpected end of stream', ''],
    ['a:\n\tb: 1\n', 'yaml: line 2: found character that cannot start any token', '\t'],
    ['a: @x\n', 'yaml: found character that cannot start any token', '@'],
    ['a: 1\n]\n', 'yaml: line 1: did not find expected key', ']'],
    ['a: - b\n', 'yaml: block sequence entries are not allowed in this context', '-'],
    ['a: &\n', 'yaml: did not find expected alphabetic or numeric character', '\n'],
    ['a: "\\q"\n', 'yaml: found unknown escape character', 'q'],
    ['[a, , b]', 'yaml: did not find expected node content', ', b'],
    ['a: !e!x 1', 'yaml: found undefined tag handle', '!e!x'],
    ['%YAML 1.2\na: 1\n', 'yaml: line 1: did not find expected <document start>', 'a:'],
    ['x: 1\n\u0001', 'yaml: control characters are not allowed', '\u0001'],
    // Content after a flow collection's closing bracket (the `yaml` parser keeps it with the bracket).
    ['a: {x: 1} junk\nb: 2\n', 'yaml: did not find expected key', 'junk'],
    ["a: [1] 'x'\nb: 2\n", 'yaml: did not find expected key', "'x'"],
    ["a:\n  f: {x: 1}'\n  g: 1\n", 'yaml: line 2: found unexpected end of stream', ''],
    ['[1] x\n', 'yaml: did not find expected <document start>', 'x'],
  ];
  for (const [text, summary, where] of cases) {
    const r = decodeYAML('env', text);
    assert.equal(r.diagnostics.length, 1, JSON.stringify(text));
    const d = r.diagnostics[0]!;
    assert.equal(d.summary, summary, JSON.stringify(text));
    assert.equal(d.severity, 'error');
    assert.equal(d.path, '');
    assert.ok(d.range, 'editors get a range');
    assert.equal(referenceRange(d.range), null, 'the reference has none');
    if (where !== '') assert.equal(d.range.begin.line, text.slice(0, at(text, where)).split('\n').length, JSON.stringify(text));
  }
});

test('invalid UTF-8 bytes are reported at the first bad byte', () => {
  const bytes = Uint8Array.from([...Buffer.from('a: ok\nb: '), 0xff, ...Buffer.from('\n')]);
  const r = decodeYAML('env', bytes);
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0]!.summary, 'yaml: invalid leading UTF-8 octet');
  assert.deepEqual(r.diagnostics[0]!.range!.begin, { line: 2, column: 4, byte: 9 });
  assert.equal(decodeYAML('env', Uint8Array.from([0x61, 0x3a, 0x20, 0xe4, 0xb8])).diagnostics[0]!.summary, 'yaml: incomplete UTF-8 octet sequence');
  const bom = decodeYAML('env', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('a: 1\n')]));
  assert.deepEqual(bom.diagnostics, []);
  assert.equal(get(bom.node, 'a').range.begin.column, 4);
});

test('decoding errors: aliases, non-string keys, tag mismatches', () => {
  const text = 'foo: &a bar\nbar: *a\n1: x\n? [k]\n: y\nn: !!int abc\n';
  const r = decodeYAML('env', text);
  const summaries = r.diagnostics.map((d) => `${d.summary} @${lc(d.range)} ${d.path}`);
  const aliasStart = at(text, '*a');
  assert.deepEqual(summaries, [
    `alias nodes are not supported @${span(text, aliasStart, aliasStart + 2)} bar`,
    `mapping keys must be strings @${span(text, at(text, '1:'), at(text, '1:') + 1)} ["1"]`,
    `mapping keys must be strings @${span(text, at(text, '[k]'), at(text, '[k]') + 1)} `,
    `yaml: cannot decode !!str \`abc\` as a !!int @${span(text, at(text, '!!int'), at(text, 'abc') + 3)} n`,
  ]);
  assert.equal(lc(referenceRange(r.diagnostics[0]!.range!)), '2:6-2:7', 'alias subject: start + name length');
  const bar = (r.node as ObjectNode).entries[1]!;
  assert.equal(bar.value.kind, 'null');
  assert.equal(referenceRange(bar.value.range), null, 'the alias node is absent in the reference');
});

test('nesting deeper than the limit is reported at the offending node, without stack overflow', () => {
  for (const text of ['['.repeat(5000) + ']'.repeat(5000), Array.from({ length: 1200 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' v\n']) {
    const r = decodeYAML('env', text);
    const d = r.diagnostics.filter((x) => x.summary === MAX_DEPTH_EXCEEDED);
    assert.equal(d.length, 1);
    assert.equal(r.diagnostics.length, 1);
    assert.ok(r.node);
  }
  const r = decodeYAML('env', '['.repeat(1001) + ']'.repeat(1001));
  assert.deepEqual(r.diagnostics[0]!.range!.begin, { line: 1, column: 1001, byte: 1000 });
  assert.deepEqual(decodeYAML('env', '['.repeat(1000) + ']'.repeat(1000)).diagnostics, []);
});

test('a 10 MB string and an alias bomb decode in bounded time', () => {
  const big = 'x'.repeat(10 * 1024 * 1024);
  let t = Date.now();
  const r = decodeYAML('env', `a: ${big}\n`);
  assert.deepEqual(r.diagnostics, []);
  assert.equal((get(r.node, 'a') as StringNode).value.length, big.length);
  assert.ok(Date.now() - t < 10000);
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  t = Date.now();
  const bomb = decodeYAML('env', lines.join('\n') + '\n');
  assert.ok(Date.now() - t < 2000);
  assert.equal(bomb.diagnostics.length, 290);
  assert.ok(bomb.diagnostics.every((d) => d.summary === 'alias nodes are not supported'));
});

test('sourceOffset maps value offsets back to the text where unambiguous', () => {
  const text = 'a: plain ${x}\nb: "dq ${y}"\nc: "esc\\n${z}"\nd: |\n  l1\n  ${w}\ne: >\n  f\n  g\n';
  const { node } = decodeYAML('env', text);
  const s = (k: string) => get(node, k) as StringNode;
  assert.equal(s('a').sourceOffset(6), at(text, '${x}'));
  assert.equal(s('a').sourceOffset(s('a').value.length), at(text, '${x}') + 4);
  assert.equal(s('b').sourceOffset(3), at(text, '${y}'));
  assert.equal(s('c').sourceOffset(4), undefined, 'escapes make it ambiguous');
  assert.equal(s('d').sourceOffset(s('d').value.indexOf('${w}')), at(text, '${w}'));
  assert.equal(s('e').sourceOffset(0), undefined, 'folding makes it ambiguous');
  assert.equal(s('a').sourceOffset(-1), undefined);
});

test('sub-ranges: true spans, and reference columns by display width for plain untagged scalars only', () => {
  const text = 'a: 世界 ${x}\nb: "${y}"\n';
  const { node } = decodeYAML('env', text);
  const a = get(node, 'a') as StringNode;
  const i = a.value.indexOf('${x}');
  const r = subRange(a, i, i + 4);
  assert.equal(lc(r), span(text, at(text, '${x}'), at(text, '${x}') + 4));
  assert.equal(lc(referenceRange(r)), '1:9-1:13', 'display width 2 per CJK character');
  assert.deepEqual(referenceSubRange(a, i, i + 4), referenceRange(r));
  const b = get(node, 'b') as StringNode;
  const rb = subRange(b, 0, 4);
  assert.equal(lc(rb), span(text, at(text, '${y}'), at(text, '${y}') + 4));
  assert.equal(referenceRange(rb), null, 'quoted scalars have no reference sub-range');
  const c = decodeYAML('env', 'c: "\\t${z}"\n').node;
  const rc = subRange(get(c, 'c') as StringNode, 1, 5);
  assert.deepEqual(rc, get(c, 'c').range, 'falls back to the whole node');
});
