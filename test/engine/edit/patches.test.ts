// Writing rotation results back (ApplyValuePatches): secrets wrapped in fn::secret / fn::fromJSON,
// the reference's rotation patches applied to its documents, and all-or-nothing errors.

import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyValuePatches, patchData } from '../../../engine/src/edit/patches.js';
import type { Range, Value } from '../../../engine/src/model.js';
import { decodeJSON } from '../../../engine/src/util/goJsonDecode.js';
import { NumberText, type PlainValue } from '../../../engine/src/util/plain.js';
import { parsePropertyPath } from '../../../engine/src/util/propertyPath.js';
import { conformanceAbsent, conformanceDir } from '../../util/conformance.js';
import { snapshot, yamlToPlain } from '../../util/plainData.js';

const zero = { line: 0, column: 0, byte: 0 };
const range: Range = { environment: '', begin: zero, end: zero };
const v = (value: Value['value'], secret = false): Value => ({ value, secret, trace: { def: range } });

test('patchData: secrets become fn::secret, secret non-strings fn::fromJSON of compact JSON', () => {
  const state = v(
    new Map([
      ['a', v('x', true)],
      ['b', v(new NumberText('42'), true)],
      ['c', v([v(true, true), v('<plain>')])],
      ['d', v(new Map([['k', v('s', true)], ['n', v(null)]]), true)],
      ['e', v(undefined)],
    ]),
  );
  const r = patchData(state);
  assert.ok(r.ok);
  const fromJSON = (json: string) => new Map([['fn::fromJSON', new Map([['fn::secret', json]])]]);
  const want: PlainValue = new Map<string, PlainValue>([
    ['a', new Map([['fn::secret', 'x']])],
    ['b', fromJSON('42')],
    ['c', [fromJSON('true'), '<plain>']],
    ['d', fromJSON('{"k":"s","n":null}')],
    ['e', null],
  ]);
  assert.deepEqual(snapshot(r.data), snapshot(want));
  assert.deepEqual(patchData(v(new NumberText('NaN'), true)), { ok: false, error: 'json: invalid number literal "NaN"' });
});

test('applyValuePatches: state written in place, comments kept, all or nothing', () => {
  const doc = [
    'values:',
    '  # the rotator',
    '  password:',
    '    fn::rotate::passwords:',
    '      inputs: {length: 8} # inputs',
    '      state:',
    '        current: old # was',
    '  other: value',
    '',
  ].join('\n');
  const patch = (docPath: string, value: Value) => ({ docPath, replacement: value });
  const state = v(new Map([['current', v('new', true)], ['previous', v('old', true)]]));
  const r = applyValuePatches(doc, [patch('values.password["fn::rotate::passwords"].state', state)]);
  assert.deepEqual(r, {
    ok: true,
    text: [
      'values:',
      '  # the rotator',
      '  password:',
      '    fn::rotate::passwords:',
      '      inputs: {length: 8} # inputs',
      '      state:',
      '        current:',
      '          fn::secret: new',
      '        previous:',
      '          fn::secret: old',
      '  other: value',
      '',
    ].join('\n'),
  });
  // The second patch fails, so nothing is applied.
  assert.deepEqual(applyValuePatches(doc, [patch('values.other', v('x')), patch('values.other.deeper', v('y'))]), {
    ok: false,
    error: 'values.other: expected an array or an object',
  });
  assert.deepEqual(applyValuePatches(doc, [patch('values..', v('x'))]), { ok: false, error: 'values..: expected property path to end with a name or index' });
});

/** Converts the JSON of an esc.Value (decoded with exact numbers) to a Value. */
function fromValueJSON(j: PlainValue): Value {
  const o = j as Map<string, PlainValue>;
  const raw = o.get('value');
  let value: Value['value'];
  if (Array.isArray(raw)) value = raw.map(fromValueJSON);
  else if (raw instanceof Map) value = new Map([...raw].map(([k, e]) => [k, fromValueJSON(e)]));
  else value = raw === undefined ? undefined : raw;
  return { value, secret: o.get('secret') === true, unknown: o.get('unknown') === true, trace: { def: range } };
}

const corpus = conformanceDir();

test('golden: the reference\'s rotation patches, applied to the rotated documents', (t) => {
  if (!corpus) return t.skip(conformanceAbsent);
  let cases = 0;
  for (const name of readdirSync(join(corpus, 'esc-eval'))) {
    const dir = join(corpus, 'esc-eval', name);
    if (!existsSync(join(dir, 'expected.json'))) continue;
    const expected = decodeJSON(readFileSync(join(dir, 'expected.json'), 'utf8'));
    assert.ok(expected.ok);
    const patches = (expected.value as Map<string, PlainValue>).get('rotatePatches') as PlainValue[] | undefined;
    if (!patches) continue;
    cases++;
    const text = readFileSync(join(dir, 'env.yaml'), 'utf8');
    const vps = patches.map((p) => ({ docPath: (p as Map<string, PlainValue>).get('DocPath') as string, replacement: fromValueJSON((p as Map<string, PlainValue>).get('Replacement')!) }));
    const r = applyValuePatches(text, vps);
    assert.ok(r.ok, `${name}: ${!r.ok && r.error}`);
    // Every patched path holds the replacement's data; the rest of the document is unchanged.
    const want = yamlToPlain(text)!;
    for (const p of vps) {
      const path = parsePropertyPath(p.docPath);
      assert.ok(path.ok);
      let at = want as Map<string, PlainValue>;
      for (const k of path.path.slice(0, -1)) at = at.get(k as string) as Map<string, PlainValue>;
      const data = patchData(p.replacement);
      assert.ok(data.ok);
      at.set(path.path[path.path.length - 1] as string, data.data);
    }
    assert.deepEqual(snapshot(yamlToPlain(r.text)!), snapshot(want), `${name}:\n${r.text}`);
    // Lines the patches do not concern are kept byte for byte (here: all lines outside `state:` blocks).
    const kept = text.split('\n').filter((l) => !/^\s+(a|b|current|previous):/.test(l));
    const out = r.text.split('\n');
    let i = 0;
    for (const line of out) if (line === kept[i]) i++;
    assert.equal(i, kept.length, `${name}: lines were changed:\n${r.text}`);
  }
  assert.ok(cases >= 2);
});
