#!/usr/bin/env node
// Runs the Playwright UI scenarios (ui/*.ui.mjs) against one code-server with the extension installed
// as a user would have it (the packaged .vsix named by ESC_E2E_VSIX through `--install-extension`, else
// a staged folder of the shipped files; no extension-development mode and no smoke-test driver, so
// notifications and dialogs behave normally). Each scenario exports run(ctx) and reports through
// ctx.check(). Screenshots go to test-results/e2e/ (ESC_E2E_ARTIFACTS overrides). Prints
// `ui: N passed, N failed` and exits non-zero on any failure.
// usage: node test/e2e/ui/run.mjs <workspace dir>
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installExtension, startCodeServer } from '../lib/codeServer.mjs';
import { launchBrowser } from '../lib/browser.mjs';
import { stageExtension } from '../lib/stageExtension.mjs';
import { waitForWorkbench } from '../lib/workbench.mjs';

/**
 * @typedef {object} ScenarioContext
 * @property {import('playwright-core').Page} page
 * @property {string} workspace absolute path of the workspace folder the workbench has open
 * @property {(name: string, fn: () => Promise<void>) => Promise<void>} check runs one named check and records its outcome
 * @property {(name: string) => Promise<void>} screenshot saves test-results/e2e/ui-<name>.png
 */

const here = path.dirname(new URL(import.meta.url).pathname);
const repoRoot = path.resolve(here, '..', '..', '..');
const artifacts = path.resolve(process.env.ESC_E2E_ARTIFACTS || path.join(repoRoot, 'test-results', 'e2e'));
const workspace = process.argv[2] ? path.resolve(process.argv[2]) : '';
if (!workspace) {
  console.error('usage: ui/run.mjs <workspace dir>');
  process.exit(2);
}
const t0 = Date.now();
const log = (/** @type {string} */ msg) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

fs.mkdirSync(artifacts, { recursive: true });
let passed = 0;
let failed = 0;
// Scenarios that export `workspaceTrust = true` need a server with workspace trust on (they decide
// whether to trust the folder); the others share one server with trust disabled.
const files = fs.readdirSync(here).filter((f) => f.endsWith('.ui.mjs')).sort();
const scenarios = await Promise.all(files.map(async (file) => ({ file, module: await import(pathToFileURL(path.join(here, file)).href) })));
for (const workspaceTrust of [false, true]) {
  const group = scenarios.filter((s) => (s.module.workspaceTrust === true) === workspaceTrust);
  if (group.length > 0) await runGroup(group, workspaceTrust);
}
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

/**
 * Runs scenarios in one code-server and one browser page.
 * @param {{ file: string, module: { run: (ctx: ScenarioContext) => Promise<void> } }[]} group
 * @param {boolean} workspaceTrust
 */
async function runGroup(group, workspaceTrust) {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'esc-e2e-ui-'));
  const extensionsDir = path.join(runDir, 'extensions');
  if (process.env.ESC_E2E_VSIX) {
    installExtension(path.resolve(process.env.ESC_E2E_VSIX), { runDir, extensionsDir });
    log(`installed ${path.basename(process.env.ESC_E2E_VSIX)}`);
  } else stageExtension(repoRoot, extensionsDir);
  const server = await startCodeServer({ runDir, extensionsDir, workspaceTrust });
  log(`code-server listening at ${server.url}${workspaceTrust ? ' (workspace trust on)' : ''}`);
  const failedBefore = failed;
  try {
    const { context, page } = await launchBrowser(runDir);
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const screenshot = async (/** @type {string} */ name) => {
      const file = path.join(artifacts, `ui-${name}.png`);
      await page.screenshot({ path: file });
      log(`screenshot ${path.relative(process.cwd(), file)}`);
    };
    /** @type {ScenarioContext['check']} */
    const check = async (name, fn) => {
      try {
        await fn();
        passed++;
        log(`PASS ${name}`);
      } catch (e) {
        failed++;
        log(`FAIL ${name}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
        await screenshot(`FAILED-${name.replace(/[^\w.-]+/g, '-')}`).catch(() => {});
      }
    };
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await check(`workbench loads the fixture workspace${workspaceTrust ? ' (workspace trust on)' : ''}`, () => waitForWorkbench(page));
    for (const { file, module } of group) {
      log(`scenario ${file}`);
      await module.run({ page, workspace, check, screenshot });
    }
    await context.close();
  } finally {
    await server.stop();
  }
  if (failed === failedBefore) fs.rmSync(runDir, { recursive: true, force: true });
  else console.error(`ui: logs kept in ${runDir}`);
}
