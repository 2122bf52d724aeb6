// Our own engine fixtures (test/engine/fixtures/<case>/): each case is evaluated in Check, Eval and (when
// overrides.json says so) Rotate mode with the test providers and rot128, and the result, with true
// ranges, is compared with expected.json. `ESC_ACCEPT=1 npm test` rewrites the expected files; review the diff.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { encodeJSON } from '../../engine/src/util/goJson';
import { evalCase } from '../conformance/escEval';
import { repoRoot } from '../util/conformance';

const fixtures = join(repoRoot, 'test', 'engine', 'fixtures');
const accept = process.env['ESC_ACCEPT'] === '1';

for (const name of readdirSync(fixtures).sort()) {
  const dir = join(fixtures, name);
  if (!statSync(dir).isDirectory()) continue;
  test(`fixture ${name}`, async () => {
    const r = encodeJSON(await evalCase(dir, { ranges: 'true' }), { indent: '    ', trailingNewline: true });
    assert.ok(r.ok);
    const file = join(dir, 'expected.json');
    if (accept || !existsSync(file)) {
      writeFileSync(file, r.text);
      if (!accept) assert.fail(`wrote missing ${file}; review it and run again`);
      return;
    }
    assert.equal(r.text, readFileSync(file, 'utf8'));
  });
}
