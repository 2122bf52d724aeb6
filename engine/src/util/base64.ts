// Go's base64.StdEncoding (spec §5.9, §5.1.1): standard alphabet with padding. Decoding is strict
// like Go's (padding required, no trailing garbage, `\r` and `\n` skipped anywhere) and reports
// Go's error `illegal base64 data at input byte N`, with N computed as Go's decodeQuantum does.

import { encodeUtf8 } from '../text/utf8.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d;

/** The decoded bytes, or Go's error text. */
export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** Encodes bytes with standard base64 and padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = bytes.length - i;
    const v = (bytes[i]! << 16) | ((n > 1 ? bytes[i + 1]! : 0) << 8) | (n > 2 ? bytes[i + 2]! : 0);
    out += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]!;
    out += n > 1 ? ALPHABET[(v >> 6) & 63]! : '=';
    out += n > 2 ? ALPHABET[v & 63]! : '=';
  }
  return out;
}

/** Decodes standard base64 text (its UTF-8 bytes, as Go sees the string) like Go's StdEncoding.DecodeString. */
export function decodeBase64(text: string): Base64Result {
  const src = encodeUtf8(text);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const q = decodeQuantum(src, si, out);
    if (typeof q === 'string') return { ok: false, error: q };
    si = q;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** Go's decodeQuantum: decodes up to 4 symbols from `si`; returns the next index or the error. */
function decodeQuantum(src: Uint8Array, start: number, out: number[]): number | string {
  const dbuf = [0, 0, 0, 0];
  let dlen = 4;
  let si = start;
  let trailing: string | undefined;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return si;
      return corrupt(si - j);
    }
    const c = src[si++]!;
    const v = DECODE[c]!;
    if (v >= 0) {
      dbuf[j] = v;
      continue;
    }
    if (c === 0x0a || c === 0x0d) {
      j--;
      continue;
    }
    if (c !== PAD) return corrupt(si - 1);
    // Padding: only after two or three symbols, "==" after two; then only newlines may follow.
    if (j === 0 || j === 1) return corrupt(si - 1);
    if (j === 2) {
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
      if (si === src.length) return corrupt(src.length);
      if (src[si] !== PAD) return corrupt(si - 1);
      si++;
    }
    while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
    if (si < src.length) trailing = corrupt(si);
    dlen = j;
    break;
  }
  const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
  const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
  out.push(...bytes.slice(0, dlen - 1));
  return trailing ?? si;
}

function corrupt(at: number): string {
  return `illegal base64 data at input byte ${at}`;
}
