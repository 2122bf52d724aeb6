// Encrypting and decrypting document secrets: the reference's esc-crypt cases exactly, layout kept,
// quoting of decrypted plaintexts, what is (not) touched, errors, and round trips.

import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { decryptSecrets, encryptSecrets } from '../../../engine/src/edit/secrets.js';
import { encodeYamlScalar } from '../../../engine/src/edit/yamlEncode.js';
import type { Decrypter } from '../../../engine/src/host.js';
import { encodeUtf8 } from '../../../engine/src/text/utf8.js';
import { encodeCiphertext } from '../../../engine/src/util/ciphertext.js';
import type { PlainValue } from '../../../engine/src/util/plain.js';
import { cryptCase } from '../../conformance/escCrypt.js';
import { rot128 } from '../../hosts/rot128.js';
import { conformanceAbsent, conformanceDir } from '../../util/conformance.js';
import { snapshot, trickyString, yamlToPlain } from '../../util/plainData.js';

const H = 'ZXNjeAAAAAHo9e705fKyKo30VQ=='; // hunter2 under rot128

function encrypt(text: string): string {
  const r = encryptSecrets(text, rot128);
  assert.ok(r.ok, !r.ok ? r.error : '');
  return r.text;
}

function decrypt(text: string, decrypter: Decrypter = rot128): string {
  const r = decryptSecrets(text, decrypter);
  assert.ok(r.ok, !r.ok ? r.error : '');
  return r.text;
}

const corpus = conformanceDir();

test('golden: esc-crypt cases, both directions, byte for byte', (t) => {
  if (!corpus) return t.skip(conformanceAbsent);
  const dir = join(corpus, 'esc-crypt');
  const names = readdirSync(dir).filter((f) => f.endsWith('.plaintext.yaml'));
  assert.ok(names.length >= 4);
  for (const f of names) {
    const name = f.slice(0, -'.plaintext.yaml'.length);
    const plaintext = readFileSync(join(dir, f), 'utf8');
    const ciphertextFile = join(dir, `${name}.ciphertext.yaml`);
    assert.ok(existsSync(ciphertextFile));
    const ciphertext = readFileSync(ciphertextFile, 'utf8');
    assert.deepEqual(cryptCase(plaintext, ciphertext), { encrypted: ciphertext, decrypted: plaintext }, name);
  }
});

test('encrypt: block, flow, sequence items, other indentation; comments stay', () => {
  const cases: Array<[string, string]> = [
    ['a:\n    fn::secret: hunter2 # c\n', `a:\n    fn::secret:\n        ciphertext: ${H} # c\n`],
    ['a:\n  fn::secret:\n    # why\n    hunter2\n', `a:\n  fn::secret:\n    # why\n    ciphertext: ${H}\n`],
    ['a: {fn::secret: hunter2}\n', `a: {fn::secret: {ciphertext: ${H}}}\n`],
    ['a:\n  - fn::secret: "hunter2"\n', `a:\n  - fn::secret:\n      ciphertext: ${H}\n`],
    ['imports:\n  - {x: {fn::secret: hunter2}}\n', `imports:\n  - {x: {fn::secret: {ciphertext: ${H}}}}\n`],
    ['a:\n  fn::secret: !!str hunter2\n', `a:\n  fn::secret:\n    ciphertext: ${H}\n`],
  ];
  for (const [text, want] of cases) assert.equal(encrypt(text), want, text);
  // CRLF documents stay CRLF, both ways.
  const crlf = 'values:\r\n  p:\r\n    fn::secret: hunter2 # c\r\n';
  assert.equal(encrypt(crlf), `values:\r\n  p:\r\n    fn::secret:\r\n      ciphertext: ${H} # c\r\n`);
  assert.equal(decrypt(encrypt(crlf)), crlf);
});

test('encrypt: malformed or already encrypted secrets are left alone', () => {
  for (const text of [
    'a:\n  fn::secret: 42\n',
    'a:\n  fn::secret: [x]\n',
    'a:\n  fn::secret:\n',
    'a:\n  fn::secret: x\n  other: y\n',
    `a:\n  fn::secret: {ciphertext: ${H}}\n`,
    'a:\n  fn::secret: true\n',
  ]) {
    assert.equal(encrypt(text), text, text);
  }
});

