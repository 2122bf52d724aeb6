// UTF-8 helpers. The engine targets plain ES2022 (no TextEncoder/TextDecoder), so it carries its own.

/** Returns the number of UTF-8 bytes needed to encode `s` (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(s: string, start = 0, end = s.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Encodes a string as UTF-8 (lone surrogates become U+FFFD). */
export function encodeUtf8(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x80) out[j++] = c;
    else if (c < 0x800) {
      out[j++] = 0xc0 | (c >> 6);
      out[j++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[j++] = 0xe0 | (c >> 12);
      out[j++] = 0x80 | ((c >> 6) & 0x3f);
      out[j++] = 0x80 | (c & 0x3f);
    } else {
      out[j++] = 0xf0 | (c >> 18);
      out[j++] = 0x80 | ((c >> 12) & 0x3f);
      out[j++] = 0x80 | ((c >> 6) & 0x3f);
      out[j++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}

/** Result of decoding bytes as UTF-8. */
export interface DecodedUtf8 {
  text: string;
  /** Byte offset of the first invalid sequence, or -1 when the input is valid UTF-8. */
  firstInvalidByte: number;
}

/** Decodes UTF-8 bytes; each invalid byte becomes U+FFFD (as Go's range loop does). */
export function decodeUtf8(bytes: Uint8Array): DecodedUtf8 {
  let firstInvalidByte = -1;
  const parts: string[] = [];
  let buf: number[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...buf));
    buf = [];
  };
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    let cp = -1;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b <= 0xdf && i + 1 < n && isCont(bytes[i + 1]!)) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      len = 2;
    } else if (b >= 0xe0 && b <= 0xef && i + 2 < n && isCont(bytes[i + 1]!) && isCont(bytes[i + 2]!)) {
      const c = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
        cp = c;
        len = 3;
      }
    } else if (b >= 0xf0 && b <= 0xf4 && i + 3 < n && isCont(bytes[i + 1]!) && isCont(bytes[i + 2]!) && isCont(bytes[i + 3]!)) {
      const c = ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      if (c >= 0x10000 && c <= 0x10ffff) {
        cp = c;
        len = 4;
      }
    }
    if (cp < 0) {
      if (firstInvalidByte < 0) firstInvalidByte = i;
      cp = 0xfffd;
      len = 1;
    }
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      buf.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else buf.push(cp);
    if (buf.length >= 8192) flush();
    i += len;
  }
  flush();
  return { text: parts.join(''), firstInvalidByte };
}

function isCont(b: number): boolean {
  return (b & 0xc0) === 0x80;
}
