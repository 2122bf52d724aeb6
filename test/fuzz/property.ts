// The property checked by both `npm test` (a few thousand runs) and `npm run fuzz` (100,000+).

import fc from 'fast-check';
import { anyDocument, escDocument, mutatedDocument } from './documents';
import { exercise, type Workspace } from './invariants';

/** Workspaces of three documents: a root `env` of any kind importing `a` and `b`. */
export const workspace: fc.Arbitrary<Workspace> = fc
  .tuple(anyDocument, escDocument, mutatedDocument, fc.boolean())
  .map(([env, a, b, cyclic]) => new Map<string, string | Uint8Array>([['env', env], ['a', cyclic ? 'imports: [env, b]\n' + a : a], ['b', b]]));

/** The robustness property: load, check and eval never throw and report in-document ranges. */
export const robustness = fc.asyncProperty(workspace, fc.boolean(), async (ws, evaluate) => {
  await exercise(ws, 'env', evaluate);
});