test('decrypt: only under top-level values; quoting as the reference writes plaintexts', () => {
  const rotEnvelope = (plain: string) => {
    const r = encryptSecrets(`x:\n  fn::secret: ${encodeYamlScalar(plain, 'double', true)}\n`, rot128);
    assert.ok(r.ok);
    return /ciphertext: (\S+)/.exec(r.text)![1]!;
  };
  const block = (plain: string) => decrypt(`values:\n  p:\n    fn::secret:\n      ciphertext: ${rotEnvelope(plain)}\n`);
  const cases: Array<[string, string]> = [
    ['plain text', 'values:\n  p:\n    fn::secret: plain text\n'],
    ['1.25', "values:\n  p:\n    fn::secret: '1.25'\n"],
    ['kept\n\n', 'values:\n  p:\n    fn::secret: |+\n      kept\n\n'],
    ['1e39', 'values:\n  p:\n    fn::secret: "1e39"\n'],
    ['Infinity', "values:\n  p:\n    fn::secret: 'Infinity'\n"],
    ['true', "values:\n  p:\n    fn::secret: 'true'\n"],
    ['True', 'values:\n  p:\n    fn::secret: "True"\n'],
    ['null', 'values:\n  p:\n    fn::secret: "null"\n'],
    ['#xyz', "values:\n  p:\n    fn::secret: '#xyz'\n"],
    ['tab\t', 'values:\n  p:\n    fn::secret: "tab\\t"\n'],
    ['two\nlines', 'values:\n  p:\n    fn::secret: |-\n      two\n      lines\n'],
  ];
  for (const [plain, want] of cases) assert.equal(block(plain), want, plain);
  // Outside `values` nothing is decrypted.
  const outside = `imports:\n  - {fn::secret: {ciphertext: ${H}}}\nvalues: {}\n`;
  assert.equal(decrypt(outside), outside);
  // Flow, and comments between fn::secret and the ciphertext.
  assert.equal(decrypt(`values:\n  p: {fn::secret: {ciphertext: ${H}}}\n`), 'values:\n  p: {fn::secret: hunter2}\n');
  assert.equal(decrypt(`values:\n  p:\n    fn::secret:\n      # keep\n      ciphertext: ${H} # line\n`), 'values:\n  p:\n    fn::secret:\n      # keep\n      hunter2 # line\n');
  // A multi-line plaintext takes the line comment onto its block header.
  assert.equal(decrypt(`values:\n  p:\n    fn::secret:\n      ciphertext: ${rotEnvelope('two\nlines')} # line\n`), 'values:\n  p:\n    fn::secret: |- # line\n      two\n      lines\n');
});

test('decrypt: failures are results and nothing is changed', () => {
  const failing: Decrypter = {
    decrypt() {
      throw new Error('no key');
    },
  };
  assert.deepEqual(decryptSecrets(`values:\n  p:\n    fn::secret:\n      ciphertext: ${H}\n`, failing), { ok: false, error: 'values.p: decrypting: no key' });
  assert.deepEqual(decryptSecrets('values:\n  p:\n    fn::secret: {ciphertext: hunter23}\n', rot128), { ok: false, error: 'values.p: invalid ciphertext: EOF' });
  assert.deepEqual(decryptSecrets('values:\n  "a b": [{fn::secret: {ciphertext: "!"}}]\n', rot128), { ok: false, error: 'values["a b"][0]: invalid ciphertext: illegal base64 data at input byte 0' });
  assert.deepEqual(encryptSecrets('values: [\n', rot128).ok, false);
});

/** The data with every `{fn::secret: <string>}` replaced by its rot128 ciphertext form. */
function encryptedData(v: PlainValue): PlainValue {
  if (Array.isArray(v)) return v.map(encryptedData);
  if (!(v instanceof Map)) return v;
  const secret = v.get('fn::secret');
  if (v.size === 1 && typeof secret === 'string') {
    return new Map([['fn::secret', new Map([['ciphertext', encodeCiphertext(rot128.encrypt(encodeUtf8(secret)))]])]]);
  }
  return new Map([...v].map(([k, x]) => [k, encryptedData(x)]));
}

test('property: encryption writes the envelopes; decrypt(encrypt(doc)) reads back as the same data', () => {
  const place = fc.constantFrom(
    (s: string) => `values:\n  a:\n    fn::secret: ${s}\n`,
    (s: string) => `values:\n  a: {fn::secret: ${s}}\n`,
    (s: string) => `values:\n    list:\n        - fn::secret: ${s} # c\n`,
  );
  fc.assert(
    fc.property(trickyString.filter((s) => s.length >= 4 || s.length === 0), place, (plain, doc) => {
      // Plaintexts shorter than 4 bytes cannot be decrypted by ESC (its envelope is then under 16 bytes).
      if (plain.length === 0) return;
      const flow = doc('x').includes('{');
      const text = doc(encodeYamlScalar(plain, 'double', flow));
      const encrypted = encrypt(text);
      assert.deepEqual(snapshot(yamlToPlain(encrypted)!), snapshot(encryptedData(yamlToPlain(text)!)), encrypted);
      const back = decrypt(encrypted);
      assert.deepEqual(snapshot(yamlToPlain(back)!), snapshot(yamlToPlain(text)!), back);
    }),
    { numRuns: 300, seed: 47 },
  );
});
