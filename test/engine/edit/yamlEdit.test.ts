// Minimal-edit YAML updates: the reference's yaml-edit cases (same data), layout preservation
// (comments kept, untouched lines byte-identical), the reference's structural errors, and a
// property comparing with a reference setter on plain data.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { encodeYaml } from '../../../engine/src/edit/yamlEncode.js';
import { deleteYamlValue, setYamlValue } from '../../../engine/src/edit/yamlEdit.js';
import { NumberText, type PlainValue } from '../../../engine/src/util/plain.js';
import { formatPropertyPath, parsePropertyPath, type PropertyPathElement } from '../../../engine/src/util/propertyPath.js';
import { conformanceAbsent, conformanceDir } from '../../util/conformance.js';
import { hasMultilineKey, plainData, snapshot, yamlToPlain } from '../../util/plainData.js';

const m = (...es: Array<[string, PlainValue]>) => new Map(es);

function set(text: string, path: string, value: PlainValue): string {
  const p = parsePropertyPath(path);
  assert.ok(p.ok);
  const r = setYamlValue(text, p.path, value);
  assert.ok(r.ok, !r.ok ? r.error : '');
  return r.text;
}

/** Converts data parsed by the yaml package (edits.yaml) to plain data. */
function fromJs(v: unknown): PlainValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return new NumberText(String(v));
  if (Array.isArray(v)) return v.map(fromJs);
  return new Map(Object.entries(v as object).map(([k, x]) => [k, fromJs(x)]));
}

const corpus = conformanceDir();

test('golden: yaml-edit cases give the reference\'s data (null deletes)', (t) => {
  if (!corpus) return t.skip(conformanceAbsent);
  const dir = join(corpus, 'esc-yaml', 'yaml-edit');
  for (const name of readdirSync(dir)) {
    let text = readFileSync(join(dir, name, 'doc.yaml'), 'utf8');
    for (const edit of (parseYaml(readFileSync(join(dir, name, 'edits.yaml'), 'utf8')) as { edits: Array<Record<string, unknown>> }).edits) {
      for (const [path, value] of Object.entries(edit)) {
        const p = parsePropertyPath(path);
        assert.ok(p.ok);
        const r = value === null ? deleteYamlValue(text, p.path) : setYamlValue(text, p.path, fromJs(value));
        assert.ok(r.ok, `${name}: ${!r.ok && r.error}`);
        text = r.text;
      }
    }
    const expected = readFileSync(join(dir, name, 'expected.yaml'), 'utf8');
    assert.deepEqual(snapshot(yamlToPlain(text) ?? null), snapshot(yamlToPlain(expected) ?? null), `${name}:\n${text}`);
  }
});

test('layout: comments and untouched lines stay exactly as they were', () => {
  const doc = ['# header', 'values:', '  # about foo', '  foo: bar # trailing', '  list: [a, b]   # flow', '  empty: {}', '  nested:', '      deep: 1 # four spaces', '  seq:', '  - x', ''].join('\n');
  const cases: Array<[string, PlainValue, string[]]> = [
    ['values.foo', 'baz', ['# header', 'values:', '  # about foo', '  foo: baz # trailing', '  list: [a, b]   # flow', '  empty: {}', '  nested:', '      deep: 1 # four spaces', '  seq:', '  - x', '']],
    ['values.foo', m(['a', 'b']), ['# header', 'values:', '  # about foo', '  foo: # trailing', '    a: b', '  list: [a, b]   # flow', '  empty: {}', '  nested:', '      deep: 1 # four spaces', '  seq:', '  - x', '']],
    ['values.list[2]', 'c: d', ['# header', 'values:', '  # about foo', '  foo: bar # trailing', "  list: [a, b, 'c: d']   # flow", '  empty: {}', '  nested:', '      deep: 1 # four spaces', '  seq:', '  - x', '']],
    ['values.empty.k', 'v', ['# header', 'values:', '  # about foo', '  foo: bar # trailing', '  list: [a, b]   # flow', '  empty:', '    k: v', '  nested:', '      deep: 1 # four spaces', '  seq:', '  - x', '']],
    ['values.nested.new', m(['x', ['w', 'y']]), ['# header', 'values:', '  # about foo', '  foo: bar # trailing', '  list: [a, b]   # flow', '  empty: {}', '  nested:', '      deep: 1 # four spaces', '      new:', '        x:', '          - w', '          - "y"', '  seq:', '  - x', '']],
    ['values.nested', 'flat', ['# header', 'values:', '  # about foo', '  foo: bar # trailing', '  list: [a, b]   # flow', '  empty: {}', '  nested: flat', '  seq:', '  - x', '']],
    ['values.seq[1]', m(['k', 'v'], ['j', 'w']), ['# header', 'values:', '  # about foo', '  foo: bar # trailing', '  list: [a, b]   # flow', '  empty: {}', '  nested:', '      deep: 1 # four spaces', '  seq:', '  - x', '  - j: w', '    k: v', '']],
    ['values.seq[0]', 'multi\nline', ['# header', 'values:', '  # about foo', '  foo: bar # trailing', '  list: [a, b]   # flow', '  empty: {}', '  nested:', '      deep: 1 # four spaces', '  seq:', '  - |-', '    multi', '    line', '']],
    ['values.new.deep[0]', null, [...doc.split('\n').slice(0, -1), '  new:', '    deep:', '      - null', '']],
    ['top', new NumberText('1.50'), [...doc.split('\n').slice(0, -1), 'top: 1.50', '']],
  ];
  for (const [path, value, want] of cases) assert.equal(set(doc, path, value), want.join('\n'), path);
});

