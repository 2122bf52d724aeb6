import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadYAML, reloadYAML } from '../../../engine/src/index.js';
import { offsetOf } from '../../util/markers.js';
import { dumpLoad } from '../../util/syntaxDump.js';

// Incremental reparsing must give exactly what a full load gives: the property below applies
// chains of random edits, reloading each version from the previous one, and compares every node
// (ranges, paths, values, source offsets), the diagnostics, and the checked environment.

const BASE = [
  '# a comment at the top',
  'imports:',
  '  - other',
  'values:',
  '  plain: hello world',
  '  quoted: "a ${plain} b"',
  '  single: \'it\'\'s\'',
  '  nested:',
  '    deep:',
  '      list: [1, 2, {x: y}]',
  '      block:',
  '        - one',
  '        - two: 2',
  '  # a comment between entries',
  '  literal: |',
  '    line one ${nested.deep.list[0]}',
  '      indented',
  '  folded: >-',
  '    folded',
  '    text',
  '',
  '  multi: first',
  '    second',
  '  unicode: "é😀 ${plain}"',
  '  secret:',
  '    fn::secret: shh',
  '  joined:',
  '    fn::join: [",", ["${plain}", "x"]]',
  '  flow: {a: 1,',
  '    b: [2, 3]}',
  '  environmentVariables:',
  '    PLAIN: ${plain}',
  '    SECRET: ${secret}',
  '  files:',
  '    FILE: ${literal}',
  '  last: true',
  'description: after the values',
  '',
].join('\n');

const SNIPPETS = ['\n', '  x: 1\n', '  extra: ${plain}\n', '#', "'", '"', '{', '}', '- ', '  ', '    ', '\t', 'é', '😀', '|\n', ': ', 'key: value', 'a', '${', '\n  ', '\r\n', ',', '&a ', '*a', '!!str ', '%', '---\n', 'q'];

/** A random edit: replace `[at, at + deleted)` with `inserted` (`at` taken modulo the text's length). */
const edit = fc.record({
  at: fc.nat({ max: 1_000_000 }),
  deleted: fc.nat({ max: 12 }),
  // Mostly what typing inside a value inserts, else YAML structure and arbitrary text.
  inserted: fc.oneof(
    { arbitrary: fc.constantFrom('a', 'b', '1', ' ', 'word', 'é', '😀', ''), weight: 3 },
    { arbitrary: fc.constantFrom(...SNIPPETS), weight: 2 },
    { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
  ),
  keepLine: fc.boolean(),
});
type Edit = { at: number; deleted: number; inserted: string; keepLine: boolean };

function apply(text: string, e: Edit): string {
  let at = e.at % (text.length + 1);
  let end = Math.min(text.length, at + e.deleted);
  if (e.keepLine) {
    // Most real edits stay on one line: clamp the deletion to the line.
    const eol = text.indexOf('\n', at);
    end = Math.min(end, eol < 0 ? text.length : eol);
    at = Math.min(at, end);
  }
  return text.slice(0, at) + e.inserted + text.slice(end);
}

test('reloading after random edits gives what a full load gives', () => {
  let incremental = 0;
  let eligible = 0;
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), (edits, crlf) => {
      let text = crlf ? BASE.replace(/\n/g, '\r\n') : BASE;
      let base = reloadYAML('env', text, undefined).base;
      for (const e of edits) {
        text = apply(text, e);
        const reloaded = reloadYAML('env', text, base);
        const full = loadYAML('env', text);
        // Eligible: a clean version edited into a clean version.
        if (base !== undefined && reloaded.base !== undefined) eligible++;
        if (reloaded.incremental) incremental++;
        assert.deepEqual(dumpLoad(reloaded.loaded), dumpLoad(full));
        base = reloaded.base;
      }
    }),
    { numRuns: 300, seed: 20261125 },
  );
  // The property is only meaningful if edits really take the incremental path.
  assert.ok(incremental > eligible / 2, `only ${incremental} of ${eligible} eligible reloads were incremental`);
});

test('an edit inside one value reparses only that entry and moves the rest', () => {
  const text = 'values:\n  a: 1\n  b:\n    c: x\n  d: ${b.c}\nenvironmentVariables:\n  D: ${d}\n';
  const first = reloadYAML('env', text, undefined);
  assert.ok(first.base !== undefined);
  const c = offsetOf(text, 'x');
  const edited = `${text.slice(0, c)}"two\n      lines"${text.slice(c + 1)}`;
  const second = reloadYAML('env', edited, first.base);
  assert.equal(second.incremental, true);
  assert.deepEqual(dumpLoad(second.loaded), dumpLoad(loadYAML('env', edited)));
});

test('edits outside the entries of a block mapping fall back to a full load', () => {
  const text = 'values:\n  a: 1\n  b: 2\n';
  for (const edited of ['values:\n  a: 1\n  b: 2\nfiles: {}\n', 'values: \n  a: 1\n  b: 2\n', '%TAG ! x\n---\nvalues:\n  a: 1\n  b: 2\n']) {
    const base = reloadYAML('env', text, undefined).base;
    const r = reloadYAML('env', edited, base);
    assert.equal(r.incremental, false, JSON.stringify(edited));
    assert.deepEqual(dumpLoad(r.loaded), dumpLoad(loadYAML('env', edited)));
  }
});

test('appending entries at the end of a mapping reparses its last entry', () => {
  for (const tail of ['', 'description: d\n']) {
    const text = `values:\n  a: 1\n  b: \${a}\n${tail}`;
    const at = text.length - tail.length;
    const edited = `${text.slice(0, at)}  c: \${b}\n${text.slice(at)}`;
    const r = reloadYAML('env', edited, reloadYAML('env', text, undefined).base);
    assert.equal(r.incremental, true, JSON.stringify(edited));
    assert.deepEqual(dumpLoad(r.loaded), dumpLoad(loadYAML('env', edited)));
  }
});
