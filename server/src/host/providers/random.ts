// The randomness of generated secrets: Node's CSPRNG, behind an interface so tests can also drive
// the generators with a fixed sequence.

import { randomInt } from 'node:crypto';

/** A source of uniformly distributed integers. */
export interface RandomSource {
  /** Returns an integer in [0, max), uniformly (max ≥ 1). */
  below(max: number): number;
}

/** The cryptographically secure source (`crypto.randomInt`, which rejects biased draws). */
export const secureRandom: RandomSource = { below: (max) => randomInt(max) };

/** Shuffles `items` in place (Fisher–Yates) and returns them. */
export function shuffle<T>(items: T[], random: RandomSource): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
