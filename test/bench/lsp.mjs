#!/usr/bin/env node
// The language server benchmark: drives esc-local's server and yaml-language-server (with the ESC JSON
// schema) over the same generated corpus in the same run, with ../shared/bench/lsp-latency.mjs, and
// prints a table of the figures the issue sets targets for, with ratios.
//
// Usage: npm run bench:lsp [-- --cases S,M,L,graph,chain] [--quick] [--servers yls,ours]
//
// The shared bench folder is read-only: it is copied to a scratch directory outside the repository
// ($ESC_BENCH_DIR, default $TMPDIR/esc-local-lsp-bench) and `npm ci` runs there once. The corpus is
// generated there and laid out in our root convention (ROOT/default/<env>.yaml) for both servers.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
const cases = flag('cases', 'S,M,L,graph,chain').split(',');
const servers = flag('servers', 'yls,ours').split(',');
const source = process.env.ESC_BENCH_SOURCE ?? resolve(repo, '..', 'shared', 'bench');
const scratch = process.env.ESC_BENCH_DIR ?? join(tmpdir(), 'esc-local-lsp-bench');
const bench = join(scratch, 'bench');

// Iterations per case: [warmup, open, change, hover, completion] (run-anchors.sh's, or fewer with --quick).
const ITERATIONS = quick
  ? { S: [1, 5, 8, 8, 8], M: [1, 4, 6, 6, 6], L: [1, 3, 4, 4, 4], graph: [1, 5, 8, 8, 8], chain: [1, 5, 8, 8, 8] }
  : { S: [3, 30, 30, 30, 30], M: [2, 15, 15, 15, 15], L: [1, 7, 7, 7, 7], graph: [3, 20, 20, 20, 20], chain: [3, 20, 20, 20, 20] };
const ENTRY = { S: 'S/env.yaml', M: 'M/env.yaml', L: 'L/env.yaml', graph: 'graph/l19e00.yaml', chain: 'chain/c099.yaml' };

function log(message) {
  process.stderr.write(`${message}\n`);
}

