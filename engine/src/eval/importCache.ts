// Evaluated imports kept across evaluations (Check mode). An editor checks a document on every edit,
// and its imports rarely change in between: an imported environment whose documents (its own and
// every one it loaded) are the very same parsed documents, seen from the same root with the same
// context and providers, evaluates to the same values and diagnostics, so its evaluation is reused.
// Values are immutable once an environment is evaluated (imports are merged as overlays, never
// mutated), which is what makes sharing them safe.

import type { LoadedDocument } from '../ast/load.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Decrypter, EnvironmentLoader, ProviderLoader } from '../host.js';
import type { PlainValue } from '../util/plain.js';
import type { ImportEntry } from './shared.js';

/** What an import's evaluation depended on, besides its documents. */
export interface ImportCacheKey {
  readonly rootName: string;
  readonly context: ReadonlyMap<string, PlainValue>;
  readonly providers: ProviderLoader | undefined;
  readonly showSecrets: boolean;
}

/** A document an evaluation loaded, as the loader gave it. */
export interface LoadedDependency {
  readonly doc: LoadedDocument;
  readonly decrypter: Decrypter | undefined;
}

/** One cached evaluation of an imported environment. */
export interface CachedImport {
  readonly key: ImportCacheKey;
  /** The environment's entry (value and layers). */
  readonly entry: ImportEntry;
  /** Every environment evaluated along with it (its imports, transitively), by name. */
  readonly entries: ReadonlyMap<string, ImportEntry>;
  /** Every document loaded for it, by environment name. */
  readonly documents: ReadonlyMap<string, LoadedDependency>;
  /** The diagnostics its import reported (load diagnostics and its evaluation's). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A cache of evaluated imports, owned by a host that checks the same workspace repeatedly (an editor). */
export class ImportCache {
  private readonly cached = new Map<string, CachedImport>();

  /** Returns a cached evaluation of `name` that is still valid for `key` and the loader's current documents. */
  lookup(name: string, key: ImportCacheKey, loader: EnvironmentLoader): CachedImport | undefined {
    const c = this.cached.get(cacheName(name, key.rootName));
    if (c === undefined || !sameKey(c.key, key)) return undefined;
    for (const [dep, was] of c.documents) {
      try {
        const now = loader.loadEnvironment(dep);
        if (now.source !== was.doc || now.decrypter !== was.decrypter) return undefined;
      } catch {
        return undefined;
      }
    }
    return c;
  }

  /** Stores the evaluation of an import. */
  store(name: string, c: CachedImport): void {
    this.cached.set(cacheName(name, c.key.rootName), c);
  }

  /** Forgets every cached evaluation. */
  clear(): void {
    this.cached.clear();
  }

  /** The number of cached evaluations. */
  get size(): number {
    return this.cached.size;
  }
}

/** What an import's evaluation collects while it runs (nested imports add to every open recording). */
export interface ImportRecording {
  readonly entries: Map<string, ImportEntry>;
  readonly documents: Map<string, LoadedDependency>;
  /** Set when a cyclic import was met while recording. */
  sawCycle: boolean;
}

function cacheName(name: string, rootName: string): string {
  return `${rootName}\u0000${name}`;
}

function sameKey(a: ImportCacheKey, b: ImportCacheKey): boolean {
  return a.rootName === b.rootName && a.context === b.context && a.providers === b.providers && a.showSecrets === b.showSecrets;
}
