// Runs the mocha suite (suite/*.test.js) inside the real extension host with the stock
// @vscode/test-electron runTests(), whose "VS Code executable" is our code-server launcher.
// usage: node test/e2e/run-exthost.mjs <workspace dir> [results.json]
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

const here = path.dirname(new URL(import.meta.url).pathname);
const [workspace, results] = process.argv.slice(2);
if (!workspace) {
  console.error('usage: run-exthost.mjs <workspace dir> [results.json]');
  process.exit(2);
}
// Profile dirs passed explicitly, or runTests would put them in ./.vscode-test of the cwd.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'esc-e2e-profile-'));
try {
  await runTests({
    vscodeExecutablePath: path.join(here, 'vscode-launcher.mjs'),
    extensionDevelopmentPath: path.resolve(here, '..', '..'),
    extensionTestsPath: path.join(here, 'suite', 'index.js'),
    launchArgs: [path.resolve(workspace), `--user-data-dir=${path.join(profile, 'user-data')}`, `--extensions-dir=${path.join(profile, 'extensions')}`],
    extensionTestsEnv: results ? { ESC_E2E_RESULTS: path.resolve(results) } : {},
  });
} catch (e) {
  console.error(`extension-host tests failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(profile, { recursive: true, force: true });
}
