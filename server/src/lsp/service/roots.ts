// Which environment a document is, and in which workspace root its imports resolve. Root convention:
// the `root` setting (relative to the workspace folder), else the folder's `environments/` if it
// exists, else the folder. A file `ROOT/<project>/<env>.yaml` is environment `<project>/<env>`; other
// files are standalone environments named after their file (their imports still resolve in the root
// of their folder) when they match the file patterns or the client marks them as `esc`.

import { existsSync} from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { parseEnvironmentName } from '../../host/environmentNames';
import { Workspace } from '../../host/workspace';
import { matchesGlob } from '../glob';
import type { Settings } from '../settings';
import { uriToPath } from '../uris';
import { isDirectory } from '../../host/files';

export { pathToUri, uriToPath } from '../uris';

/** Where a document belongs. */
export interface DocumentPlace {
  /** The file, for `file:` documents. */
  readonly path: string | undefined;
  /** The directory its imports resolve in. */
  readonly root: string;
  /** The workspace folder containing it, if any. */
  readonly folder: string | undefined;
  /** The environment name: canonical under the root convention, else the file's name. */
  readonly name: string;
  /** True when the document is an environment of its root (not standalone). */
  readonly inRoot: boolean;
  /** True when this server serves the document (diagnostics and features). */
  readonly served: boolean;
}

/** The workspace folders, their roots and one file-backed `Workspace` per root. */
export class Roots {
  private folders: string[] = [];
  private readonly workspaces = new Map<string, Workspace | null>();

  constructor(
    private settings: Settings,
    private readonly overlay: (path: string) => string | undefined,
  ) {}

  /** Replaces the workspace folders. */
  setFolders(folders: readonly WorkspaceFolder[]): void {
    this.folders = folders.flatMap((f) => {
      const p = uriToPath(f.uri);
      return p === undefined ? [] : [p];
    });
    // Longest first, so that nested folders win.
    this.folders.sort((a, b) => b.length - a.length);
    this.workspaces.clear();
  }

  /** Replaces the settings (the root may move). */
  setSettings(settings: Settings): void {
    this.settings = settings;
    this.workspaces.clear();
  }

  /** Returns the workspace folder paths. */
  folderPaths(): readonly string[] {
    return this.folders;
  }

  /** Returns the root of a workspace folder. */
  rootOf(folder: string): string {
    const setting = this.settings.root;
    if (setting !== undefined) {
      const r = resolve(folder, setting);
      if (isDirectory(r)) return r;
    }
    const conventional = resolve(folder, 'environments');
    return isDirectory(conventional) ? conventional : folder;
  }

  /** Returns where a document belongs. */
  placeOf(uri: string, languageId: string): DocumentPlace {
    const path = uriToPath(uri);
    if (path === undefined) {
      const folder = this.folders[0];
      return { path, root: folder !== undefined ? this.rootOf(folder) : process.cwd(), folder, name: 'untitled', inRoot: false, served: languageId === 'esc' };
    }
    const folder = this.folders.find((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
    const root = folder !== undefined ? this.rootOf(folder) : dirname(path);
    const rel = relative(root, path).split(sep);
    if (rel.length === 2 && rel[0] !== '..' && /\.ya?ml$/.test(rel[1]!)) {
      const parsed = parseEnvironmentName(`${rel[0]}/${rel[1]!.replace(/\.ya?ml$/, '')}`);
      if (parsed.ok) return { path, root, folder, name: parsed.name.canonical, inRoot: true, served: true };
    }
    const fromFolder = relative(folder ?? dirname(path), path).split(sep).join('/');
    const served = languageId === 'esc' || this.settings.files.some((g) => matchesGlob(g, fromFolder));
    const stem = basename(path).replace(/(\.esc)?\.ya?ml$/, '');
    const name = /^[A-Za-z0-9_.-]+$/.test(stem) ? stem : 'untitled';
    return { path, root, folder, name, inRoot: false, served };
  }

  /** Returns the file-backed workspace of a root, or undefined when the root does not exist. */
  workspace(root: string): Workspace | undefined {
    let ws = this.workspaces.get(root);
    if (ws === undefined) {
      try {
        ws = existsSync(root) ? new Workspace(root, { overlay: this.overlay }) : null;
      } catch {
        ws = null;
      }
      this.workspaces.set(root, ws);
    }
    return ws ?? undefined;
  }

  /** Returns every root of the workspace folders (each once). */
  allRoots(): { folder: string; root: string }[] {
    const seen = new Set<string>();
    const out: { folder: string; root: string }[] = [];
    for (const folder of [...this.folders].reverse()) {
      const root = this.rootOf(folder);
      if (seen.has(root)) continue;
      seen.add(root);
      out.push({ folder, root });
    }
    return out;
  }
}
