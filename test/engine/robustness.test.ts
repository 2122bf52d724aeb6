// Property-based robustness: random and mutated documents never make the engine throw or hang, and
// every diagnostic range lies inside its document. `npm run fuzz` runs the same property 100,000+ times.

import fc from 'fast-check';
import { test } from 'node:test';
import { robustness } from '../fuzz/property';

test('random and mutated documents: no exception, ranges inside documents', async () => {
  await fc.assert(robustness, { numRuns: 3000, seed: 20261125 });
});
