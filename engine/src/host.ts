// Host interfaces: everything outside the engine (files, providers, rotators, decryption) comes in
// through these. The engine itself does no I/O. Host calls may throw; the engine turns their errors
// into diagnostics at the expression that caused the call.

import type { Value } from './model.js';
import type { Schema } from './schema/schema.js';
import type { LoadedDocument } from './ast/load.js';

/** Decrypts ciphertexts of `fn::secret: {ciphertext: ...}` (the envelope is already removed). */
export interface Decrypter {
  decrypt(ciphertext: Uint8Array): Uint8Array;
}

/** Encrypts plaintexts for `encryptSecrets`. */
export interface Encrypter {
  encrypt(plaintext: Uint8Array): Uint8Array;
}

/** What the execution context tells providers and rotators. */
export interface ExecContext {
  /** The user-supplied context values (e.g. `pulumi.user.id`), plus `currentEnvironment` and `rootEnvironment`. */
  readonly values: ReadonlyMap<string, Value>;
  readonly rootEnvironmentName: string;
  readonly currentEnvironmentName: string;
}

/** A dynamic source of values: `fn::open::<name>`. */
export interface Provider {
  /** Returns the input and output schemas. */
  schema(): { inputs: Schema; outputs: Schema };
  /** Opens the provider. May be asynchronous; the engine re-evaluates once the result is known. */
  open(inputs: Map<string, Value>, context: ExecContext): Value | Promise<Value>;
}

/** A rotator: `fn::rotate::<name>`. */
export interface Rotator {
  /** Returns the input, state and output schemas. */
  schema(): { inputs: Schema; state: Schema; outputs: Schema };
  open(inputs: Map<string, Value>, state: Map<string, Value> | null, context: ExecContext): Value | Promise<Value>;
  rotate(inputs: Map<string, Value>, state: Map<string, Value> | null, context: ExecContext): Value | Promise<Value>;
}

/** Loads providers and rotators by name. Throwing makes a diagnostic with the error's message. */
export interface ProviderLoader {
  loadProvider(name: string): Provider;
  loadRotator(name: string): Rotator;
}

/** What an environment loader returns: the document (bytes, text or an already parsed document) and its decrypter. */
export interface LoadedEnvironment {
  readonly source: string | Uint8Array | LoadedDocument;
  readonly decrypter?: Decrypter;
}

/** Loads imported environments by name. Throwing makes a diagnostic with the error's message at the import. */
export interface EnvironmentLoader {
  loadEnvironment(name: string): LoadedEnvironment;
}
