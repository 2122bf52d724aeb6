// The reference harness's test crypter (spec §5.1.1, §14.4): every byte + 128 mod 256, both ways.

import type { Decrypter, Encrypter } from '../../engine/src/host';

function rotate(bytes: Uint8Array): Uint8Array {
  return bytes.map((b) => (b + 128) & 0xff);
}

/** Decrypts and encrypts by adding 128 to every byte. */
export const rot128: Decrypter & Encrypter = {
  decrypt: rotate,
  encrypt: rotate,
};