test('layout: values on their own line, comments before them, tags, empty values', () => {
  assert.equal(set('a: # c\n  x: 1\nb: 2\n', 'a', 'v'), 'a: # c\n  v\nb: 2\n');
  assert.equal(set('a:\n  x: 1\nb: 2\n', 'a', 'v'), 'a: v\nb: 2\n');
  assert.equal(set('a: !!str &x 42 # c\n', 'a', 'true'), 'a: "true" # c\n');
  assert.equal(set('a:\nb: 1\n', 'a', m(['k', 'v'])), 'a:\n  k: v\nb: 1\n');
  assert.equal(set('a:\n', 'a', 'x'), 'a: x\n');
  assert.equal(set('- \n- y\n', '[0]', 'x'), '- x\n- y\n');
  assert.equal(set('x: {a: 1}\n', 'x.b', m(['c', 'd'])), 'x: {a: 1, b: {c: d}}\n');
  assert.equal(set('', 'a[0].b', 'c'), 'a:\n  - b: c\n');
  assert.equal(set('# only a comment', 'a', 'c'), '# only a comment\na: c\n');
  assert.equal(set('k: |\n  old\nz: 1\n', 'k', 'new'), 'k: new\nz: 1\n');
  assert.equal(set('k: old # c\nz: 1\n', 'k', 'new\nlines'), 'k: |- # c\n  new\n  lines\nz: 1\n');
  // Documents with CRLF line breaks keep them in new text too.
  assert.equal(set('a: 1 # c\r\nb: 2\r\n', 'a', 'x\ny'), 'a: |- # c\r\n  x\r\n  y\r\nb: 2\r\n');
  assert.equal(set('a: 1\r\n', 'q', m(['k', 'v'])), 'a: 1\r\nq:\r\n  k: v\r\n');
  assert.equal(set('z: 1\nk: |+\n  old\n\n', 'q', 'v'), 'z: 1\nk: |+\n  old\n\nq: v\n');
});

test('delete: lines go, emptied collections become {} and []', () => {
  const del = (text: string, path: string) => {
    const r = deleteYamlValue(text, (parsePropertyPath(path) as { path: PropertyPathElement[] }).path);
    assert.ok(r.ok);
    return r.text;
  };
  assert.equal(del('a:\n  # c\n  x: 1\n  y: 2\nb: 3\n', 'a.x'), 'a:\n  # c\n  y: 2\nb: 3\n');
  assert.equal(del('a:\n  x: 1\n', 'a.x'), 'a: {}\n');
  assert.equal(del('a:\n  - 1\n  - 2\n', 'a[0]'), 'a:\n  - 2\n');
  assert.equal(del('a:\n  - 1\n', 'a[0]'), 'a: []\n');
  assert.equal(del('a: [1, 2, 3]\n', 'a[1]'), 'a: [1, 3]\n');
  assert.equal(del('a: {x: 1, y: 2}\n', 'a.x'), 'a: {y: 2}\n');
  assert.equal(del('a: 1\n', 'b.c'), 'a: 1\n');
});

test('errors: the reference\'s messages, for the prefix of the offending collection', () => {
  const cases: Array<[string, string, string]> = [
    ['values:\n  x: 1\n', 'values.x.y', 'values.x: expected an array or an object'],
    ['values:\n  x: [1]\n', 'values.x.y', 'values.x: key for an array must be an int'],
    ['values:\n  x: {a: 1}\n', 'values.x[0]', 'values.x: key for a map must be a string'],
    ['values:\n  x: [1]\n', 'values.x[2]', 'values.x: array index out of range'],
    ['values:\n  x: [1]\n', 'values.x[-1]', 'values.x: array index out of range'],
    ['values: {}\n', 'values.x[1]', 'values.x: array index out of range'],
    ['- a\n', 'k', ': key for an array must be an int'],
    ['values: [a\n', 'values', "yaml: line 1: did not find expected ',' or ']'"],
  ];
  for (const [text, path, error] of cases) {
    const r = setYamlValue(text, (parsePropertyPath(path) as { path: PropertyPathElement[] }).path, 'v');
    assert.equal(r.ok, false, path);
    assert.ok(!r.ok && r.error.startsWith(error), `${path}: ${!r.ok && r.error}`);
  }
});

