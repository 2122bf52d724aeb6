// Benchmark of the CLI (issue 3, "Performance"): `open` of the example workspace as a whole process
// against `node -e 0` plus the engine's own check time, and `run` throughput on 100 MB of output with
// and without redaction, all measured in the same run. `benchCli()` returns the report lines; run
// this file directly (after `npm run build && tsc -b test`) to print them.

import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkEnvironment, loadYAML } from '../../engine/src/index';
import { Redactor } from '../../server/src/cli/redact';
import { redactionPatterns } from '../../server/src/cli/secrets';
import { repoRoot } from '../util/conformance';

const CLI = join(repoRoot, 'dist', 'cli.js');
const ROOT = join(repoRoot, 'examples', 'environments');
const OUTPUT_MB = 100;

/** Runs the CLI benchmark and returns its report, one line per figure. */
export function benchCli(): string[] {
  const lines: string[] = ['CLI benchmark (example workspace: examples/environments, acme/dev)'];
  const node0 = medianMs(9, () => spawnSync(process.execPath, ['-e', '0']));
  const open = medianMs(9, () => {
    const r = spawnSync(process.execPath, [CLI, 'open', 'acme/dev', '--root', ROOT]);
    if (r.status !== 0) throw new Error(`open failed: ${r.stderr.toString()}`);
  });
  const check = checkTimes();
  const budget = 2 * node0 + check.cold;
  lines.push(
    `  node -e 0 (process)                 ${fmt(node0)} ms`,
    `  engine check of acme/dev            ${fmt(check.cold)} ms first, ${fmt(check.warm)} ms warm`,
    `  esc-local open acme/dev (process)   ${fmt(open)} ms  = ${(open / node0).toFixed(2)}x node -e 0; budget 2x node + check = ${fmt(budget)} ms, ratio ${(open / budget).toFixed(2)} (target <= 1)`,
  );
  lines.push(...runThroughput());
  return lines;
}

function checkTimes(): { cold: number; warm: number } {
  const base = readFileSync(join(ROOT, 'acme', 'base.yaml'));
  const dev = readFileSync(join(ROOT, 'acme', 'dev.yaml'));
  const once = () => {
    const doc = loadYAML('acme/dev', new Uint8Array(dev));
    checkEnvironment('acme/dev', doc.decl, { environments: { loadEnvironment: () => ({ source: new Uint8Array(base) }) } });
  };
  const t0 = performance.now();
  once();
  const cold = performance.now() - t0;
  return { cold, warm: medianMs(50, once) };
}

function runThroughput(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'esc-local-bench-'));
  try {
    const file = join(dir, 'output.txt');
    writeOutput(file);
    const bytes = OUTPUT_MB * 1024 * 1024;
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TMPDIR: dir };
    const time = (args: string[]) =>
      medianMs(3, () => {
        const r = spawnSync(args[0]!, args.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 20 });
        if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr?.toString()}`);
      });
    const cat = time(['cat', file]);
    // Start-up and evaluation, without output: subtracted to get the throughput of the copy itself.
    const startup = time([process.execPath, CLI, 'run', '--root', ROOT, 'acme/dev', '--', 'true']);
    const plain = time([process.execPath, CLI, 'run', '--root', ROOT, '-i', 'acme/dev', '--', 'cat', file]);
    const redacted = time([process.execPath, CLI, 'run', '--root', ROOT, 'acme/dev', '--', 'cat', file]);
    const algorithm = redactorThroughput(file);
    const mbps = (ms: number) => (OUTPUT_MB / (Math.max(ms, 1) / 1000)).toFixed(0);
    return [
      `  run, ${OUTPUT_MB} MB of output to /dev/null (median of 3; MB/s net of the ${fmt(startup).trim()} ms start-up of run -- true):`,
      `    cat alone                         ${fmt(cat)} ms (${mbps(cat)} MB/s)`,
      `    esc-local run -i (no redaction)   ${fmt(plain)} ms (${mbps(plain - startup)} MB/s)`,
      `    esc-local run (redaction)         ${fmt(redacted)} ms (${mbps(redacted - startup)} MB/s; target >= 100 MB/s), ${(redacted / plain).toFixed(2)}x the unredacted time`,
      `    redactor alone, in-process        ${algorithm.patterns} patterns, ${(bytes / 1024 / 1024 / (algorithm.ms / 1000)).toFixed(0)} MB/s`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes 100 MB of log-like text with an occasional secret in it. */
function writeOutput(file: string): void {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const words = ['GET', '/api/v1/orders', 'status=200', 'user=alice', 'latency_ms=12', 'region=us-west-2', 'cache=miss', 'id=7f3a9c'];
  let block = '';
  while (block.length < 1024 * 1024) {
    let line = new Date(1_700_000_000_000 + rand()).toISOString();
    for (let i = 0; i < 8; i++) line += ' ' + words[rand() % words.length];
    if (rand() % 500 === 0) line += ' password=dev-password-not-for-production';
    block += line + '\n';
  }
  const chunk = Buffer.from(block).subarray(0, 1024 * 1024);
  const fd = openSync(file, 'w');
  for (let i = 0; i < OUTPUT_MB; i++) writeSync(fd, chunk);
  closeSync(fd);
}

function redactorThroughput(file: string): { ms: number; patterns: number } {
  const patterns = redactionPatterns(['dev-password-not-for-production', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'postgres://shop:dev-password-not-for-production@localhost:5432/shop']);
  const data = readFileSync(file);
  const r = new Redactor(patterns);
  const t0 = performance.now();
  for (let at = 0; at < data.length; at += 65536) r.write(data.subarray(at, at + 65536));
  r.flush();
  return { ms: performance.now() - t0, patterns: patterns.length };
}

function medianMs(n: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}

function fmt(ms: number): string {
  return ms.toFixed(1).padStart(7);
}

if (require.main === module) console.log(benchCli().join('\n'));

