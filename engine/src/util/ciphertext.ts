// The ciphertext envelope of `fn::secret: {ciphertext: …}` (spec §5.1.1): standard base64 of
// "escx" ‖ version (uint32 big-endian, 1) ‖ encrypted bytes ‖ CRC-32/IEEE of everything before it.

import { decodeBase64, encodeBase64 } from './base64.js';
import { crc32 } from './crc32.js';

const MAGIC = [0x65, 0x73, 0x63, 0x78]; // "escx"
const VERSION = 1;
/** ESC rejects envelopes shorter than this with `EOF`, even though it can produce them (§5.1.1). */
const MIN_LENGTH = 16;

/** The encrypted bytes inside an envelope, or the reason the envelope is invalid. */
export type CiphertextResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** Wraps encrypted bytes in the envelope and returns its base64 text. */
export function encodeCiphertext(bytes: Uint8Array): string {
  const out = new Uint8Array(bytes.length + 12);
  out.set(MAGIC, 0);
  writeUint32(out, 4, VERSION);
  out.set(bytes, 8);
  writeUint32(out, bytes.length + 8, crc32(out.subarray(0, bytes.length + 8)));
  return encodeBase64(out);
}

/** Unwraps an envelope, with ESC's checks and messages in ESC's order (base64, `EOF`, `invalid header`, `invalid checksum`, `unsupported version`). */
export function decodeCiphertext(text: string): CiphertextResult {
  const decoded = decodeBase64(text);
  if (!decoded.ok) return decoded;
  const b = decoded.bytes;
  if (b.length < MIN_LENGTH) return { ok: false, error: 'EOF' };
  if (MAGIC.some((m, i) => b[i] !== m)) return { ok: false, error: 'invalid header' };
  const end = b.length - 4;
  if (readUint32(b, end) !== crc32(b.subarray(0, end))) return { ok: false, error: 'invalid checksum' };
  if (readUint32(b, 4) !== VERSION) return { ok: false, error: 'unsupported version' };
  return { ok: true, bytes: b.slice(8, end) };
}

function writeUint32(b: Uint8Array, at: number, v: number): void {
  b[at] = v >>> 24;
  b[at + 1] = (v >>> 16) & 0xff;
  b[at + 2] = (v >>> 8) & 0xff;
  b[at + 3] = v & 0xff;
}

function readUint32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}
