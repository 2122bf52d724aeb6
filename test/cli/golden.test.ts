// Runs the reference CLI's golden files (../shared/conformance/esc-cli: open-*.yaml, run*.yaml)
// against esc-local, in a temporary workspace root built from each file's `environments`, with the
// reference harness's test providers and rot128. Outputs must match except for the documented
// deliberate improvements, which are recognised here and tested on their own in open.test.ts:
//   - diagnostics are printed as `FILE:LINE:COLUMN: error: MESSAGE` with code frames, and an error
//     makes `open`/`run` exit 1 (the reference prints `ENV:LINE:COLUMN: MESSAGE` and exits 0);
//   - `files:` of dotenv/shell output go to a private directory announced by a `note:` on stderr.
// Temporary file paths are compared after mapping ours to the reference's `temp/esc-temp-N` names.
// Commands that need the service (revisions `@v`, tags, `--draft`, `env init`, `env set`) are
// skipped with their reason: a local workspace has only the latest definition of each environment.

import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { conformanceAbsent, conformanceDir } from '../util/conformance';
import { runInProcess, scratch, type CliOutcome } from './cliHarness';
import { parseGolden, perCommand, type GoldenFile } from './goldenFiles';

const dir = conformanceDir();
const cliDir = dir === undefined ? undefined : join(dir, 'esc-cli');
const files = cliDir !== undefined && existsSync(cliDir) ? readdirSync(cliDir).filter((f) => /^(open-.*|run.*)\.yaml$/.test(f)).sort() : [];
const table: string[] = [];

if (files.length === 0) {
  test('reference CLI golden files', (t) => t.skip(conformanceAbsent));
}

for (const file of files) {
  test(`golden ${file}`, async () => {
    const golden = parseGolden(readFileSync(join(cliDir!, file), 'utf8'));
    const row = await runGolden(golden);
    table.push(`${file.padEnd(42)} ${String(row.compared).padStart(2)} compared  ${String(row.skipped.length).padStart(2)} skipped  ${row.notes.join('; ')}`);
  });
}

test('golden table', { skip: files.length === 0 }, () => {
  console.log(['reference CLI golden files (file, commands compared, commands skipped, notes):', ...table].join('\n'));
  assert.ok(table.length > 0);
});

interface Row {
  compared: number;
  skipped: string[];
  notes: string[];
}

async function runGolden(g: GoldenFile): Promise<Row> {
  const row: Row = { compared: 0, skipped: [], notes: [] };
  const s = scratch();
  try {
    const root = join(s.dir, 'root');
    const tmp = join(s.dir, 'tmp');
    const bin = join(s.dir, 'bin');
    mkdirSync(root);
    mkdirSync(tmp);
    mkdirSync(bin);
    for (const [name, text] of g.environments) {
      const [, project, env] = name.split('/');
      s.write(`root/${project}/${env}.yaml`, text);
    }
    for (const [name, script] of g.processCommands) {
      writeFileSync(join(bin, name), `#!/bin/bash\n${script}`);
      chmodSync(join(bin, name), 0o755);
    }
    const env = { PATH: `${bin}:${process.env['PATH']}`, ESC_LOCAL_ROOT: root };
    const expectedOut = perCommand(g.stdout, g.commands);
    const expectedErr = perCommand(g.stderr, g.commands);
    const failing = g.commands.length - 1;
    // Later commands depend on the state that `env init`/`env set` create in the service.
    const stateful = g.commands.some((w) => w[1] === 'env' && (w[2] === 'init' || w[2] === 'set'));
    for (const [i, words] of g.commands.entries()) {
      const why = stateful ? 'env init/set (service)' : skipReason(words);
      if (why !== undefined) {
        row.skipped.push(why);
        continue;
      }
      const argv = toLocal(words);
      const ours = await runInProcess(argv, { cwd: s.dir, env, tmpdir: tmp, testHost: true });
      const keys = await fileKeys(argv.slice(1).find((a) => !a.startsWith('-')) ?? '', s.dir, env, tmp);
      const label = words.join(' ');
      const out = normalizePaths(ours.stdout, tmp, keys);
      const err = normalizePaths(ours.stderr, tmp, keys);
      const format = argv.find((_a, k) => argv[k - 1] === '--format') ?? '';
      if (format === 'shell' || format === 'dotenv') {
        // Deliberate improvement: single quotes instead of Go quotes; the assignments must be the same.
        assert.deepEqual(ourAssignments(out, format), referenceAssignments(expectedOut[i]!), `assignments of ${label}`);
        row.notes.push(`${format}: single-quoted values (deliberate)`);
      } else assert.equal(out, expectedOut[i], `stdout of ${label}`);
      const diagnostics = referenceDiagnostics(expectedErr[i]!);
      if (diagnostics.length > 0) {
        // Deliberate improvement: compiler-style diagnostics and exit status 1.
        const located = err.split('\n').filter((l) => /^\S+:\d+:\d+: (error|warning): /.test(l));
        assert.deepEqual(
          located.map((l) => l.replace(/^\S+?:(\d+:\d+): (error|warning): /, 'ENV:$1: ')),
          diagnostics.map((d) => d.replace(/^\S+?:(\d+:\d+): /, 'ENV:$1: ')),
          `diagnostics of ${label}`,
        );
        assert.equal(ours.status, 1, `status of ${label}`);
        row.notes.push('diagnostics: compiler format + exit 1 (deliberate)');
      } else {
        const withoutNote = err.replace(/^note: the files of this environment were written to .*\n/m, '');
        if (withoutNote !== err) row.notes.push('files: private directory note (deliberate)');
        assert.equal(withoutNote, expectedErr[i], `stderr of ${label}`);
        const expectedStatus = g.stderr.includes('Error:') && i === failing ? 1 : 0;
        assert.equal(ours.status, expectedStatus, `status of ${label}`);
      }
      checkTemporaryFiles(argv, tmp);
      row.compared++;
    }
    if (row.compared === 0 && row.skipped.length > 0) row.notes.push(`all skipped: ${[...new Set(row.skipped)].join(', ')}`);
    else if (row.skipped.length > 0) row.notes.push(`skipped: ${[...new Set(row.skipped)].join(', ')}`);
    if (row.notes.length === 0) row.notes.push('identical');
    return row;
  } finally {
    s.dispose();
  }
}

