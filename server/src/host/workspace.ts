// A workspace of environment files under one root: name → file resolution (never leaving the root,
// symlinks included), a parse cache keyed by path, modification time and size (so unchanged
// imports are not re-parsed by a long-lived host such as the language server), an overlay hook for
// unsaved editor buffers, and an `EnvironmentLoader` for the engine.

import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { loadYAML, type Decrypter, type EnvironmentLoader, type LoadedDocument } from '../../../engine/src/index';
import { candidateFiles, parseEnvironmentName, type EnvironmentName } from './environmentNames';
import { isDirectory } from './files';

/** A resolved environment: its name and absolute file path. */
export interface ResolvedEnvironment {
  readonly name: EnvironmentName;
  readonly path: string;
}

/** A loaded environment: resolved, parsed (the document is named by the canonical name). */
export interface WorkspaceDocument extends ResolvedEnvironment {
  readonly doc: LoadedDocument;
}

export type Resolution<T> = { ok: true; value: T } | { ok: false; error: string };

/** Options of a workspace. */
export interface WorkspaceOptions {
  /** Returns the text of an open editor buffer for an absolute path, if any; it wins over the file. */
  readonly overlay?: (path: string) => string | undefined;
}

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly overlay: string | undefined;
  readonly name: string;
  readonly doc: LoadedDocument;
}

/** The environments of one workspace root. */
export class Workspace {
  private readonly realRoot: string;
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    readonly root: string,
    private readonly options: WorkspaceOptions = {},
  ) {
    this.realRoot = realpathSync(root);
  }

  /** Resolves an environment name to its file, which must exist and lie inside the root. */
  resolve(text: string): Resolution<ResolvedEnvironment> {
    const parsed = parseEnvironmentName(text);
    if (!parsed.ok) return parsed;
    const name = parsed.name;
    const candidates = candidateFiles(name);
    for (const rel of candidates) {
      const abs = join(this.root, rel);
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        continue;
      }
      if (!this.insideRoot(real)) {
        return { ok: false, error: `environment ${JSON.stringify(text)}: ${rel} is a link to a file outside the workspace root` };
      }
      return { ok: true, value: { name, path: abs } };
    }
    return { ok: false, error: `environment ${JSON.stringify(text)} not found: no file ${candidates.join(' or ')} in the workspace root` };
  }

  /** Resolves and parses an environment (cached while the file is unchanged). */
  /**
   * Loads a standalone environment file (anywhere, e.g. `app.esc.yaml`): it is named after its file
   * and its imports resolve in this root, as the language server treats such files.
   */
  loadFile(path: string): Resolution<WorkspaceDocument> {
    const env = basename(path).replace(/(\.esc)?\.ya?ml$/, '');
    const name: EnvironmentName = { project: 'default', env, canonical: env, qualified: `default/${env}` };
    try {
      return { ok: true, value: { name, path, doc: this.parse(path, name.canonical) } };
    } catch (e) {
      return { ok: false, error: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    }
  }

  load(text: string): Resolution<WorkspaceDocument> {
    const r = this.resolve(text);
    if (!r.ok) return r;
    const { name, path } = r.value;
    try {
      return { ok: true, value: { name, path, doc: this.parse(path, name.canonical) } };
    } catch (e) {
      return { ok: false, error: `environment ${JSON.stringify(text)}: cannot read ${relative(this.root, path)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    }
  }

  /**
   * Returns a loader for the engine. Imports resolve like command-line names; failures throw, which
   * the engine reports as a diagnostic at the import. `loaded` records every document it served.
   */
  loader(decrypter?: Decrypter): EnvironmentLoader & { readonly loaded: Map<string, WorkspaceDocument> } {
    const loaded = new Map<string, WorkspaceDocument>();
    return {
      loaded,
      loadEnvironment: (name: string) => {
        const r = this.load(name);
        if (!r.ok) throw new Error(r.error);
        loaded.set(r.value.name.canonical, r.value);
        return decrypter === undefined ? { source: r.value.doc } : { source: r.value.doc, decrypter };
      },
    };
  }

  /** Lists the environments of the root (`ROOT/<project>/<env>.yaml|.yml`), sorted by name. */
  list(): ResolvedEnvironment[] {
    const out = new Map<string, ResolvedEnvironment>();
    for (const project of safeReaddir(this.root)) {
      if (project.startsWith('.') || !isDirectory(join(this.root, project))) continue;
      for (const file of safeReaddir(join(this.root, project)).sort()) {
        const m = /^(.*)\.ya?ml$/.exec(file);
        if (m === null) continue;
        const r = this.resolve(`${project}/${m[1]}`);
        // `.yaml` shadows `.yml`: resolve() picks the file that will really be used.
        if (r.ok && !out.has(r.value.name.qualified)) out.set(r.value.name.qualified, r.value);
      }
    }
    return [...out.values()].sort((a, b) => (a.name.qualified < b.name.qualified ? -1 : a.name.qualified > b.name.qualified ? 1 : 0));
  }

  private parse(path: string, canonical: string): LoadedDocument {
    const overlay = this.options.overlay?.(path);
    const st = overlay === undefined ? statSync(path) : undefined;
    const hit = this.cache.get(path);
    if (
      hit !== undefined &&
      hit.name === canonical &&
      hit.overlay === overlay &&
      (overlay !== undefined || (hit.mtimeMs === st!.mtimeMs && hit.size === st!.size))
    ) {
      return hit.doc;
    }
    const doc = loadYAML(canonical, overlay ?? new Uint8Array(readFileSync(path)));
    this.cache.set(path, { mtimeMs: st?.mtimeMs ?? 0, size: st?.size ?? 0, overlay, name: canonical, doc });
    return doc;
  }

  private insideRoot(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.realRoot.endsWith(sep) ? this.realRoot : this.realRoot + sep);
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
