// The reference corpus as a test: every compared field of every case passes, except the documented
// divergences (test/conformance/divergences.json). Skips, saying so, when the corpus is absent.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDivergences } from '../conformance/divergences';
import { runConformance } from '../conformance/run';
import { conformanceAbsent, conformanceDir } from '../util/conformance';

test('reference conformance corpus', async (t) => {
  const root = conformanceDir();
  if (root === undefined) {
    t.skip(conformanceAbsent);
    return;
  }
  const divergences = loadDivergences();
  const results = await runConformance(root, divergences);
  const failures = results.flatMap((r) => r.fields.filter((f) => f.difference !== undefined && !f.divergence).map((f) => `${r.id} ${f.field}: ${f.difference}`));
  assert.deepEqual(failures, []);
  const stale = divergences.filter((d) => !results.some((r) => r.id === d.case && r.fields.some((f) => f.field === d.field && f.difference !== undefined)));
  assert.deepEqual(stale, [], 'every documented divergence still differs (remove the stale ones)');
});
