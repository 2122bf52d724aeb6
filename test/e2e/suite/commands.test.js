// Each command produces its result: open (a read-only virtual document, masked, revealed on request,
// refreshed when an import changes), export (file and clipboard; plaintext secrets never written
// without confirmation), run (a terminal whose output is redacted, exit status observable, files
// removed) and use in terminals (variables reach new terminals, and go away when cleared).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { extensionApi, runInTerminal, waitForEvent, workspaceUri } = require('./helpers');

const DEV = { environment: 'acme/dev' };

/**
 * Resolves once `condition` holds, checked now and on each change in the folder of `file`.
 * @param {string} file
 * @param {() => boolean} condition
 */
function waitForFile(file, condition, ms = 30_000) {
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => check());
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${file}: not as expected within ${ms} ms`));
    }, ms);
    const check = () => {
      if (!condition()) return;
      clearTimeout(timer);
      watcher.close();
      resolve(undefined);
    };
    check();
  });
}

describe('commands', () => {
  /** @type {any} */
  let api;
  before(async () => {
    api = await extensionApi();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const t of vscode.window.terminals) t.dispose();
  });

  describe('ESC: Open Environment', () => {
    it('shows the evaluated environment in a virtual document, secrets masked', async () => {
      /** @type {vscode.TextDocument} */
      const doc = await vscode.commands.executeCommand('esc.openEnvironment', DEV, { format: 'json' });
      assert.strictEqual(doc.uri.scheme, 'esc-env');
      const value = JSON.parse(doc.getText());
      assert.strictEqual(value.greeting, 'hello from shop');
      assert.strictEqual(value.app.token, '[secret]');
      assert.strictEqual(value.files.APP_CONFIG, 'port=8080');
      assert.strictEqual(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document, doc);
    });

    it('opens in the chosen format', async () => {
      /** @type {vscode.TextDocument} */
      const doc = await vscode.commands.executeCommand('esc.openEnvironment', DEV, { format: 'dotenv' });
      assert.strictEqual(doc.getText(), "APP_GREETING='hello from shop'\nAPP_TOKEN='[secret]'\n");
    });

    it('reveals secrets only in the document where the user asks', async () => {
      /** @type {vscode.TextDocument} */
      const masked = await vscode.commands.executeCommand('esc.openEnvironment', DEV, { format: 'yaml' });
      /** @type {vscode.TextDocument} */
      const shown = await vscode.commands.executeCommand('esc.revealSecrets', masked.uri);
      assert.match(shown.getText(), /token: tok-e2e-hunter2/);
      assert.match(masked.getText(), /token: '?\[secret\]'?/);
      assert.doesNotMatch(masked.getText(), /hunter2/);
    });

    it('refreshes when an imported environment changes on disk', async () => {
      /** @type {vscode.TextDocument} */
      const doc = await vscode.commands.executeCommand('esc.openEnvironment', DEV, { format: 'json' });
      const base = workspaceUri('environments/acme/base.yaml').fsPath;
      const original = fs.readFileSync(base, 'utf8');
      const changed = waitForEvent(vscode.workspace.onDidChangeTextDocument, (/** @type {vscode.TextDocumentChangeEvent} */ e) => e.document === doc && doc.getText().includes('hello from store'));
      fs.writeFileSync(base, original.replace('name: shop', 'name: store'));
      try {
        await changed;
        assert.strictEqual(JSON.parse(doc.getText()).greeting, 'hello from store');
      } finally {
        const restored = waitForEvent(vscode.workspace.onDidChangeTextDocument, (/** @type {vscode.TextDocumentChangeEvent} */ e) => e.document === doc && doc.getText().includes('hello from shop'));
        fs.writeFileSync(base, original);
        await restored;
      }
    });
  });

  describe('ESC: Export Environment', () => {
    it('writes the environment to a file, secrets masked on request', async () => {
      const target = workspaceUri('exported-masked.env');
      const outcome = await vscode.commands.executeCommand('esc.exportEnvironment', DEV, { format: 'dotenv', destination: target.toString(), secrets: 'mask' });
      assert.deepStrictEqual(outcome, { destination: target.toString(), secretsInPlaintext: false });
      assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), "APP_GREETING='hello from shop'\nAPP_TOKEN='[secret]'\n");
    });

    it('never writes plaintext secrets without the user confirming', async () => {
      // The confirmation is a modal dialog; the test workbench refuses dialogs, as a user who
      // dismisses it would. (The UI scenario confirms it for real.)
      const target = workspaceUri('exported-plain.env');
      await assert.rejects(() => Promise.resolve(vscode.commands.executeCommand('esc.exportEnvironment', DEV, { format: 'dotenv', destination: target.toString() })), /dialog/);
      assert.strictEqual(fs.existsSync(target.fsPath), false);
    });

    it('copies the environment to the clipboard', async () => {
      await vscode.env.clipboard.writeText('before');
      const outcome = await vscode.commands.executeCommand('esc.exportEnvironment', DEV, { format: 'json', destination: 'clipboard', secrets: 'mask' });
      assert.deepStrictEqual(outcome, { destination: 'clipboard', secretsInPlaintext: false });
      const value = JSON.parse(await vscode.env.clipboard.readText());
      assert.strictEqual(value.environmentVariables.APP_GREETING, 'hello from shop');
      assert.strictEqual(value.app.token, '[secret]');
    });
  });

  describe('ESC: Run Command in Environment', () => {
    it('runs the command in a terminal with the variables and files, redacts secrets and removes the files', async () => {
      const record = workspaceUri('run-files.txt').fsPath;
      const { terminal, exitCode, output: text } = await runCommand(DEV, `echo "greeting=$APP_GREETING token=$APP_TOKEN"; cat "$APP_CONFIG"; echo; echo "$APP_CONFIG" > '${record}'; exit 3`, 'ESC: acme/dev');
      assert.strictEqual(terminal.name, 'ESC: acme/dev');
      assert.strictEqual(exitCode, 3);
      assert.match(text, /greeting=hello from shop token=\[secret\]/);
      assert.match(text, /port=8080/);
      assert.doesNotMatch(text, /hunter2/);
      const filePath = fs.readFileSync(record, 'utf8').trim();
      assert.strictEqual(path.basename(filePath), 'APP_CONFIG');
      assert.strictEqual(fs.existsSync(filePath), false, 'the environment files are removed when the command ends');
      terminal.dispose();
    });

    it('removes the files when the terminal is closed while the command runs', async () => {
      const record = workspaceUri('run-files-closed.txt').fsPath;
      /** @type {vscode.Terminal} */
      const terminal = await vscode.commands.executeCommand('esc.runInEnvironment', DEV, {
        command: `echo "$APP_CONFIG" > '${record}.tmp' && mv '${record}.tmp' '${record}'; sleep 600`,
      });
      await waitForFile(record, () => fs.existsSync(record));
      const filePath = fs.readFileSync(record, 'utf8').trim();
      assert.ok(fs.existsSync(filePath), 'the file exists while the command runs');
      terminal.dispose();
      await waitForFile(filePath, () => !fs.existsSync(filePath));
    });
  });

  describe('ESC: Run Command in Environment, standalone file', () => {
    it('runs a standalone *.esc.yaml with its imports from the root', async () => {
      const { terminal, exitCode, output } = await runCommand(workspaceUri('app.esc.yaml'), 'echo "greeting=$GREETING"', 'ESC: app.esc.yaml');
      assert.strictEqual(exitCode, 0);
      assert.match(output, /greeting=hello world from /);
      terminal.dispose();
    });
  });

  describe('ESC: Use Environment in Terminals', () => {
    it('gives new terminals the environment, and takes it away when cleared', async () => {
      assert.strictEqual(await vscode.commands.executeCommand('esc.activateEnvironment', DEV), 'acme/dev');
      const active = api.terminalEnvironment();
      assert.deepStrictEqual([...active.variables].sort(), ['APP_CONFIG', 'APP_GREETING', 'APP_TOKEN']);
      assert.strictEqual(fs.readFileSync(path.join(active.filesFolder, 'APP_CONFIG'), 'utf8'), 'port=8080');

      const using = vscode.window.createTerminal({ name: 'probe with environment' });
      const withEnv = await runInTerminal(using, 'echo "[$APP_GREETING|$APP_TOKEN|$(cat "$APP_CONFIG")]"');
      assert.match(withEnv.output, /\[hello from shop\|tok-e2e-hunter2\|port=8080\]/);
      using.dispose();

      await vscode.commands.executeCommand('esc.clearEnvironment');
      assert.strictEqual(api.terminalEnvironment(), undefined);
      assert.strictEqual(fs.existsSync(active.filesFolder), false, 'the files are removed when cleared');
      const without = vscode.window.createTerminal({ name: 'probe without environment' });
      const plain = await runInTerminal(without, 'echo "[${APP_GREETING:-none}]"');
      assert.match(plain.output, /\[none\]/);
      without.dispose();
    });
  });
});

/**
 * Runs `command` in an environment through ESC: Run Command in Environment and waits for it to end.
 * @param {unknown} target the command's environment argument
 * @param {string} command
 * @param {string} terminalName the name the command gives its terminal
 * @returns {Promise<{ terminal: vscode.Terminal, exitCode: number | undefined, output: string }>}
 */
async function runCommand(target, command, terminalName) {
  const started = waitForEvent(vscode.window.onDidStartTerminalShellExecution, (/** @type {vscode.TerminalShellExecutionStartEvent} */ e) => e.terminal.name === terminalName);
  const ended = waitForEvent(vscode.window.onDidEndTerminalShellExecution, (/** @type {vscode.TerminalShellExecutionEndEvent} */ e) => e.terminal.name === terminalName);
  /** @type {vscode.Terminal} */
  const terminal = await vscode.commands.executeCommand('esc.runInEnvironment', target, { command });
  const { execution } = await started;
  const reading = (async () => {
    let out = '';
    for await (const chunk of execution.read()) out += chunk;
    return out;
  })();
  const end = await ended;
  return { terminal, exitCode: end.exitCode, output: await reading };
}