/** The reference semantics on plain data (creating maps and sequences, appending at index == length). */
function setPlain(data: PlainValue | undefined, path: readonly PropertyPathElement[], value: PlainValue): { data: PlainValue } | { error: string } {
  const build = (from: number): PlainValue | { error: string } => {
    let v = value;
    for (let i = path.length - 1; i >= from; i--) {
      const e = path[i]!;
      if (typeof e === 'number') {
        if (e !== 0) return { error: `${formatPropertyPath(path.slice(0, i))}: array index out of range` };
        v = [v];
      } else v = new Map([[e, v]]);
    }
    return v;
  };
  if (data === undefined) {
    const v = build(0);
    return v instanceof Map || Array.isArray(v) || v === null || typeof v !== 'object' || v instanceof NumberText ? { data: v as PlainValue } : v;
  }
  const root: { v: PlainValue } = { v: data };
  let holder: { get: () => PlainValue; set: (x: PlainValue) => void } = { get: () => root.v, set: (x) => (root.v = x) };
  for (let i = 0; i < path.length; i++) {
    const node = holder.get();
    const e = path[i]!;
    const fail = (msg: string) => ({ error: `${formatPropertyPath(path.slice(0, i))}: ${msg}` });
    if (node instanceof Map) {
      if (typeof e !== 'string') return fail('key for a map must be a string');
      if (!node.has(e)) {
        const v = build(i + 1);
        if (v && typeof v === 'object' && 'error' in v) return v;
        node.set(e, v as PlainValue);
        return { data: root.v };
      }
      holder = { get: () => node.get(e)!, set: (x) => node.set(e, x) };
    } else if (Array.isArray(node)) {
      if (typeof e !== 'number') return fail('key for an array must be an int');
      if (e < 0 || e > node.length) return fail('array index out of range');
      if (e === node.length) {
        const v = build(i + 1);
        if (v && typeof v === 'object' && 'error' in v) return v;
        node.push(v as PlainValue);
        return { data: root.v };
      }
      holder = { get: () => node[e]!, set: (x) => (node[e] = x) };
    } else return fail('expected an array or an object');
  }
  holder.set(value);
  return { data: root.v };
}

/** A path into `data` that mostly exists, sometimes one step beyond. */
function pathInto(data: PlainValue): fc.Arbitrary<PropertyPathElement[]> {
  const steps: PropertyPathElement[][] = [[]];
  const walk = (v: PlainValue, prefix: PropertyPathElement[]) => {
    if (v instanceof Map) for (const [k, x] of v) (steps.push([...prefix, k]), walk(x, [...prefix, k]));
    if (Array.isArray(v)) v.forEach((x, i) => (steps.push([...prefix, i]), walk(x, [...prefix, i])));
  };
  walk(data, []);
  return fc.tuple(fc.constantFrom(...steps), fc.constantFrom<PropertyPathElement[]>([], ['new'], [0], [1], ['a', 'b'])).map(([p, extra]) => [...p, ...extra]);
}

test('property: edits of encoded documents agree with the reference setter on plain data', () => {
  const doc = plainData(3).filter((v) => v instanceof Map && v.size > 0 && !hasMultilineKey(v));
  fc.assert(
    fc.property(
      doc.chain((d) => fc.tuple(fc.constant(d), pathInto(d).filter((p) => p.length > 0), plainData(2).filter((v) => !hasMultilineKey(v)), fc.constantFrom(2, 4))),
      ([data, path, value, indent]) => {
        const text = encodeYaml(data, { indent });
        const want = setPlain(structuredCloneData(data), path, value);
        const got = setYamlValue(text, path, value);
        if ('error' in want) return assert.deepEqual(got, { ok: false, error: want.error });
        assert.ok(got.ok, !got.ok ? got.error : '');
        assert.deepEqual(snapshot(yamlToPlain(got.text)!, true), snapshot(want.data, true), `${text}\n---\n${got.text}`);
      },
    ),
    { numRuns: 300, seed: 41 },
  );
});

test('property: setting one top-level key leaves the other entries\' lines byte-identical', () => {
  const key = fc.stringMatching(/^[a-z]{1,6}$/);
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(key, plainData(2).filter((v) => !hasMultilineKey(v))), { minLength: 1, maxLength: 5, selector: (e) => e[0] }), fc.nat(), plainData(2), (entries, pick, value) => {
      // Each entry is preceded by a comment line; the document ends with a comment.
      const blocks = entries.map(([k, v]) => `# before ${k}\n` + encodeYaml(new Map([[k, v]]), { indent: 2 }));
      const text = blocks.join('') + '# end\n';
      const target = entries[pick % entries.length]![0];
      const got = setYamlValue(text, [target], value);
      assert.ok(got.ok);
      const index = entries.findIndex(([k]) => k === target);
      const before = blocks.slice(0, index).join('') + `# before ${target}\n`;
      const after = blocks.slice(index + 1).join('') + '# end\n';
      assert.ok(got.text.startsWith(before), got.text);
      assert.ok(got.text.endsWith(after), got.text);
    }),
    { numRuns: 300, seed: 43 },
  );
});

function structuredCloneData(v: PlainValue): PlainValue {
  if (Array.isArray(v)) return v.map(structuredCloneData);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, structuredCloneData(x)]));
  return v;
}