/** Copies the shared bench folder to the scratch directory and installs its dependencies, once. */
function prepare() {
  if (!existsSync(source)) throw new Error(`shared bench folder not found: ${source} (set ESC_BENCH_SOURCE)`);
  if (!existsSync(join(bench, 'lsp-latency.mjs'))) {
    mkdirSync(scratch, { recursive: true });
    cpSync(source, bench, { recursive: true, filter: (p) => !p.includes('node_modules') && !p.includes(`${join(source, 'results')}`) });
  }
  if (!existsSync(join(bench, 'node_modules', 'yaml-language-server'))) {
    log(`installing the bench's dependencies in ${bench}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: bench, stdio: 'inherit' });
  }
  if (!existsSync(join(bench, 'corpus', 'manifest.json'))) {
    log('generating the corpus');
    execFileSync(process.execPath, ['gen-corpus.mjs', '--out', 'corpus', '--verify'], { cwd: bench, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(join(repo, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run npm run build first');
}

/** Lays a case out as ROOT/environments/default/*.yaml (our root convention) and returns the root and entry file. */
function layout(name) {
  const from = join(bench, 'corpus', dirname(ENTRY[name]));
  const root = join(bench, 'layout', name);
  const dir = join(root, 'environments', 'default');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(from)) if (/\.(ya?ml|probes\.json)$/.test(f)) cpSync(join(from, f), join(dir, f));
  return { root, file: join(dir, ENTRY[name].split('/')[1]) };
}

/** Runs the latency harness for one server and case; returns its JSON. */
function measure(server, name, root, file) {
  const [warmup, open, change, hover, completion] = ITERATIONS[name];
  const out = join(bench, 'results', `lsp-${server}-${name}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const ours = join(bench, 'settings', 'esc-local.json');
  writeFileSync(ours, JSON.stringify({ escLocal: {} }));
  const command = server === 'ours' ? `node ${join(repo, 'dist', 'server.js')} --stdio` : `node ${join(bench, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server')} --stdio`;
  const settings = server === 'ours' ? ours : join(bench, 'settings', 'yaml-language-server.json');
  log(`== ${server} ${name} (load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`);
  const r = spawnSync(
    process.execPath,
    [
      'lsp-latency.mjs', '--server', command, '--file', file, '--root', root, '--settings', settings,
      '--warmup', String(warmup), '--open-iters', String(open), '--change-iters', String(change),
      '--hover-iters', String(hover), '--completion-iters', String(completion),
      '--requests', 'documentSymbol,foldingRange', '--request-iters', String(open),
      '--label', `${server}-${name}`, '--out', out, '--server-stderr', out.replace(/\.json$/, '.stderr'),
    ],
    { cwd: bench, stdio: ['ignore', 'ignore', 'inherit'], encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`lsp-latency failed for ${server} ${name}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

// ---- table

const median = (s) => (s && typeof s.median === 'number' ? s.median : undefined);
const worst = (obj) => {
  const xs = Object.values(obj ?? {}).map(median).filter((x) => x !== undefined);
  return xs.length === 0 ? undefined : Math.max(...xs);
};
const METRICS = [
  ['startup (spawn → initialize)', (r) => r.startup?.spawnToInitializeMs, 'ms'],
  ['didOpen → diagnostics (cold)', (r) => r.open?.cold?.firstMs, 'ms'],
  ['didOpen → diagnostics (warm, median)', (r) => median(r.open?.warm?.first), 'ms'],
  ['didChange → diagnostics (median)', (r) => median(r.change?.first), 'ms'],
  ['hover (median, worst probe)', (r) => worst(r.hover), 'ms'],
  ['completion (median, worst probe)', (r) => worst(r.completion), 'ms'],
  ['documentSymbol (median)', (r) => median(r.requests?.documentSymbol), 'ms'],
  ['foldingRange (median)', (r) => median(r.requests?.foldingRange), 'ms'],
  ['peak memory (VmHWM)', (r) => r.rss?.peakMB, 'MB'],
  ['server CPU', (r) => r.cpuSeconds, 's'],
];

/** Returns the target check of a metric for a case, if the issue sets one. */
function target(metric, name, ours, yls) {
  const ratio = ours !== undefined && yls ? ours / yls : undefined;
  if (metric.startsWith('didChange') && (name === 'M' || name === 'L')) {
    const okRatio = ratio !== undefined && ratio <= 1 / 3;
    if (name === 'M') return `${okRatio && ours < 150 ? 'met' : 'MISSED'} (≤ 1/3 and < 150 ms)`;
    return `${okRatio ? 'met' : 'MISSED'} (≤ 1/3)`;
  }
  if ((metric.startsWith('hover') || metric.startsWith('completion')) && name === 'L') return `${ours !== undefined && ours < 20 ? 'met' : 'MISSED'} (< 20 ms)`;
  if (metric.startsWith('startup')) return `${ratio !== undefined && ratio <= 0.5 ? 'met' : 'MISSED'} (≤ 1/2)`;
  if (metric.startsWith('peak memory') && name === 'L') return `${ratio !== undefined && ratio <= 0.75 ? 'met' : 'MISSED'} (≤ 0.75)`;
  return '';
}

function fmt(x) {
  if (x === undefined) return '–';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function main() {
  prepare();
  const results = {};
  for (const name of cases) {
    if (!(name in ENTRY)) throw new Error(`unknown case ${name}`);
    const { root, file } = layout(name);
    results[name] = {};
    for (const server of servers) results[name][server] = measure(server, name, root, file);
  }
  const lines = ['| case | metric | yaml-language-server | esc-local | ratio | target |', '| --- | --- | ---: | ---: | ---: | --- |'];
  for (const name of cases) {
    const { yls, ours } = results[name];
    for (const [metric, get, unit] of METRICS) {
      const a = yls ? get(yls) : undefined;
      const b = ours ? get(ours) : undefined;
      const ratio = a && b !== undefined ? (b / a).toFixed(2) : '–';
      lines.push(`| ${name} | ${metric} | ${fmt(a)} ${unit} | ${fmt(b)} ${unit} | ${ratio} | ${target(metric, name, b, a)} |`);
    }
    for (const [server, r] of Object.entries(results[name])) if (r.errors?.length) lines.push(`| ${name} | errors (${server}) | ${r.errors.join('; ')} | | | |`);
  }
  const env = Object.values(results)[0]?.[servers[0]]?.env;
  console.log(`ESC Local language server vs yaml-language-server (same run; ${env?.cpus ?? ''}; node ${process.version}${quick ? '; --quick' : ''})\n`);
  console.log(lines.join('\n'));
  writeFileSync(join(bench, 'results', 'lsp-summary.json'), JSON.stringify(results, null, 2));
  log(`\nraw results: ${join(bench, 'results')}`);
}

main();
