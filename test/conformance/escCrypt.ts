// The esc-crypt golden cases (spec §9.6): encrypting `<case>.plaintext.yaml` and decrypting
// `<case>.ciphertext.yaml` with the rot128 crypter must reproduce the other file exactly.

import { decryptSecrets, encryptSecrets } from '../../engine/src/edit/secrets';
import { rot128 } from '../hosts/rot128';

/** Our encryption of a case's plaintext document and decryption of its ciphertext document (errors as `error: …`). */
export function cryptCase(plaintextText: string, ciphertextText: string): { encrypted: string; decrypted: string } {
  const encrypted = encryptSecrets(plaintextText, rot128);
  const decrypted = decryptSecrets(ciphertextText, rot128);
  return {
    encrypted: encrypted.ok ? encrypted.text : `error: ${encrypted.error}`,
    decrypted: decrypted.ok ? decrypted.text : `error: ${decrypted.error}`,
  };
}
