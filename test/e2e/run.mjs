#!/usr/bin/env node
// `npm run test:e2e`: the L5 layer in one go. Installs the runtime if needed (install-runtime.sh,
// idempotent), packages the extension (`npm run package`), then runs the extension-host mocha suite
// (run-exthost.mjs) and the Playwright UI scenarios (ui/run.mjs), each on its own copy of the fixture
// workspace, one after the other (2 cores). Ends with `e2e: N passed, N failed` and a non-zero exit
// code on any failure. ESC_E2E_ONLY=exthost|ui runs one phase.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..', '..');
const only = process.env.ESC_E2E_ONLY;
const t0 = Date.now();

/**
 * Runs a command with inherited stdio and exits the runner if it fails.
 * @param {string} cmd
 * @param {string[]} args
 */
function mustRun(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`e2e: 0 passed, 1 failed (${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

/**
 * Packages the extension as a user gets it (`npm run package`: minified bundles and esc-local.vsix);
 * the extension-host suite loads the built folder, the UI scenarios install the .vsix. Returns its path.
 */
function build() {
  const { main } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  mustRun('npm', ['run', '--silent', 'package']);
  const vsix = path.join(root, 'esc-local.vsix');
  for (const file of [main, 'esc-local.vsix']) {
    if (!fs.existsSync(path.join(root, file))) {
      console.log(`e2e: 0 passed, 1 failed (${file} does not exist after npm run package)`);
      process.exit(1);
    }
  }
  return vsix;
}

/**
 * Copies the fixture workspace to a fresh temporary folder, so tests may edit files freely.
 * @param {string} tmp
 * @param {string} name
 */
function freshWorkspace(tmp, name) {
  const ws = path.join(tmp, name);
  fs.cpSync(path.join(here, 'fixtures', 'workspace'), ws, { recursive: true });
  return ws;
}

/**
 * Runs `node script ...args`, echoing its output, and resolves with its exit code and output.
 * @param {string} script
 * @param {string[]} args
 * @param {Record<string, string>} [env] added to the environment
 * @returns {Promise<{ code: number, out: string }>}
 */
function runNode(script, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

mustRun('bash', [path.join(here, 'install-runtime.sh')]);
const vsix = build();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'esc-e2e-'));
/** @type {{ name: string, passed: number, failed: number }[]} */
const phases = [];
try {
  if (!only || only === 'exthost') {
    const results = path.join(tmp, 'exthost-results.json');
    const { code } = await runNode(path.join(here, 'run-exthost.mjs'), [freshWorkspace(tmp, 'ws-exthost'), results]);
    const counts = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : { passed: 0, failed: 0 };
    // A crash before mocha reports (no results file) still counts as a failure.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    phases.push({ name: 'exthost', ...counts });
  }
  if (!only || only === 'ui') {
    const { code, out } = await runNode(path.join(here, 'ui', 'run.mjs'), [freshWorkspace(tmp, 'ws-ui')], { ESC_E2E_VSIX: vsix });
    const m = /^ui: (\d+) passed, (\d+) failed$/m.exec(out);
    const counts = m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 0 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    phases.push({ name: 'ui', ...counts });
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const passed = phases.reduce((n, p) => n + p.passed, 0);
const failed = phases.reduce((n, p) => n + p.failed, 0) + (phases.length === 0 ? 1 : 0);
const detail = phases.map((p) => `${p.name} ${p.passed}/${p.failed}`).join(', ');
console.log(`e2e: ${passed} passed, ${failed} failed (${detail || `unknown ESC_E2E_ONLY=${only}`}; passed/failed) in ${Math.round((Date.now() - t0) / 1000)}s`);
process.exit(failed === 0 ? 0 : 1);
