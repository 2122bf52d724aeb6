// The environments view in the Explorer: the workspace's environments as the server lists them,
// project → environment → the environments it imports (and theirs, on demand). Refreshed whenever the
// index is. Environment nodes carry inline actions (open, run) contributed in package.json.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EnvironmentsRoot } from '../../server/src/protocol';
import type { EnvironmentIndex, IndexedEnvironment } from './environmentIndex';

/** A node of the environments view. */
export type EnvironmentsNode = RootNode | ProjectNode | EnvironmentNode | MissingImportNode;

/** A workspace root (shown only when there are several). */
export interface RootNode {
  readonly kind: 'root';
  readonly root: EnvironmentsRoot;
}

/** A project of a root. */
export interface ProjectNode {
  readonly kind: 'project';
  readonly root: EnvironmentsRoot;
  readonly project: string;
}

/** An environment, at the top of its project or as an import of another. */
export interface EnvironmentNode {
  readonly kind: 'environment';
  readonly environment: IndexedEnvironment;
  /** The importing environment, when this node is an import. */
  readonly importedBy?: string;
}

/** An import that names no environment of the root. */
export interface MissingImportNode {
  readonly kind: 'missing';
  readonly name: string;
  readonly importedBy: string;
}

/** The tree data of the `escEnvironments` view. */
export class EnvironmentsView implements vscode.TreeDataProvider<EnvironmentsNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<EnvironmentsNode | undefined>();
  private readonly subscription: vscode.Disposable;

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly index: EnvironmentIndex) {
    this.subscription = index.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  /** Returns the children of a node (the top level when `node` is undefined). */
  async getChildren(node?: EnvironmentsNode): Promise<EnvironmentsNode[]> {
    await this.index.ready();
    if (node === undefined) {
      const roots = this.index.allRoots().filter((r) => r.environments.length > 0);
      return roots.length === 1 ? this.projects(roots[0]!) : roots.map((root): RootNode => ({ kind: 'root', root }));
    }
    switch (node.kind) {
      case 'root':
        return this.projects(node.root);
      case 'project':
        return node.root.environments
          .filter((e) => e.project === node.project)
          .sort((a, b) => a.env.localeCompare(b.env))
          .map((entry): EnvironmentNode => ({ kind: 'environment', environment: { entry, root: node.root } }));
      case 'environment': {
        const { entry, root } = node.environment;
        return entry.imports.map((name): EnvironmentNode | MissingImportNode => {
          const imported = this.index.byName(root, name);
          return imported !== undefined ? { kind: 'environment', environment: imported, importedBy: entry.name } : { kind: 'missing', name, importedBy: entry.name };
        });
      }
      case 'missing':
        return [];
    }
  }

  /** Returns how a node looks. */
  getTreeItem(node: EnvironmentsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'root': {
        const item = new vscode.TreeItem(node.root.folderUri !== undefined ? path.posix.basename(vscode.Uri.parse(node.root.folderUri).path) : vscode.Uri.parse(node.root.rootUri).fsPath, vscode.TreeItemCollapsibleState.Expanded);
        item.description = vscode.workspace.asRelativePath(vscode.Uri.parse(node.root.rootUri));
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.contextValue = 'escRoot';
        return item;
      }
      case 'project': {
        const item = new vscode.TreeItem(node.project, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'escProject';
        return item;
      }
      case 'environment': {
        const { entry } = node.environment;
        const uri = vscode.Uri.parse(entry.uri);
        const item = new vscode.TreeItem(node.importedBy !== undefined ? entry.name : entry.env, entry.imports.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.importedBy !== undefined ? undefined : `env:${entry.uri}`;
        item.description = entry.broken ? 'has errors' : node.importedBy !== undefined ? 'import' : undefined;
        item.tooltip = new vscode.MarkdownString(`**${entry.name}**\n\n${vscode.workspace.asRelativePath(uri)}${entry.imports.length > 0 ? `\n\nimports ${entry.imports.join(', ')}` : ''}${entry.importedBy.length > 0 ? `\n\nimported by ${entry.importedBy.join(', ')}` : ''}`);
        item.iconPath = new vscode.ThemeIcon(entry.broken ? 'warning' : 'symbol-namespace');
        item.contextValue = node.importedBy !== undefined ? 'escEnvironmentImport' : 'escEnvironment';
        item.resourceUri = uri;
        item.command = { command: 'vscode.open', title: 'Open File', arguments: [uri] };
        return item;
      }
      case 'missing': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
        item.description = 'not found';
        item.iconPath = new vscode.ThemeIcon('error');
        item.contextValue = 'escMissingImport';
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private projects(root: EnvironmentsRoot): ProjectNode[] {
    return [...new Set(root.environments.map((e) => e.project))].sort().map((project): ProjectNode => ({ kind: 'project', root, project }));
  }
}
