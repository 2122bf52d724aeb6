// Generated secrets: random passwords (password) and memorable passphrases (passphrase). Both keep
// the newest and the previous secret; ESC Local can rotate them itself (see the server's rotators).

import type { Schema } from '../schema/schema.js';
import type { CatalogueEntry } from './entry.js';
import { bool, num, obj, str } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations/rotated-secrets';

/** The special characters a password draws from unless `overrideSpecial` says otherwise. */
export const DEFAULT_SPECIAL = '!@#$%&*()-_=+[]{}<>:?';

function pair(what: string): Schema {
  return obj('', { current: str(`The newest ${what}.`), previous: str(`The ${what} before it.`) });
}

function password(): CatalogueEntry {
  const count = (what: string) => num(`At least this many ${what}.`, { default: 0, minimum: 0, maximum: 100 });
  return {
    name: 'password',
    kind: 'rotator',
    summary: 'Generates random passwords.',
    description:
      'Each rotation generates a new random password of `length` characters from the enabled classes (lower case, ' +
      'upper case, digits, special characters), with at least the `min*` count of each, and keeps the previous one.',
    inputs: obj('Options for generating random passwords.', {
      length: num('The number of characters.', { default: 16, minimum: 8, maximum: 100 }),
      lower: bool('Use lower-case letters.', { default: true }),
      upper: bool('Use upper-case letters.', { default: true }),
      numeric: bool('Use digits.', { default: true }),
      special: bool('Use special characters.', { default: true }),
      minLower: count('lower-case letters'),
      minUpper: count('upper-case letters'),
      minNumeric: count('digits'),
      minSpecial: count('special characters'),
      overrideSpecial: str('The special characters to draw from.', { default: DEFAULT_SPECIAL }),
    }),
    state: pair('password'),
    outputs: pair('password'),
    example: ['fn::rotate::password:', '  inputs:', '    length: 24', '    minSpecial: 2', '    overrideSpecial: "!#%+-_"'].join('\n'),
    docsUrl: `${DOCS}/password/`,
    remoteAction: 'generates a password',
  };
}

function passphrase(): CatalogueEntry {
  return {
    name: 'passphrase',
    kind: 'rotator',
    summary: 'Generates memorable passphrases of random words.',
    description:
      'Each rotation generates a new passphrase of `length` words drawn at random from a Diceware word list, joined ' +
      'by `separator`, and keeps the previous one.',
    inputs: obj('Options for generating passphrases.', {
      length: num('The number of words.', { default: 5, minimum: 3, maximum: 15 }),
      separator: str('The character between words.', { default: '-', minLength: 1, maxLength: 1 }),
      capitalize: bool('Capitalize each word.', { default: false }),
    }),
    state: pair('passphrase'),
    outputs: pair('passphrase'),
    example: ['fn::rotate::passphrase:', '  inputs:', '    length: 6', '    separator: "."', '    capitalize: true'].join('\n'),
    docsUrl: `${DOCS}/passphrase/`,
    remoteAction: 'generates a passphrase',
  };
}

/** Returns the generated-secret entries. */
export function randomSecretEntries(): CatalogueEntry[] {
  return [password(), passphrase()];
}
