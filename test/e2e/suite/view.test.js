// The environments view: project → environment → imports, refreshed when an environment appears.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { extensionApi, waitForEvent, workspaceUri } = require('./helpers');

/**
 * Returns the labels of tree items.
 * @param {any} view
 * @param {any[]} nodes
 */
function labels(view, nodes) {
  return nodes.map((n) => {
    const item = view.getTreeItem(n);
    return typeof item.label === 'string' ? item.label : item.label.label;
  });
}

/**
 * Resolves with the first defined result of `probe`, called now and after each `event`.
 * @template T
 * @param {vscode.Event<any>} event
 * @param {() => Promise<T | undefined>} probe
 * @returns {Promise<T>}
 */
async function until(event, probe, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const next = waitForEvent(event, () => true, Math.max(1, deadline - Date.now()));
    const value = await probe();
    if (value !== undefined) {
      next.catch(() => {}); // nobody waits for it any more
      return value;
    }
    await next;
  }
}

describe('the environments view', () => {
  it('lists projects, environments and their imports', async () => {
    const view = (await extensionApi()).environmentsView;
    const projects = await view.getChildren();
    assert.deepStrictEqual(labels(view, projects), ['acme', 'default']);
    const acme = await view.getChildren(projects[0]);
    assert.deepStrictEqual(labels(view, acme), ['base', 'dev']);
    const dev = acme[1];
    assert.strictEqual(view.getTreeItem(dev).contextValue, 'escEnvironment');
    assert.strictEqual(view.getTreeItem(dev).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const imports = await view.getChildren(dev);
    assert.deepStrictEqual(labels(view, imports), ['acme/base']);
    assert.strictEqual(view.getTreeItem(imports[0]).contextValue, 'escEnvironmentImport');
  });

  it('refreshes when an environment file is created', async () => {
    const view = (await extensionApi()).environmentsView;
    const file = workspaceUri('environments/acme/staging.yaml').fsPath;
    fs.writeFileSync(file, 'imports:\n  - acme/missing\nvalues:\n  stage: staging\n');
    try {
      const envs = await until(view.onDidChangeTreeData, async () => {
        const [acme] = await view.getChildren();
        const children = await view.getChildren(acme);
        return labels(view, children).includes('staging') ? children : undefined;
      });
      assert.deepStrictEqual(labels(view, envs), ['base', 'dev', 'staging']);
      const staging = view.getTreeItem(envs[2]);
      assert.strictEqual(staging.description, 'has errors');
      const imports = await view.getChildren(envs[2]);
      assert.strictEqual(view.getTreeItem(imports[0]).description, 'not found');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('acts on a node: Open Environment from the view', async () => {
    const view = (await extensionApi()).environmentsView;
    const [acme] = await view.getChildren();
    const [base] = await view.getChildren(acme);
    /** @type {vscode.TextDocument} */
    const doc = await vscode.commands.executeCommand('esc.openEnvironment', base, { format: 'json' });
    assert.deepStrictEqual(JSON.parse(doc.getText()), { app: { name: 'shop', port: 8080 } });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
