// UI scenario in an untrusted workspace (Restricted Mode): the extension still checks environment
// files, and Open Environment still works without opening providers, but running commands, using an
// environment in terminals and exporting are not offered (palette, CodeLens, editor title).
import { openFile, waitForLanguageMode } from '../lib/workbench.mjs';

/** This scenario needs workspace trust turned on, so that it can decline to trust the folder. */
export const workspaceTrust = true;

/**
 * Runs the checks of this scenario.
 * @param {import('./run.mjs').ScenarioContext} ctx
 */
export async function run({ page, check, screenshot }) {
  const editor = page.locator('.editor-group-container.active .monaco-editor');

  await check('the user declines to trust the folder: Restricted Mode', async () => {
    // The workbench either asks (a modal dialog) or opens the folder in Restricted Mode directly.
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'trust the authors' });
    const restricted = page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first();
    await dialog.or(restricted).first().waitFor({ timeout: 60_000 });
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: /No, I don.t trust the authors/ }).click();
    await restricted.waitFor({ timeout: 30_000 });
  });

  await check('environment files are still checked: a typo is flagged, and the flag goes once fixed', async () => {
    await openFile(page, 'environments/acme/dev.yaml');
    await waitForLanguageMode(page, 'Pulumi ESC');
    // Line 8 is `  greeting: hello from ${app.name}`: turn `name` into `nmae`, then back.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('nmae');
    await page.keyboard.press('Escape');
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('name');
    await page.keyboard.press('Escape');
    await editor.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 60_000 });
  });

  await check('only Open is offered above the environment', async () => {
    const lenses = editor.locator('.codelens-decoration').first();
    await lenses.filter({ hasText: 'Open' }).waitFor({ timeout: 30_000 });
    const text = await lenses.innerText();
    if (/Run|Export|Terminals/.test(text)) throw new Error(`untrusted CodeLens: ${text}`);
  });

  await check('the palette offers Open but not Run, Export or Use in Terminals', async () => {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('>ESC: ');
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'ESC: Open Environment' }).first().waitFor({ timeout: 30_000 });
    const titles = (await rows.allInnerTexts()).join('\n');
    await screenshot('esc-untrusted-palette');
    await page.keyboard.press('Escape');
    for (const hidden of ['Run Command in Environment', 'Export Environment', 'Use Environment in Terminals']) {
      if (titles.includes(hidden)) throw new Error(`offered in Restricted Mode: ${hidden}`);
    }
  });

  await check('Open Environment works and says that providers were not opened', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').fill('>ESC: Open Environment');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'ESC: Open Environment' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'JSON' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'dev.json' }).waitFor({ timeout: 30_000 });
    await editor.locator('.view-lines', { hasText: '"token": "[secret]"' }).waitFor({ timeout: 30_000 });
    await page.locator('.notifications-toasts', { hasText: 'providers were not opened' }).waitFor({ timeout: 30_000 });
    await screenshot('esc-untrusted-open');
  });
}
