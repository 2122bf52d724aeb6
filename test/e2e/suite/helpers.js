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

const EXTENSION_ID = 'esc-local.esc-local';

/**
 * Activates the extension, waits until its language server runs, and returns its API.
 * @returns {Promise<any>}
 */
async function extensionApi() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

/**
 * Opens `relative` and resolves with its document once it has language `languageId` (the extension
 * may switch it after it opens).
 * @param {string} relative
 * @param {string} languageId
 * @returns {Promise<vscode.TextDocument>}
 */
async function openAs(relative, languageId) {
  const uri = workspaceUri(relative);
  const switched = waitForEvent(vscode.workspace.onDidOpenTextDocument, (/** @type {vscode.TextDocument} */ d) => d.uri.toString() === uri.toString() && d.languageId === languageId);
  const doc = await vscode.workspace.openTextDocument(uri);
  const result = doc.languageId === languageId ? doc : await switched;
  await vscode.window.showTextDocument(result);
  return result;
}

/**
 * Resolves with the diagnostics of `uri` once `predicate` holds for them (now or after a change).
 * @param {vscode.Uri} uri
 * @param {(diagnostics: readonly vscode.Diagnostic[]) => boolean} predicate
 * @returns {Promise<readonly vscode.Diagnostic[]>}
 */
async function waitForDiagnostics(uri, predicate, ms = 30_000) {
  const now = vscode.languages.getDiagnostics(uri);
  if (predicate(now)) return now;
  await waitForEvent(vscode.languages.onDidChangeDiagnostics, (/** @type {vscode.DiagnosticChangeEvent} */ e) => e.uris.some((u) => u.toString() === uri.toString()) && predicate(vscode.languages.getDiagnostics(uri)), ms);
  return vscode.languages.getDiagnostics(uri);
}

/**
 * Runs `commandLine` in `terminal` through shell integration and resolves with its output and exit code.
 * @param {vscode.Terminal} terminal
 * @param {string} commandLine
 */
async function runInTerminal(terminal, commandLine) {
  const integration = terminal.shellIntegration ?? (await waitForEvent(vscode.window.onDidChangeTerminalShellIntegration, (/** @type {vscode.TerminalShellIntegrationChangeEvent} */ e) => e.terminal === terminal)).shellIntegration;
  const ended = waitForEvent(vscode.window.onDidEndTerminalShellExecution, (/** @type {vscode.TerminalShellExecutionEndEvent} */ e) => e.terminal === terminal);
  const execution = integration.executeCommand(commandLine);
  const output = readAll(execution);
  const end = await ended;
  return { output: await output, exitCode: end.exitCode };
}

/**
 * Reads the whole output of a shell execution.
 * @param {vscode.TerminalShellExecution} execution
 */
async function readAll(execution) {
  let out = '';
  for await (const chunk of execution.read()) out += chunk;
  return out;
}

module.exports = { EXTENSION_ID, workspaceUri, openFixture, openAs, waitForEvent, waitForDiagnostics, extensionApi, runInTerminal, readAll };
