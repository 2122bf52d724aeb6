// Go's base64.StdEncoding, CRC-32 and ESC's ciphertext envelope.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeBase64, encodeBase64 } from '../../../engine/src/util/base64.js';
import { decodeCiphertext, encodeCiphertext } from '../../../engine/src/util/ciphertext.js';
import { crc32 } from '../../../engine/src/util/crc32.js';
import { rot128 } from '../../hosts/rot128.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

test('base64: decoding errors at Go\'s byte index', () => {
  // Indices follow Go's decodeQuantum: a short final quantum reports its first byte, a missing
  // second '=' the end of input, a wrong one the first '=', trailing garbage the garbage.
  const cases: Array<[string, string | number]> = [
    ['', ''],
    ['QQ==', 'A'],
    ['QUJDREU=', 'ABCDE'],
    ['QUJD\r\nRA==\n', 'ABCD'],
    ['QQ\n=\r=', 'A'],
    ['QQ', 0],
    ['Q', 0],
    ['QUJDRA', 4],
    ['aGVsbG8', 4],
    ['QQ=', 3],
    ['QUJDRA=\n', 8],
    ['QQ=x', 2],
    ['QQ==x', 4],
    ['QQ==QQ==', 4],
    ['=', 0],
    ['Q===', 1],
    ['QUJ!', 3],
    ['QU\nJ!', 4],
    ['é', 0],
    ['QUJD é', 4],
  ];
  for (const [text, want] of cases) {
    const r = decodeBase64(text);
    if (typeof want === 'number') assert.deepEqual(r, { ok: false, error: `illegal base64 data at input byte ${want}` }, JSON.stringify(text));
    else assert.deepEqual(r.ok && Buffer.from(r.bytes).toString('latin1'), want, JSON.stringify(text));
  }
});

test('property: base64 agrees with Node and round-trips, line breaks ignored', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), fc.array(fc.nat(), { maxLength: 3 }), (b, breaks) => {
      const enc = encodeBase64(b);
      assert.equal(enc, Buffer.from(b).toString('base64'));
      let withBreaks = enc;
      for (const at of breaks) withBreaks = withBreaks.slice(0, at % (withBreaks.length + 1)) + '\r\n' + withBreaks.slice(at % (withBreaks.length + 1));
      const dec = decodeBase64(withBreaks);
      assert.ok(dec.ok);
      assert.deepEqual([...dec.bytes], [...b]);
    }),
    { numRuns: 300, seed: 3 },
  );
});

test('crc32: IEEE check values', () => {
  assert.equal(crc32(bytes('')), 0);
  assert.equal(crc32(bytes('123456789')), 0xcbf43926);
  assert.equal(crc32(bytes('The quick brown fox jumps over the lazy dog')), 0x414fa339);
});

test('ciphertext: reference examples under rot128', () => {
  for (const [plain, envelope] of [
    ['hunter2', 'ZXNjeAAAAAHo9e705fKyKo30VQ=='],
    ['secretAccessKey', 'ZXNjeAAAAAHz5ePy5fTB4+Pl8/PL5fnJxPD7'],
  ] as const) {
    assert.equal(encodeCiphertext(rot128.encrypt(bytes(plain))), envelope);
    const d = decodeCiphertext(envelope);
    assert.ok(d.ok);
    assert.equal(Buffer.from(rot128.decrypt(d.bytes)).toString('latin1'), plain);
  }
});

test('ciphertext: errors in ESC\'s order', () => {
  const envelope = (magic: string, version: number, body: number[], fixCrc = true) => {
    const b = [...bytes(magic), 0, 0, 0, version, ...body];
    const c = fixCrc ? crc32(Uint8Array.from(b)) : 0;
    return encodeBase64(Uint8Array.from([...b, c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]));
  };
  const cases: Array<[string, string]> = [
    ['!!!!', 'illegal base64 data at input byte 0'],
    ['hunter23', 'EOF'],
    [encodeCiphertext(Uint8Array.from([1, 2, 3])), 'EOF'],
    [envelope('escy', 1, [1, 2, 3, 4]), 'invalid header'],
    [envelope('escx', 1, [1, 2, 3, 4], false), 'invalid checksum'],
    [envelope('escx', 2, [1, 2, 3, 4]), 'unsupported version'],
    ['ZXNjeAAAAAHo9e705fKyKo30VA==', 'invalid checksum'],
  ];
  for (const [text, error] of cases) assert.deepEqual(decodeCiphertext(text), { ok: false, error }, text);
});

test('property: ciphertext round trip (ESC cannot decode envelopes of fewer than 4 bytes)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
      const d = decodeCiphertext(encodeCiphertext(b));
      if (b.length < 4) assert.deepEqual(d, { ok: false, error: 'EOF' });
      else assert.deepEqual(d.ok && [...d.bytes], [...b]);
    }),
    { numRuns: 200, seed: 5 },
  );
});
