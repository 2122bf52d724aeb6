// Rotators: password and passphrase generation (its rules, with a fixed random sequence and with the
// CSPRNG), rotation end to end through the engine (new state, previous kept, patches), opening from
// the state, and the clear failure of rotators that need a cloud.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NumberText, type Value } from '../../engine/src/index';
import { DEFAULT_SPECIAL } from '../../engine/src/index';
import { generatePassphrase, generatePassword, secureRandom, wordCount, type RandomSource } from '../../server/src/host/providers/index';
import { evaluate, expectAt, found, rotate, shown, valueOf, yaml } from '../catalogue/harness';

const v = (x: Value['value']): Value => ({ value: x, trace: { def: { environment: '', begin: { line: 0, column: 0, byte: 0 }, end: { line: 0, column: 0, byte: 0 } } } });
const n = (x: number) => v(new NumberText(String(x)));
const inputs = (o: Record<string, Value>) => new Map(Object.entries(o));

/** A random source that always answers 0 (the first choice everywhere). */
const zeros: RandomSource = { below: () => 0 };

describe('password generation', () => {
  test('defaults: 16 characters from all four classes', () => {
    for (let i = 0; i < 50; i++) {
      const p = generatePassword(inputs({}), secureRandom);
      assert.equal([...p].length, 16);
      assert.match(p, /^[a-zA-Z0-9!@#$%&*()\-_=+[\]{}<>:?]+$/);
    }
  });

  test('minimums are met and disabled classes never appear', () => {
    for (let i = 0; i < 50; i++) {
      const p = generatePassword(inputs({ length: n(20), minUpper: n(5), minNumeric: n(6), lower: v(false), overrideSpecial: v('#'), minSpecial: n(3) }), secureRandom);
      assert.equal(p.length, 20);
      assert.doesNotMatch(p, /[a-z]/);
      assert.ok((p.match(/[A-Z]/g) ?? []).length >= 5);
      assert.ok((p.match(/[0-9]/g) ?? []).length >= 6);
      assert.ok((p.match(/#/g) ?? []).length >= 3);
      assert.match(p, /^[A-Z0-9#]+$/);
    }
  });

  test('draws are uniform over the pool (with a fixed source, the first of each choice)', () => {
    // All-zero draws pick the first character of each class, then the pool's first, then shuffle
    // (Fisher–Yates with j = 0 rotates the first element to the end, one step at a time).
    const p = generatePassword(inputs({ length: n(8), minUpper: n(1), minNumeric: n(1) }), zeros);
    assert.equal(p.length, 8);
    assert.deepEqual([...p].sort(), [...'aaaaaaA0'].sort());
  });

  test('two passwords differ (the CSPRNG is used)', () => {
    assert.notEqual(generatePassword(inputs({ length: n(32) }), secureRandom), generatePassword(inputs({ length: n(32) }), secureRandom));
  });

  test('contradictory options are errors', () => {
    const cases: [Record<string, Value>, string][] = [
      [{ lower: v(false), upper: v(false), numeric: v(false), special: v(false) }, 'password has no characters to draw from: enable lower, upper, numeric or special'],
      [{ numeric: v(false), minNumeric: n(1) }, 'minNumeric asks for numeric characters, but they are disabled'],
      [{ overrideSpecial: v(''), minSpecial: n(2) }, 'minSpecial asks for special characters, but they are disabled'],
      [{ length: n(8), minLower: n(5), minUpper: n(5) }, 'the minimum counts add up to 10, more than the length 8'],
      [{ length: n(8.5) }, 'length must be a whole number from 8 to 100'],
      [{ length: n(101) }, 'length must be a whole number from 8 to 100'],
    ];
    for (const [i, message] of cases) assert.throws(() => generatePassword(inputs(i), secureRandom), { message });
  });

  test('the default special characters are the catalogue\'s', () => {
    const p = generatePassword(inputs({ lower: v(false), upper: v(false), numeric: v(false), length: n(100) }), secureRandom);
    for (const c of p) assert.ok(DEFAULT_SPECIAL.includes(c), c);
  });
});

describe('passphrase generation', () => {
  test('the word list is the EFF large list', () => {
    assert.equal(wordCount(), 7776);
    assert.equal(generatePassphrase(inputs({ length: n(3) }), zeros), 'abacus-abacus-abacus');
  });

  test('length, separator and capitalization', () => {
    const p = generatePassphrase(inputs({ length: n(6), separator: v('.'), capitalize: v(true) }), secureRandom);
    const words = p.split('.');
    assert.equal(words.length, 6);
    for (const w of words) assert.match(w, /^[A-Z][a-z-]*$/);
    assert.equal(generatePassphrase(inputs({}), secureRandom).split('-').length >= 5, true);
  });

  test('invalid options are errors', () => {
    assert.throws(() => generatePassphrase(inputs({ length: n(2) }), secureRandom), { message: 'length must be a whole number from 3 to 15' });
    assert.throws(() => generatePassphrase(inputs({ separator: v('--') }), secureRandom), { message: 'separator must be exactly one character' });
  });
});

describe('rotation through the engine', () => {
  const doc = yaml(
    'values:',
    '  db:',
    '    password:',
    '      fn::rotate::password:',
    '        inputs: {length: 24, special: false}',
    '        state:',
    '          current: {fn::secret: old-password}',
    '  phrase:',
    '    fn::rotate::passphrase:',
    '      inputs: {length: 4}',
    '  uses: ${db.password.current}',
  );

  test('rotate all: new secrets, previous kept, patches for the document', async () => {
    const r = await rotate(doc);
    assert.deepEqual(found(r.diagnostics), []);
    assert.deepEqual(
      r.rotations.map((x) => [x.path, x.status]),
      [
        ['values.db.password', 'succeeded'],
        ['values.phrase', 'succeeded'],
      ],
    );
    assert.deepEqual(
      r.patches.map((p) => p.docPath),
      ['values.db.password["fn::rotate::password"].state', 'values.phrase["fn::rotate::passphrase"].state'],
    );
    const pw = shown(r.patches[0]!.replacement) as { current: { secret: string }; previous: { secret: string } };
    assert.match(pw.current.secret, /^[a-zA-Z0-9]{24}$/);
    assert.deepEqual(pw.previous, { secret: 'old-password' });
    const phrase = shown(r.patches[1]!.replacement) as { current: { secret: string }; previous?: unknown };
    assert.equal(phrase.current.secret.split('-').length, 4);
    assert.equal(phrase.previous, undefined);
    // The environment is evaluated with the new state.
    assert.deepEqual(shown(valueOf(r, 'uses')), { secret: pw.current.secret });
  });

  test('rotate one path: only that rotator runs', async () => {
    const r = await rotate(doc, ['phrase']);
    assert.deepEqual(r.rotations.map((x) => x.path), ['values.phrase']);
    assert.deepEqual(shown(valueOf(r, 'uses')), { secret: 'old-password' });
  });

  test('opening returns the state; without state the outputs are empty', async () => {
    const r = await evaluate(doc);
    assert.deepEqual(found(r.diagnostics), []);
    assert.deepEqual(shown(valueOf(r, 'db')), { password: { current: { secret: 'old-password' } } });
    assert.deepEqual(shown(valueOf(r, 'phrase')), {});
  });

  test('rotators that need a cloud open from their state but do not rotate here', async () => {
    const iam = yaml(
      'values:',
      '  iam:',
      '    fn::rotate::aws-iam:',
      '      inputs:',
      '        login: {accessKeyId: a, secretAccessKey: b}',
      '        userArn: arn:aws:iam::123456789012:user/u',
      '      state:',
      '        current: {accessKeyId: AKIA1, secretAccessKey: {fn::secret: s1}}',
      '  fresh:',
      '    fn::rotate::aws-iam:',
      '      inputs: {login: {accessKeyId: a, secretAccessKey: b}, userArn: u}',
    );
    const opened = await evaluate(iam);
    assert.deepEqual(shown(valueOf(opened, 'iam')), { current: { accessKeyId: 'AKIA1', secretAccessKey: { secret: 's1' } } });
    assert.deepEqual(found(opened.diagnostics), [
      expectAt(iam, 'fn::rotate::aws-iam', 'rotator aws-iam has no state yet: rotate it first, or write its state into the document', 'error', undefined, 1),
    ]);
    const rotated = await rotate(iam, ['iam']);
    assert.deepEqual(rotated.rotations.map((x) => [x.path, x.status]), [['values.iam', 'failed']]);
    assert.deepEqual(rotated.patches, []);
    assert.ok(
      rotated.diagnostics.some(
        (d) => d.summary === 'rotate: rotator aws-iam cannot rotate locally: it creates and deletes access keys in AWS IAM; rotate it with Pulumi ESC (esc env rotate)',
      ),
    );
  });

  test('snowflake-user opens from its state and inputs', async () => {
    const doc2 = yaml(
      'values:',
      '  sf:',
      '    fn::rotate::snowflake-user:',
      '      inputs: {login: {account: a, user: admin, token: t}, targetUser: APP}',
      '      state: {account: a, createdAt: "2024-01-01T00:00:00Z", privateKey: {fn::secret: pem}}',
    );
    const r = await evaluate(doc2);
    assert.deepEqual(found(r.diagnostics), []);
    assert.deepEqual(shown(valueOf(r, 'sf')), { account: 'a', privateKey: { secret: 'pem' }, rotatedAt: '2024-01-01T00:00:00Z', user: 'APP' });
  });
});
