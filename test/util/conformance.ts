// Locates the reference conformance corpus (read-only, never copied into the repository).

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root (tests are compiled to out/test/..., so walk up from there). */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** Returns the conformance directory ($ESC_CONFORMANCE_DIR, else ../shared/conformance), or undefined when absent. */
export function conformanceDir(): string | undefined {
  const fromEnv = process.env['ESC_CONFORMANCE_DIR'];
  const candidates = fromEnv ? [fromEnv] : [join(repoRoot, '..', 'shared', 'conformance')];
  return candidates.find((d) => existsSync(d));
}

/** Message printed by tests that skip because the corpus is absent. */
export const conformanceAbsent =
  'conformance corpus not found (set ESC_CONFORMANCE_DIR or place it at ../shared/conformance); reference cases skipped';
