#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It takes VS Code's command line (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=,
// --extensions-dir=, an optional workspace folder), runs the tests in code-server's real Node extension
// host through headless Chromium, relays the extension host's console output and exits with the
// tests' exit code. Electron cannot be downloaded here; code-server comes from the npm registry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCodeServer } from './lib/codeServer.mjs';
import { launchBrowser, forwardExtensionHostConsole } from './lib/browser.mjs';

const TIMEOUT_MS = Number(process.env.ESC_E2E_TIMEOUT_MS || 300_000);

/**
 * Parses the VS Code command line that runTests builds; desktop-only flags are ignored.
 * @param {string[]} argv
 */
function parseArgs(argv) {
  /** @type {{ devPaths: string[], testsPath?: string, workspace?: string, userDataDir?: string, extensionsDir?: string }} */
  const opts = { devPaths: [] };
  for (const arg of argv) {
    const m = /^--([\w-]+)=(.*)$/.exec(arg);
    if (m && m[1] === 'extensionDevelopmentPath') opts.devPaths.push(path.resolve(m[2]));
    else if (m && m[1] === 'extensionTestsPath') opts.testsPath = path.resolve(m[2]);
    else if (m && m[1] === 'user-data-dir') opts.userDataDir = path.resolve(m[2]);
    else if (m && m[1] === 'extensions-dir') opts.extensionsDir = path.resolve(m[2]);
    else if (!arg.startsWith('-')) opts.workspace = path.resolve(arg);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
if (!opts.testsPath || opts.devPaths.length === 0) {
  console.error('vscode-launcher: need --extensionTestsPath= and --extensionDevelopmentPath=');
  process.exit(2);
}
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'esc-e2e-exthost-'));
const server = await startCodeServer({ runDir, smokeTestDriver: true, userDataDir: opts.userDataDir, extensionsDir: opts.extensionsDir });
let code = 1;
try {
  const { context, page } = await launchBrowser(runDir);
  forwardExtensionHostConsole(page, (line) => console.log(line));
  // The workbench calls window.codeAutomationExit(code) when the extension host's test run ends.
  /** @type {(code: unknown) => void} */
  let onExit = () => {};
  const exited = new Promise((resolve) => { onExit = resolve; });
  // Registered before navigating, so the binding exists when the test run ends.
  await page.exposeFunction('codeAutomationExit', (/** @type {unknown} */ code) => onExit(code));
  // Paths travel as vscode-remote://<page host>/<abs path>: code-server uses location.host as the remote authority.
  const remote = (/** @type {string} */ p) => `vscode-remote://${server.host}${p}`;
  const payload = [...opts.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(opts.testsPath)]];
  const query = `payload=${encodeURIComponent(JSON.stringify(payload))}&${opts.workspace ? `folder=${encodeURIComponent(opts.workspace)}` : 'ew=true'}`;
  await page.goto(`${server.url}/?${query}`);
  let timer;
  const result = await Promise.race([exited, new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS); })]);
  clearTimeout(timer);
  if (result === 'timeout') console.error(`vscode-launcher: no test result after ${TIMEOUT_MS} ms`);
  code = result === 0 ? 0 : 1;
  await context.close();
} finally {
  await server.stop();
  // Keep the logs of a failed run for inspection; a passing run leaves nothing behind.
  if (code === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else console.error(`vscode-launcher: logs kept in ${runDir}`);
}
process.exit(code);