/** Why a command cannot run locally, if it cannot. */
function skipReason(words: string[]): string | undefined {
  if (words[1] === 'env' && (words[2] === 'init' || words[2] === 'set')) return 'env init/set (service)';
  if (words.some((w) => w.startsWith('--draft'))) return 'drafts (service)';
  if (words.some((w) => /^[\w.-]+\/[\w.-]+@/.test(w))) return 'revisions/tags @v (service)';
  return undefined;
}

/** `esc [env] open|run ARGS` → `open|run ARGS`. */
function toLocal(words: string[]): string[] {
  const rest = words.slice(1);
  if (rest[0] === 'env' && (rest[1] === 'open' || rest[1] === 'run')) rest.shift();
  return rest;
}

/** The sorted keys of the environment's `files` (our files are named after them). */
async function fileKeys(envArg: string, cwd: string, env: Record<string, string>, tmp: string): Promise<string[]> {
  if (envArg.startsWith('-')) return [];
  const r: CliOutcome = await runInProcess(['open', envArg, 'files', '--format', 'json'], { cwd, env, tmpdir: tmp, testHost: true });
  if (r.status !== 0) return [];
  const parsed: unknown = JSON.parse(r.stdout || 'null');
  return parsed !== null && typeof parsed === 'object' ? Object.keys(parsed).sort() : [];
}

function normalizePaths(text: string, tmp: string, keys: string[]): string {
  const re = new RegExp(`${tmp.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/esc-local-[A-Za-z0-9]+/([A-Za-z0-9_.-]+)`, 'g');
  return text.replace(re, (_m, key: string) => `temp/esc-temp-${keys.indexOf(key)}`);
}

/** Decodes the reference's `[export ]KEY="go-quoted"` lines. */
function referenceAssignments(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^(?:export )?([^=]+)=(".*")$/.exec(l);
      assert.ok(m, `unexpected reference line ${l}`);
      return [m[1]!, JSON.parse(m[2]!) as string];
    });
}

/** Decodes our `export KEY='…'` (shell) or `KEY='…'` (dotenv) lines, for the simple values of the goldens. */
function ourAssignments(text: string, format: string): Array<[string, string]> {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = (format === 'shell' ? /^export ([^=]+)='([^']*)'$/ : /^([^=]+)='([^']*)'$/).exec(l);
      assert.ok(m, `unexpected line ${l}`);
      return [m[1]!, m[2]!];
    });
}

/** Diagnostics as the reference prints them: `ENV:LINE:COLUMN: MESSAGE`. */
function referenceDiagnostics(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^[\w.-]+:\d+:\d+: /.test(l));
}

/** `run` leaves nothing behind; `open` leaves a private directory (0700) of 0600 files, which we remove. */
function checkTemporaryFiles(argv: string[], tmp: string): void {
  const left = readdirSync(tmp);
  if (argv[0] === 'run') {
    assert.deepEqual(left, [], `${argv.join(' ')} left temporary files`);
    return;
  }
  for (const d of left) {
    const p = join(tmp, d);
    assert.equal(statSync(p).mode & 0o777, 0o700);
    for (const f of readdirSync(p)) assert.equal(statSync(join(p, f)).mode & 0o777, 0o600);
  }
  for (const d of left) statSync(join(tmp, d)) && rmRecursive(join(tmp, d));
}

function rmRecursive(p: string): void {
  // Scoped to the scratch directory of this test.
  require('node:fs').rmSync(p, { recursive: true, force: true });
}
