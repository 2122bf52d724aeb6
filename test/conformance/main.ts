// `npm run conformance`: runs the reference corpus (esc-eval, esc-parse, esc-yaml decoding, esc-crypt)
// against our engine and prints a per-case, per-field table and `N passed, N failed`.
// `npm run --silent conformance -- --case DIR` prints our document for one case folder instead.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { conformanceAbsent, conformanceDir } from '../util/conformance';
import { loadDivergences, type Divergence } from './divergences';
import { produce, render, runConformance, type CaseResult } from './run';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const caseIndex = args.indexOf('--case');
  if (caseIndex >= 0) {
    const dir = args[caseIndex + 1];
    if (!dir || !existsSync(dir)) {
      process.stderr.write('conformance: --case needs an existing case folder\n');
      return 2;
    }
    process.stdout.write(render(await produce(resolve(dir))) + '\n');
    return 0;
  }
  const root = conformanceDir();
  if (root === undefined) {
    console.log(conformanceAbsent);
    return 0;
  }
  const divergences = loadDivergences();
  const results = await runConformance(root, divergences);
  return report(results, divergences, args.includes('--verbose'));
}

function report(results: CaseResult[], divergences: Divergence[], verbose: boolean): number {
  let passed = 0;
  let failed = 0;
  let diverged = 0;
  const width = Math.max(...results.map((r) => r.id.length));
  for (const r of results) {
    const cells = r.fields.map((f) => {
      if (f.difference === undefined) {
        passed++;
        return `${f.field} ok`;
      }
      if (f.divergence) {
        diverged++;
        return `${f.field} DIVERGES`;
      }
      failed++;
      return `${f.field} FAIL`;
    });
    console.log(`${r.id.padEnd(width)}  ${cells.join('  ')}`);
    for (const f of r.fields) {
      if (f.difference === undefined) continue;
      if (f.divergence) {
        if (verbose) console.log(`    ~ ${f.field}: ${f.divergence.reason}`);
      } else console.log(`    ✗ ${f.difference}`);
    }
  }
  const stale = divergences.filter((d) => !results.some((r) => r.id === d.case && r.fields.some((f) => f.field === d.field && f.difference !== undefined)));
  for (const d of stale) console.log(`note: documented divergence ${d.case} ${d.field} no longer differs`);
  console.log(`${results.length} cases; fields: ${diverged} diverged (documented in test/conformance/divergences.json)`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
