// `npm run bench`: the engine on the generated corpus (sizes S, M, L, the 200-environment import graph,
// the 100-deep chain) and on the reference benchmark environment, each against the time of `yaml`'s
// parseDocument on the same files measured in the same run; then the CLI figures. Prints ratios,
// never asserts: speed targets are read here, not enforced by tests.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, conformanceDir } from '../util/conformance';
import { benchCli } from './cli';
import type { CaseFigures } from './engineCase';

const BENCH_DIR = process.env['ESC_BENCH_DIR'] ?? join(repoRoot, '..', 'shared', 'bench');

interface Case {
  name: string;
  dir: string;
  root: string;
  iterations: number;
  /** What the targets compare: check time as a multiple of parse time. */
  target?: number;
}

function corpus(): string | undefined {
  const generator = join(BENCH_DIR, 'gen-corpus.mjs');
  if (!existsSync(generator)) return undefined;
  const out = join(tmpdir(), 'esc-local-bench-corpus');
  if (!existsSync(join(out, 'manifest.json'))) {
    mkdirSync(out, { recursive: true });
    process.stderr.write(`generating the benchmark corpus in ${out} ...\n`);
    const r = spawnSync(process.execPath, [generator, '--out', out, '--no-json'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('corpus generation failed');
  }
  return out;
}

function runCase(c: Case): CaseFigures {
  const script = join(repoRoot, 'out', 'test', 'bench', 'engineCase.js');
  const r = spawnSync(process.execPath, [script, c.dir, c.root, String(c.iterations)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`benchmark case ${c.name} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as CaseFigures;
}

function fmt(n: number, width = 8, digits = 1): string {
  return n.toFixed(digits).padStart(width);
}

function main(): void {
  const cases: Case[] = [];
  const dir = corpus();
  if (dir === undefined) console.log(`benchmark corpus generator not found at ${BENCH_DIR} (set ESC_BENCH_DIR); corpus cases skipped`);
  else {
    cases.push(
      { name: 'S (~100 values)', dir: join(dir, 'S'), root: 'env', iterations: 20 },
      { name: 'M (~2,000 values)', dir: join(dir, 'M'), root: 'env', iterations: 10, target: 3 },
      { name: 'L (~20,000 values)', dir: join(dir, 'L'), root: 'env', iterations: 5, target: 3 },
      { name: 'graph (200 envs)', dir: join(dir, 'graph'), root: 'l19e00', iterations: 5, target: 4 },
      { name: 'chain (100 deep)', dir: join(dir, 'chain'), root: 'c099', iterations: 5 },
    );
  }
  const conformance = conformanceDir();
  if (conformance !== undefined) cases.push({ name: 'esc-eval-bench', dir: join(conformance, 'esc-eval-bench'), root: 'env', iterations: 10 });
  else console.log('conformance corpus not found; esc-eval-bench skipped');

  console.log('Engine benchmark: medians; ratios are against yaml parseDocument of the same files, measured in the same run');
  console.log('case                 files   KiB  parse ms   load ms  (x)    check ms  (x)    eval ms  (x)   peak MB  target');
  for (const c of cases) {
    const f = runCase(c);
    const x = (t: number) => `(${(t / f.parseMs).toFixed(2)})`.padStart(7);
    const target = c.target === undefined ? '' : `check <= ${c.target}x: ${f.checkMs / f.parseMs <= c.target ? 'met' : 'NOT met'}`;
    console.log(
      `${c.name.padEnd(20)} ${String(f.files).padStart(5)} ${fmt(f.bytes / 1024, 5, 0)} ${fmt(f.parseMs, 9)} ${fmt(f.loadMs, 9)} ${x(f.loadMs)} ${fmt(f.checkMs, 10)} ${x(f.checkMs)} ${fmt(f.evalMs, 9)} ${x(f.evalMs)} ${fmt(f.peakRssMb, 8, 0)}  ${target}`,
    );
  }
  console.log('(load = decode + parse of the root document; check and eval include loading every document they import)');
  console.log('');
  for (const line of benchCli()) console.log(line);
}

main();
