import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { displayWidth } from '../../../engine/src/text/displayWidth.js';
import { SourceText } from '../../../engine/src/text/sourceText.js';
import { offsetOf as at } from '../../util/markers.js';

test('line breaks: \\n, \\r\\n and \\r each end a line', () => {
  const text = 'a\nb\r\nc\rd';
  const s = new SourceText(text);
  assert.equal(s.lineCount, 4);
  for (const [needle, line] of [['a', 1], ['b', 2], ['c', 3], ['d', 4]] as const) {
    assert.deepEqual(s.pos(at(text, needle)), { line, column: 1, byte: at(text, needle) });
  }
  assert.equal(new SourceText('x\n').lineCount, 2);
  assert.equal(new SourceText('').lineCount, 1);
});

test('columns count code points; bytes are true UTF-8 offsets; LSP characters count UTF-16 units', () => {
  const text = 'k: 世界 𐀀 x\né: y';
  const s = new SourceText(text);
  const x = at(text, 'x');
  // "k: " (3) + 世界 (2) + " " + 𐀀 (1 code point, 2 UTF-16 units) + " " → x is the 9th code point.
  assert.deepEqual(s.pos(x), { line: 1, column: 9, byte: 3 + 6 + 1 + 4 + 1 });
  assert.deepEqual(s.lspPosition(x), { line: 0, character: 9 });
  const y = at(text, 'y');
  assert.deepEqual(s.pos(y), { line: 2, column: 4, byte: Buffer.byteLength(text.slice(0, y)) });
  for (const o of [0, 3, x, y, text.length]) {
    const p = s.pos(o);
    assert.equal(s.offsetOfPos(p.line, p.column), o, `offsetOfPos inverts pos at ${o}`);
    assert.equal(s.offsetAt(s.lspPosition(o)), o, `offsetAt inverts lspPosition at ${o}`);
    assert.deepEqual(s.lspPositionOfPos(p), s.lspPosition(o));
  }
});

test('conversions clamp out-of-range input (LSP semantics: never past the line break)', () => {
  const text = 'ab\r\ncd';
  const s = new SourceText(text);
  assert.equal(s.offsetAt({ line: 0, character: 99 }), at(text, '\r'));
  assert.equal(s.offsetAt({ line: -1, character: 5 }), 0);
  assert.equal(s.offsetAt({ line: 9, character: 0 }), text.length);
  assert.equal(s.offsetOfPos(1, 99), at(text, '\r'));
  assert.equal(s.offsetOfPos(0, 1), 0);
  assert.equal(s.offsetOfPos(7, 1), text.length);
  assert.deepEqual(s.pos(-4), { line: 1, column: 1, byte: 0 });
  assert.deepEqual(s.pos(99), s.pos(text.length));
  assert.deepEqual(s.range('env', 0, 2), { environment: 'env', begin: s.pos(0), end: s.pos(2) });
});

test('referencePos accepts columns past the end of the line', () => {
  const s = new SourceText('ab\ncd');
  assert.deepEqual(s.referencePos(1, 6), { line: 1, column: 6, byte: 5 });
});

test('display width follows uniseg: wide 2, combining 0, emoji 2, controls 0', () => {
  const cases: [string, number][] = [
    ['hello', 5],
    ['世界', 4],
    ['e\u0301', 1],
    ['😀', 2],
    ['👍🏽', 2],
    ['🇩🇪', 2],
    ['\t', 0],
    ['ｈｉ', 4],
    ['𐀀', 1],
    ['☺', 1],
    ['☺\ufe0f', 2],
  ];
  for (const [s, w] of cases) assert.equal(displayWidth(s), w, JSON.stringify(s));
});

test('lone surrogates count as one code point both ways', () => {
  const s = new SourceText('a\ud83db: x\n\udc00\ud83d\ude42z\n');
  for (let o = 0; o <= s.text.length; o++) {
    const p = s.pos(o);
    const back = s.offsetOfPos(p.line, p.column);
    const again = s.pos(back);
    assert.deepEqual([again.line, again.column], [p.line, p.column], `offset ${o}`);
  }
  assert.equal(s.pos(s.text.indexOf('z')).column, 3);
});
