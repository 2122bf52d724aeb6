// Rotators in ESC Local.
//
// Opening: every catalogue rotator's outputs follow from its state (and, for snowflake-user, its
// inputs), so every rotator opens locally: it returns its state, as Pulumi ESC does. A rotator whose
// outputs need a state it does not have yet (never rotated) fails with a clear message.
// Rotating: `password` and `passphrase` generate locally with the CSPRNG; the new state keeps the
// previous secret under `previous`. Every other rotator changes something in a remote system, so its
// rotation fails with a message saying so.

import type { CatalogueEntry, Value } from '../../../../engine/src/index';
import { generatePassphrase, generatePassword } from './generators';
import { noStateYet, rotationUnavailable } from './messages';
import type { RandomSource } from './random';
import { objectValue, stringAt, value } from './values';

/** Returns what opening a rotator gives, from its state. */
export function openRotator(entry: CatalogueEntry, inputs: ReadonlyMap<string, Value>, state: ReadonlyMap<string, Value> | null): Value {
  const required = entry.outputs.required ?? [];
  if (entry.name === 'snowflake-user') {
    if (state === null) throw noStateYet(entry);
    return objectValue(
      [
        ['account', state.get('account')],
        ['privateKey', state.get('privateKey')],
        ['rotatedAt', state.get('createdAt')],
        ['user', stringAt(inputs, 'targetUser') === undefined ? undefined : value(stringAt(inputs, 'targetUser')!)],
      ],
      false,
    );
  }
  if (required.some((k) => state === null || !state.has(k))) throw noStateYet(entry);
  return value(new Map(state ?? []));
}

/** Generators of the rotators that rotate locally. */
const LOCAL_ROTATIONS: ReadonlyMap<string, (inputs: ReadonlyMap<string, Value>, random: RandomSource) => string> = new Map([
  ['password', generatePassword],
  ['passphrase', generatePassphrase],
]);

/** Reports whether ESC Local can rotate a rotator itself. */
export function rotatesLocally(name: string): boolean {
  return LOCAL_ROTATIONS.has(name);
}

/**
 * Rotates a rotator: returns its new state, or throws why it cannot rotate here. The new secret is
 * marked secret (not the state object: the document then gets `current: {fn::secret: ...}`).
 */
export function rotateRotator(
  entry: CatalogueEntry,
  inputs: ReadonlyMap<string, Value>,
  state: ReadonlyMap<string, Value> | null,
  random: RandomSource,
): Value {
  const generate = LOCAL_ROTATIONS.get(entry.name);
  if (generate === undefined) throw rotationUnavailable(entry);
  return objectValue(
    [
      ['current', value(generate(inputs, random), true)],
      ['previous', state?.get('current')],
    ],
    false,
  );
}
