// Streaming redaction: secrets split across chunks, binary data, overlapping secrets, encoded forms.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Redactor } from '../../server/src/cli/redact';
import { redactionPatterns } from '../../server/src/cli/secrets';

/** Feeds `input` to a redactor in chunks of the given sizes (cycled) and returns the output. */
function redact(patterns: string[], input: Buffer, sizes: number[] = [input.length || 1]): Buffer {
  const r = new Redactor(patterns);
  const out: Buffer[] = [];
  let at = 0;
  for (let k = 0; at < input.length; k++) {
    const n = sizes[k % sizes.length]!;
    out.push(r.write(input.subarray(at, at + n)));
    at += n;
  }
  out.push(r.flush());
  return Buffer.concat(out);
}

const text = (patterns: string[], s: string, sizes?: number[]) => redact(patterns, Buffer.from(s), sizes).toString();

test('replaces every occurrence, whatever the chunking', () => {
  const input = 'a hunter2 b hunter2hunter2 c hunter';
  const expected = 'a [secret] b [secret][secret] c hunter';
  for (const sizes of [[1], [2], [3], [5, 1], [7], [100]]) assert.equal(text(['hunter2'], input, sizes), expected, `chunks ${sizes}`);
});

test('holds back only what may start a secret, and emits it at the end', () => {
  const r = new Redactor(['hunter2']);
  assert.equal(r.write(Buffer.from('abc hun')).toString(), 'abc ');
  assert.equal(r.write(Buffer.from('t')).toString(), '');
  assert.equal(r.flush().toString(), 'hunt');
  const partial = new Redactor(['secret-value']);
  // A line without a newline is not held back: output has no per-line latency.
  assert.equal(partial.write(Buffer.from('progress 10%')).toString(), 'progress 10%');
});

test('overlapping and nested secrets are covered completely', () => {
  assert.equal(text(['hunter2', 'myhunter2x'], 'say myhunter2x!'), 'say [secret]!');
  assert.equal(text(['abcd', 'cdef'], '-abcdef-'), '-[secret]-');
  assert.equal(text(['ab', 'abxcdz', 'cd'], 'abxcdz abxcd', [1]), '[secret] [secret]x[secret]');
});

test('binary data passes through byte for byte', () => {
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  const secret = 'Zq\u00e9!s3cr3t';
  const withSecret = Buffer.concat([bytes, Buffer.from(secret), bytes]);
  const out = redact([secret], withSecret, [13, 1, 64]);
  assert.deepEqual(out, Buffer.concat([bytes, Buffer.from('[secret]'), bytes]));
  assert.deepEqual(redact([secret], bytes, [3]), bytes);
  // Invalid UTF-8 (a lone continuation byte before a multi-byte secret) is left alone.
  const odd = Buffer.concat([Buffer.from([0x80, 0xc3]), Buffer.from('é!s3cr'), Buffer.from([0xff])]);
  assert.deepEqual(redact([secret], odd, [1]), odd);
});

test('encoded forms of a secret are redacted: base64, URL-encoded, JSON-escaped', () => {
  const secret = 'p@ss word/"quoted"\n<tag>&é';
  const patterns = redactionPatterns([secret]);
  const forms = [
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify({ k: secret }),
  ];
  for (const f of forms) {
    const out = text(patterns, `before ${f} after`, [5]);
    assert.ok(!out.includes(secret) && out.startsWith('before ') && out.endsWith(' after') && out.includes('[secret]'), `${f} → ${out}`);
    assert.ok(!out.includes(f.slice(1, -1)), `form leaked: ${out}`);
  }
  // The secret inside a longer base64 text, at each of the three alignments.
  for (const prefix of ['', 'x', 'xy']) {
    const b64 = Buffer.from(`${prefix}${secret}tail`).toString('base64');
    const out = text(patterns, b64);
    assert.ok(out.includes('[secret]'), `alignment ${prefix.length}: ${out}`);
  }
});

test('secrets shorter than 3 bytes are ignored; an empty pattern list redacts nothing', () => {
  assert.deepEqual(redactionPatterns(['ab', 'é']), []);
  assert.ok(redactionPatterns(['abc']).includes('abc'));
  assert.equal(text([], 'abc'), 'abc');
});

test('very large secrets (beyond the dense table) are redacted by the sparse automaton too', () => {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const big = Array.from({ length: 20_000 }, () => String.fromCharCode(33 + (rand() % 90))).join('');
  const input = `head ${big} middle ${big.slice(0, 100)} tail ${big}`;
  assert.equal(text([big, 'middle'], input, [997, 1, 4096]), `head [secret] [secret] ${big.slice(0, 100)} tail [secret]`);
});
