// Shared helpers for extension-host tests (not a test file: it does not end in .test.js).
const vscode = require('vscode');

/**
 * Returns the URI of `relative` inside the first workspace folder (the fixture workspace copy).
 * @param {string} relative
 */
function workspaceUri(relative) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('the e2e suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/**
 * Opens `relative` from the fixture workspace in an editor and returns the editor.
 * @param {string} relative
 */
async function openFixture(relative) {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(doc);
}

/**
 * Resolves with the first value of `event` that satisfies `predicate`, or rejects after `ms`.
 * @template T
 * @param {vscode.Event<T>} event
 * @param {(value: T) => boolean} predicate
 * @returns {Promise<T>}
 */
function waitForEvent(event, predicate, ms = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`event not seen within ${ms} ms`)); }, ms);
    const sub = event((/** @type {T} */ value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

module.exports = { workspaceUri, openFixture, waitForEvent };
