// Which open documents depend on which files: each check reports every file it read (imports,
// transitively), so an edit to any of them, in a buffer or on disk, re-checks the documents that
// import it directly or through others.

/** The dependencies of open documents, by file path. */
export class ImportGraph {
  private readonly dependencies = new Map<string, Set<string>>();
  private readonly dependents = new Map<string, Set<string>>();

  /** Records the files a document's last check read. */
  update(uri: string, paths: readonly string[], ownPath: string | undefined): void {
    this.remove(uri);
    const set = new Set(paths.filter((p) => p !== ownPath));
    this.dependencies.set(uri, set);
    for (const p of set) {
      let users = this.dependents.get(p);
      if (users === undefined) this.dependents.set(p, (users = new Set()));
      users.add(uri);
    }
  }

  /** Forgets a document. */
  remove(uri: string): void {
    const old = this.dependencies.get(uri);
    if (old === undefined) return;
    for (const p of old) {
      const users = this.dependents.get(p);
      users?.delete(uri);
      if (users?.size === 0) this.dependents.delete(p);
    }
    this.dependencies.delete(uri);
  }

  /** Returns the documents whose last check read `path`. */
  dependentsOf(path: string): string[] {
    return [...(this.dependents.get(path) ?? [])];
  }
}
