// `npm run fuzz`: runs the robustness property at least 100,000 times (FUZZ_RUNS to change, FUZZ_SEED
// to reproduce) and prints how many ran, how long it took, the slowest case and how many failed.

import fc from 'fast-check';
import { workspace } from './property';
import { exercise } from './invariants';

async function main(): Promise<number> {
  const runs = Number(process.env['FUZZ_RUNS'] ?? 100_000);
  const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
  let ran = 0;
  let failed = 0;
  let slowest = 0;
  const failures: string[] = [];
  const started = process.hrtime.bigint();
  const property = fc.asyncProperty(workspace, fc.boolean(), async (ws, evaluate) => {
    ran++;
    const t0 = process.hrtime.bigint();
    try {
      await exercise(ws, 'env', evaluate);
    } catch (e) {
      failed++;
      if (failures.length < 5) failures.push(`${e instanceof Error ? e.stack : String(e)}\n  input: ${JSON.stringify([...ws].map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]))}`);
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms > slowest) slowest = ms;
    if (ran % 10000 === 0) process.stderr.write(`  ${ran} runs...\n`);
  });
  await fc.assert(property, { numRuns: runs, seed, endOnFailure: false }).catch(() => undefined);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const f of failures) console.log(`FAILURE: ${f}`);
  console.log(`fuzz: seed ${seed}`);
  console.log(`fuzz: ${ran} runs in ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(ran, 1)).toFixed(2)} ms per run, slowest ${slowest.toFixed(1)} ms)`);
  console.log(`fuzz: ${ran - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((c) => process.exit(c), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
