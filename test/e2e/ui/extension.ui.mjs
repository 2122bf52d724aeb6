// UI scenario: the extension as a user meets it in the workbench. An environment under the root opens
// as Pulumi ESC with the server's status item and the environments view; the command palette opens an
// environment beside it (secrets masked); a typo gets a squiggle, a Problems entry and a hover; Export
// asks before writing secrets in plaintext and writes the file once confirmed. With
// ESC_E2E_README_SHOT=1 the screenshot of the editor is also copied to docs/images/vscode.png.
import fs from 'node:fs';
import path from 'node:path';
import { openFile, waitForLanguageMode } from '../lib/workbench.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const README_SHOT = path.resolve(here, '..', '..', '..', 'docs', 'images', 'vscode.png');

/**
 * Runs a command from the command palette: types `title`, waits for it in the list and runs it.
 * @param {import('playwright-core').Page} page
 * @param {string} title
 */
async function runFromPalette(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/**
 * Picks the row containing `text` in the open quick pick.
 * @param {import('playwright-core').Page} page
 * @param {string} text
 */
async function pick(page, text) {
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

/**
 * Runs the checks of this scenario.
 * @param {import('./run.mjs').ScenarioContext} ctx
 */
export async function run({ page, workspace, check, screenshot }) {
  const activeEditor = page.locator('.editor-group-container.active .monaco-editor');

  await check('an environment under the root opens as Pulumi ESC, with the server running', async () => {
    await openFile(page, 'environments/acme/dev.yaml');
    await waitForLanguageMode(page, 'Pulumi ESC');
    await page.locator('[id="esc-local.esc-local.esc.server"]', { hasText: 'ESC' }).locator('.codicon-check').waitFor({ timeout: 60_000 });
  });

  await check('the Explorer shows the environments view', async () => {
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'ESC Environments' }) });
    const header = view.locator('.pane-header');
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await view.locator('.monaco-list-row', { hasText: 'acme' }).waitFor({ timeout: 30_000 });
    await view.locator('.monaco-list-row', { hasText: 'dev' }).first().waitFor({ timeout: 30_000 });
  });

  await check('the command palette opens the environment beside it, secrets masked', async () => {
    await runFromPalette(page, 'ESC: Open Environment');
    await pick(page, 'JSON');
    await page.locator('.tabs-container .tab.active', { hasText: 'dev.json' }).waitFor({ timeout: 30_000 });
    await activeEditor.locator('.view-lines', { hasText: '"greeting": "hello from shop"' }).waitFor({ timeout: 30_000 });
    await activeEditor.locator('.view-lines', { hasText: '"token": "[secret]"' }).waitFor({ timeout: 30_000 });
  });

  await check('a typo gets a squiggle and a Problems entry', async () => {
    // Into the first editor group, so the opened environment stays beside it.
    await page.keyboard.press('Control+1');
    await openFile(page, 'app.esc.yaml');
    // After line 5 (`  name: world`); the new line gets its indentation from Enter.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('location: ${imports.base.regoin');
    await page.keyboard.press('Escape'); // close completion without accepting anything
    await activeEditor.locator('.view-line', { hasText: 'location: ${imports.base.regoin}' }).waitFor({ timeout: 10_000 });
    await activeEditor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: 'unknown property "regoin"' }).waitFor({ timeout: 30_000 });
  });

  await check('hovering the typo explains it', async () => {
    // Not locator.hover(): it scrolls elements into view, which scrolls Monaco's virtualised lines away.
    // The Problems panel has just resized the editor, so the squiggle may still move: point at where
    // it is now, and again if no hover answers there.
    const hover = page.locator('.monaco-hover', { hasText: 'did you mean "region"' }).first();
    for (let attempt = 1; ; attempt++) {
      const center = await page.waitForFunction(() => {
        const el = document.querySelector('.editor-group-container.active .monaco-editor .squiggly-error');
        const r = el?.getBoundingClientRect();
        return r !== undefined && r.width > 0 && r.height > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : false;
      }, undefined, { timeout: 30_000, polling: 100 });
      const { x, y } = /** @type {{ x: number, y: number }} */ (await center.jsonValue());
      await page.mouse.move(x, y + 40);
      await page.mouse.move(x, y, { steps: 4 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    await screenshot('esc-editor');
    if (process.env.ESC_E2E_README_SHOT === '1') {
      fs.mkdirSync(path.dirname(README_SHOT), { recursive: true });
      await page.screenshot({ path: README_SHOT });
    }
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 10_000 });
  });

  await check('Export warns before writing secrets in plaintext and writes the file once confirmed', async () => {
    // From the environments view's context menu this time.
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'ESC Environments' }) });
    await view.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^dev$/ }) }).first().click({ button: 'right' });
    // Menus ignore a click that comes right after they open; hover the item and press Enter instead.
    await page.locator('.context-view .action-label', { hasText: 'Export Environment' }).hover();
    await page.locator('.context-view .action-item.focused', { hasText: 'Export Environment' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await pick(page, '.env file');
    await pick(page, 'Save to a File');
    // The web workbench's file dialog is a quick input holding the path; accept the proposed one.
    const pathInput = page.locator('.quick-input-widget input');
    await pathInput.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => /dev\.env$/.test(/** @type {HTMLInputElement | null} */ (document.querySelector('.quick-input-widget input'))?.value ?? ''), undefined, { timeout: 15_000 });
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'will hold them in plaintext' });
    await dialog.waitFor({ timeout: 30_000 });
    await screenshot('esc-export-warning');
    const file = path.join(workspace, 'dev.env');
    if (fs.existsSync(file)) throw new Error('the file was written before the user confirmed');
    await dialog.getByRole('button', { name: 'Export with Secrets', exact: true }).click();
    await page.locator('.notifications-toasts', { hasText: 'exported acme/dev' }).waitFor({ timeout: 30_000 });
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes("APP_TOKEN='tok-e2e-hunter2'")) throw new Error(`unexpected export: ${text}`);
  });
}
