// Playwright helpers for the VS Code web workbench. They wait on DOM state with timeouts, never on sleeps.
// Selectors are VS Code's own class names and ids (stable across recent releases; checked on 1.139).

const READY_MS = 90_000; // first load on 2 busy cores: 10-20 s typical

/**
 * Waits until the workbench has rendered and the explorer lists the workspace.
 * @param {import('playwright-core').Page} page
 */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: READY_MS });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: READY_MS });
}

/**
 * Opens `relativePath` through Quick Open and waits until its editor tab is active.
 * @param {import('playwright-core').Page} page
 * @param {string} relativePath
 */
export async function openFile(page, relativePath) {
  const name = relativePath.split('/').pop() ?? relativePath;
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(relativePath);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: 30_000 });
}

/**
 * Waits until the status bar's language indicator shows `name` (e.g. "Pulumi ESC") and returns it.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function waitForLanguageMode(page, name) {
  const item = page.locator('[id="status.editor.mode"]');
  await item.filter({ hasText: name }).waitFor({ timeout: 30_000 });
  return (await item.innerText()).trim();
}

/**
 * Waits until the active editor's line containing `lineText` is tokenized so that `ready(tokens)` holds,
 * and returns its tokens: rendered spans with their text and colour class (mtkN). TextMate tokenization
 * is asynchronous, so a line first renders in one colour; waiting on the predicate avoids racing it.
 * @param {import('playwright-core').Page} page
 * @param {string} lineText
 * @param {(tokens: { text: string, color: string }[]) => boolean} ready a pure predicate (it runs in the page)
 * @returns {Promise<{ text: string, color: string }[]>}
 */
export async function waitForLineTokens(page, lineText, ready, timeout = 30_000) {
  const handle = await page.waitForFunction(
    ({ lineText, readySource }) => {
      const test = new Function(`return (${readySource})`)();
      const lines = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line');
      for (const line of Array.from(lines)) {
        if (!(line.textContent ?? '').replace(/\u00a0/g, ' ').includes(lineText)) continue;
        const tokens = Array.from(line.querySelectorAll(':scope > span > span')).map((s) => ({
          text: (s.textContent ?? '').replace(/\u00a0/g, ' '),
          color: (/\bmtk\d+\b/.exec(s.className) ?? [''])[0],
        }));
        return test(tokens) ? tokens : false;
      }
      return false;
    },
    { lineText, readySource: ready.toString() },
    { timeout, polling: 100 },
  );
  return /** @type {{ text: string, color: string }[]} */ (await handle.jsonValue());
}
