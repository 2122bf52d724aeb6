// Environment files under the workspace root are ordinary `.yaml` files, which VS Code opens as
// `yaml`. This switches those the server lists as environments of a root to the `esc` language when
// they open, so that they get ESC highlighting and the language server, and other YAML tooling (such
// as the Red Hat YAML extension) leaves them alone: one language, one set of diagnostics.
// `*.esc.yaml` / `*.esc.yml` need nothing: the manifest associates them.
//
// When the root is only the workspace folder itself (no `environments/` folder and no `escLocal.root`),
// nothing is switched: any `<dir>/<file>.yaml` of a repository would otherwise become an environment.
// A user who changes such a document back to YAML (Change Language Mode) keeps YAML for it.

import * as vscode from 'vscode';
import type { EnvironmentIndex } from './environmentIndex';
import { rootConfigured } from './settings';

/** Switches YAML documents that are environments of a root to the `esc` language. */
export class LanguageAssociation implements vscode.Disposable {
  private readonly switched = new Set<string>();
  private readonly userChoseYaml = new Set<string>();
  private readonly justClosed = new Set<string>();
  private readonly disposables: vscode.Disposable[];
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly index: EnvironmentIndex) {
    this.disposables = [
      vscode.workspace.onDidOpenTextDocument((doc) => this.consider(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // A language change closes and reopens the document in one go; remember the close until then.
        const key = doc.uri.toString();
        if (doc.languageId !== 'esc' || !this.switched.has(key)) return;
        this.justClosed.add(key);
        setTimeout(() => this.justClosed.delete(key), 0);
      }),
      index.onDidChange(() => this.considerAll()),
    ];
    void index.ready().then(() => this.considerAll());
  }

  /** Resolves once the language changes decided so far have been applied. */
  async settled(): Promise<void> {
    await this.pending;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private considerAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.consider(doc);
  }

  private consider(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'yaml' || doc.uri.scheme !== 'file') return;
    const key = doc.uri.toString();
    if (this.justClosed.has(key)) {
      // Reopened as YAML right after we made it esc: the user chose YAML.
      this.userChoseYaml.add(key);
      this.switched.delete(key);
    }
    if (this.userChoseYaml.has(key)) return;
    const indexed = this.index.byUri(doc.uri);
    if (indexed === undefined) return;
    if (indexed.root.folderUri !== undefined && indexed.root.rootUri === indexed.root.folderUri && !rootConfigured()) return;
    this.switched.add(key);
    const change = Promise.resolve(vscode.languages.setTextDocumentLanguage(doc, 'esc')).catch(() => undefined);
    this.pending = Promise.all([this.pending, change]);
  }
}
