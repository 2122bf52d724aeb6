// The documented divergences from the reference evaluator: fields of conformance cases where we are
// deliberately different, each with its reason. Data lives in divergences.json beside this file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../util/conformance';

/** One deliberate divergence. */
export interface Divergence {
  /** Case id, e.g. `esc-eval/unicode`. */
  case: string;
  /** Field of the case, e.g. `check`. */
  field: string;
  reason: string;
}

/** Reads test/conformance/divergences.json. */
export function loadDivergences(): Divergence[] {
  return JSON.parse(readFileSync(join(repoRoot, 'test', 'conformance', 'divergences.json'), 'utf8')) as Divergence[];
}
