// One engine benchmark case, measured in its own process so that its peak memory is its own:
// `node out/test/bench/engineCase.js DIR ROOT [ITERATIONS]` prints one JSON line with the medians of
// `yaml`'s parseDocument over every file of the case (the anchor), load, check and eval of ROOT
// (imports loaded from memory), and the peak resident set size.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { checkEnvironment, evalEnvironment, loadYAML, type EnvironmentLoader } from '../../engine/src/index';
import { rot128 } from '../hosts/rot128';
import { testProviders } from '../hosts/testProviders';

/** Result of one case. */
export interface CaseFigures {
  files: number;
  bytes: number;
  parseMs: number;
  loadMs: number;
  checkMs: number;
  evalMs: number;
  diagnostics: number;
  peakRssMb: number;
}

function yamlFiles(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) for (const [k, v] of yamlFiles(p, base)) out.set(k, v);
    else if (name.endsWith('.yaml')) out.set(relative(base, p).slice(0, -'.yaml'.length), readFileSync(p, 'utf8'));
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Times each measurement `iterations` times, interleaved so that a change in machine load affects all alike; returns medians. */
async function timeInterleaved(iterations: number, fs: (() => unknown)[]): Promise<number[]> {
  for (const f of fs) await f(); // warm-up
  const samples: number[][] = fs.map(() => []);
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < fs.length; j++) {
      const t0 = performance.now();
      await fs[j]!();
      samples[j]!.push(performance.now() - t0);
    }
  }
  return samples.map(median);
}

async function main(): Promise<void> {
  const [dir, root, iterationsArg] = process.argv.slice(2);
  if (!dir || !root) throw new Error('usage: engineCase DIR ROOT [ITERATIONS]');
  const iterations = Number(iterationsArg ?? 5);
  const files = yamlFiles(dir);
  const loader: EnvironmentLoader = {
    loadEnvironment(name) {
      const text = files.get(name);
      if (text === undefined) throw new Error(`environment ${JSON.stringify(name)} not found`);
      return { source: text, decrypter: rot128 };
    },
  };
  const host = { environments: loader, providers: testProviders(), decrypter: rot128 };
  const rootText = files.get(root);
  if (rootText === undefined) throw new Error(`no ${root}.yaml in ${dir}`);
  let diagnostics = 0;
  const [parseMs, loadMs, checkMs, evalMs] = await timeInterleaved(iterations, [
    () => {
      for (const text of files.values()) parseDocument(text);
    },
    () => loadYAML(root, rootText),
    () => {
      diagnostics = checkEnvironment(root, loadYAML(root, rootText).decl, host).diagnostics.length;
    },
    () => evalEnvironment(root, loadYAML(root, rootText).decl, host),
  ]) as [number, number, number, number];
  const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  const figures: CaseFigures = {
    files: files.size,
    bytes,
    parseMs,
    loadMs,
    checkMs,
    evalMs,
    diagnostics,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
