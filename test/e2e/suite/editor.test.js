// The extension in the editor: activation on an environment file (a YAML file under the root switches
// to esc), the language server's diagnostics appearing and disappearing, hover with evaluated values
// (secrets masked), and the CodeLens at the top of an environment.
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, openAs, openFixture, waitForDiagnostics, workspaceUri } = require('./helpers');

/**
 * Returns the position just after the first occurrence of `text` in `doc`, plus `offset`.
 * @param {vscode.TextDocument} doc
 * @param {string} text
 */
function positionOf(doc, text, offset = 0) {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `${text} not found`);
  return doc.positionAt(at + offset);
}

/**
 * Returns the text of every hover at a position.
 * @param {vscode.Uri} uri
 * @param {vscode.Position} position
 */
async function hoverText(uri, position) {
  /** @type {vscode.Hover[]} */
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('the extension in the editor', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('activates on an environment file under the root, which opens as esc', async () => {
    const doc = await openAs('environments/acme/dev.yaml', 'esc');
    assert.strictEqual(doc.languageId, 'esc');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext && ext.isActive, 'the extension is active');
  });

  it('keeps YAML for an environment file the user switched back to YAML', async () => {
    const doc = await openAs('environments/acme/base.yaml', 'esc');
    const yaml = await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
    // Refreshing makes the extension look at open documents again, and resolves once it has switched any.
    await vscode.commands.executeCommand('esc.refreshEnvironments');
    assert.strictEqual(yaml.languageId, 'yaml');
    assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.toString() === doc.uri.toString() && d.languageId === 'yaml'));
    await vscode.languages.setTextDocumentLanguage(yaml, 'esc');
  });

  it('leaves YAML files outside the root alone', async () => {
    const editor = await openFixture('plain.yaml');
    assert.strictEqual(editor.document.languageId, 'yaml');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(editor.document.uri), []);
  });

  it('shows a diagnostic for an error and removes it once fixed', async () => {
    const doc = await openAs('environments/acme/dev.yaml', 'esc');
    const original = doc.getText();
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, positionOf(doc, 'values:\n', 'values:\n'.length), '  location: ${app.nmae}\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.message.includes('nmae')));
    const error = diagnostics.find((d) => d.message.includes('nmae'));
    assert.ok(error);
    assert.strictEqual(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(doc.getText(error.range), /^\.?nmae$/);
    assert.match(error.message, /unknown property "nmae"/);

    const fix = new vscode.WorkspaceEdit();
    fix.replace(doc.uri, new vscode.Range(positionOf(doc, 'nmae'), positionOf(doc, 'nmae', 4)), 'name');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(doc.getText(), original);
  });

  it('hovers with the evaluated value, secrets masked', async () => {
    const doc = await openAs('environments/acme/dev.yaml', 'esc');
    const greeting = await hoverText(doc.uri, positionOf(doc, 'APP_GREETING: ${greeting', 'APP_GREETING: ${'.length + 2));
    assert.match(greeting, /hello from shop/);
    const token = await hoverText(doc.uri, positionOf(doc, 'APP_TOKEN: ${app.token', 'APP_TOKEN: ${app.'.length + 2));
    assert.match(token, /\[secret\]/);
    assert.doesNotMatch(token, /hunter2/);
  });

  it('offers Open, Export, Run and Use in Terminals above an environment', async () => {
    const doc = await openAs('environments/acme/dev.yaml', 'esc');
    /** @type {vscode.CodeLens[]} */
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command && l.command.command.startsWith('esc.'));
    assert.deepStrictEqual(ours.map((l) => l.command && l.command.command), ['esc.openEnvironment', 'esc.exportEnvironment', 'esc.runInEnvironment', 'esc.activateEnvironment']);
    assert.ok(ours.every((l) => l.range.start.line === 0));
    assert.strictEqual(String(ours[0].command && ours[0].command.arguments && ours[0].command.arguments[0]), String(workspaceUri('environments/acme/dev.yaml')));
  });
});
