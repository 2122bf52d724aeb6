// The declarative contributions: the esc language, its file associations, language configuration and
// editor defaults, as a real VS Code applies them.
const assert = require('assert');
const vscode = require('vscode');
const { openFixture, waitForEvent } = require('./helpers');

const EXTENSION_ID = 'esc-local.esc-local';

describe('esc language contribution', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('loads the extension under development', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    assert.ok(ext.packageJSON.contributes.grammars.some((/** @type {{ scopeName: string }} */ g) => g.scopeName === 'source.yaml.esc'));
  });

  it('registers the esc language', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('esc'));
  });

  it('opens *.esc.yaml files as esc', async () => {
    const editor = await openFixture('app.esc.yaml');
    assert.strictEqual(editor.document.languageId, 'esc');
  });

  it('opens *.esc.yml files as esc', async () => {
    const editor = await openFixture('nested/other.esc.yml');
    assert.strictEqual(editor.document.languageId, 'esc');
  });

  it('leaves a plain .yaml file outside the environments root as yaml', async () => {
    const editor = await openFixture('plain.yaml');
    assert.strictEqual(editor.document.languageId, 'yaml');
  });

  it('contributes the [esc] editor defaults (2 spaces)', () => {
    // Read the language-scoped configuration, not an editor's options: indentation detection would
    // report 2 spaces for the 2-space fixture whether or not the defaults exist.
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'esc' });
    assert.strictEqual(config.get('insertSpaces'), true);
    assert.strictEqual(config.get('tabSize'), 2);
    assert.strictEqual(vscode.workspace.getConfiguration('editor').get('tabSize'), 4, 'the global default is untouched');
  });

  it('toggles # line comments from the language configuration', async () => {
    const editor = await openFixture('app.esc.yaml');
    const line = editor.document.lineAt(0).text;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const changed = waitForEvent(vscode.workspace.onDidChangeTextDocument, (/** @type {vscode.TextDocumentChangeEvent} */ e) => e.document === editor.document);
    await vscode.commands.executeCommand('editor.action.commentLine');
    await changed;
    assert.strictEqual(editor.document.lineAt(0).text, `# ${line}`);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.lineAt(0).text, line);
  });

  it('auto-closes ${ with } from the language configuration', async () => {
    const editor = await openFixture('app.esc.yaml');
    const last = editor.document.lineCount - 1;
    const end = editor.document.lineAt(last).range.end;
    await editor.edit((b) => b.insert(end, '\n  typed: '));
    const pos = editor.document.lineAt(last + 1).range.end;
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('type', { text: '$' });
    await vscode.commands.executeCommand('type', { text: '{' });
    assert.strictEqual(editor.document.lineAt(last + 1).text, '  typed: ${}');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
