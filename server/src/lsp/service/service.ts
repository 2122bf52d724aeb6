// The state of one service worker: mirrors of the open documents, the models this worker answers
// from (each the last evaluation of a document that parsed), the workspace roots with their parse
// caches, and the check of a document (load, check in Check mode only, lints).

import { performance } from 'node:perf_hooks';
import {
  ImportCache,
  checkEnvironment,
  lintEnvironment,
  NumberText,
  reloadYAML,
  sortDiagnostics,
  type AnalysisDocument,
  type LoadedDocument,
  type PlainValue,
  type ProviderLoader,
  type Reloaded,
} from '../../../../engine/src/index';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { workspaceProviders } from '../../cli/providerLoader';
import type { Settings } from '../settings';
import type { CheckResult, ClientFeatures, Note } from '../workerProtocol';
import { DocumentWorkspace, type WorkspaceHost } from './analysisWorkspace';
import { DocumentMirror } from './mirror';
import { pathToUri, Roots, uriToPath, type DocumentPlace } from './roots';
import { toLspDiagnostics } from '../convert';
import { DEFAULT_SETTINGS } from '../settings';

/** The last evaluation of an open document that parsed: what features answer from. */
export interface Model {
  readonly uri: string;
  readonly version: number;
  readonly place: DocumentPlace;
  readonly doc: AnalysisDocument;
}

/** One worker's documents, models and workspaces. */
export class Service implements WorkspaceHost {
  settings: Settings = DEFAULT_SETTINGS;
  features: ClientFeatures = { snippets: true, markdown: true, hierarchicalSymbols: true, documentChanges: true, resourceOperations: true, relatedInformation: true };
  readonly mirrors = new Map<string, DocumentMirror>();
  readonly models = new Map<string, Model>();
  readonly checkedFiles = new Map<string, { loaded: LoadedDocument; doc: AnalysisDocument }>();
  readonly roots: Roots;
  /** The length of the document last checked or dropped (the worker decides from it whether to collect garbage). */
  lastLength = 0;
  private readonly uriByPath = new Map<string, string>();
  private readonly providerCache = new Map<string, ProviderLoader>();
  /** Evaluated imports kept between checks, per root: unchanged imports are not checked again on each edit. */
  private readonly importCaches = new Map<string, ImportCache>();
  private contextValues: ReadonlyMap<string, PlainValue> = new Map();
  /** The last parse of each document, reused when only its imports changed. */
  private readonly parses = new Map<string, { version: number; name: string; loaded: LoadedDocument }>();
  /**
   * The last clean decode of each open document, kept even when another worker holds its model:
   * the next check reparses only the entries an edit touched (the engine's `reloadYAML`).
   */
  private readonly bases = new Map<string, NonNullable<Reloaded['base']>>();

  constructor() {
    this.roots = new Roots(this.settings, (path) => {
      const uri = this.uriByPath.get(path);
      return uri === undefined ? undefined : this.mirrors.get(uri)?.text;
    });
  }

  /** Applies a notification from the main thread. */
  notify(note: Note): void {
    switch (note.type) {
      case 'init':
        this.features = note.capabilities;
        this.setSettings(note.settings);
        this.setFolders(note.folders);
        break;
      case 'open': {
        const d = note.params.textDocument;
        this.mirrors.set(d.uri, new DocumentMirror(d.uri, d.languageId, d.version, d.text));
        const path = uriToPath(d.uri);
        if (path !== undefined) this.uriByPath.set(path, d.uri);
        break;
      }
      case 'change': {
        const m = this.mirrors.get(note.params.textDocument.uri);
        if (m === undefined) break;
        m.apply(note.params.textDocument.version, note.params.contentChanges);
        // Edits are kept only as far back as the model they map onto.
        const model = this.models.get(m.uri);
        m.forget(model?.version ?? m.version);
        break;
      }
      case 'close': {
        const uri = note.params.textDocument.uri;
        this.mirrors.delete(uri);
        this.models.delete(uri);
        this.parses.delete(uri);
        this.bases.delete(uri);
        const path = uriToPath(uri);
        if (path !== undefined && this.uriByPath.get(path) === uri) this.uriByPath.delete(path);
        break;
      }
      case 'settings':
        this.setSettings(note.settings);
        break;
      case 'folders':
        this.setFolders(note.folders);
        break;
      case 'filesChanged':
        // Parse caches check file times themselves; checked files and fixtures may be stale.
        this.checkedFiles.clear();
        this.providerCache.clear();
        this.importCaches.clear();
        break;
    }
  }

  /** Parses and checks an open document, keeps its model when it parses, and returns its diagnostics. */
  check(uri: string): CheckResult {
    const started = performance.now();
    const m = this.mirrors.get(uri);
    if (m === undefined) return { uri, version: -1, served: false, diagnostics: [], dependencies: [], model: false, millis: 0 };
    const place = this.roots.placeOf(uri, m.languageId);
    const base = { uri, version: m.version, ...(place.path !== undefined ? { path: place.path } : {}) };
    if (!place.served) {
      this.models.delete(uri);
      return { ...base, served: false, diagnostics: [], dependencies: [], model: false, millis: 0 };
    }
    this.lastLength = m.text.length;
    const { loaded, incremental } = this.parse(uri, m, place.name);
    const ws = this.roots.workspace(place.root);
    const loader = ws?.loader();
    const result = checkEnvironment(place.name, loaded.decl, { ...(loader !== undefined ? { environments: loader } : {}), providers: this.providers(place.root) }, { context: this.contextValues, importCache: this.importCache(place.root) });
    const diagnostics = sortDiagnostics([...loaded.diagnostics, ...result.diagnostics, ...lintEnvironment(result.environment)]);
    const doc: AnalysisDocument = { name: place.name, source: loaded.doc.source, loaded, environment: result.environment, diagnostics };
    if (loaded.decl !== undefined) {
      this.models.set(uri, { uri, version: m.version, place, doc });
      m.forget(m.version);
    }
    const workspace = new DocumentWorkspace(this, place, ws, this.models.get(uri));
    const dependencies = loader === undefined ? [] : [...loader.loaded.values()].map((d) => d.path);
    return {
      ...base,
      served: true,
      diagnostics: toLspDiagnostics(doc, workspace, this.features.relatedInformation),
      dependencies,
      model: loaded.decl !== undefined,
      millis: Math.round(performance.now() - started),
      incremental,
    };
  }

  /** Forgets the model of a document (another worker now answers for it). */
  drop(uri: string): void {
    this.models.delete(uri);
    this.parses.delete(uri);
    const m = this.mirrors.get(uri);
    m?.forget(m.version);
  }

  /** Returns the workspace view of an open document's model. */
  workspaceOf(model: Model): DocumentWorkspace {
    return new DocumentWorkspace(this, model.place, this.roots.workspace(model.place.root), model);
  }

  /** Returns the workspace view of a root (for workspace-wide questions). */
  rootWorkspace(folder: string | undefined, root: string): DocumentWorkspace {
    const place: DocumentPlace = { path: undefined, root, folder, name: '', inRoot: false, served: true };
    return new DocumentWorkspace(this, place, this.roots.workspace(root), undefined);
  }

  modelByPath(path: string): { uri: string; version: number; doc: AnalysisDocument } | undefined {
    const uri = this.uriByPath.get(path);
    const model = uri === undefined ? undefined : this.models.get(uri);
    return model === undefined ? undefined : { uri: model.uri, version: model.version, doc: model.doc };
  }

  uriOf(path: string): string {
    return this.uriByPath.get(path) ?? pathToUri(path);
  }

  providers(root: string): ProviderLoader {
    let p = this.providerCache.get(root);
    if (p === undefined) {
      // Check mode: schemas only. Nothing is ever opened while editing (workspace trust).
      p = workspaceProviders('check', root).loader;
      this.providerCache.set(root, p);
    }
    return p;
  }

  /** Returns the import cache of a root (its keys include the providers and context, which change with settings and fixtures). */
  importCache(root: string): ImportCache {
    let c = this.importCaches.get(root);
    if (c === undefined) this.importCaches.set(root, (c = new ImportCache()));
    return c;
  }

  context(): ReadonlyMap<string, PlainValue> {
    return this.contextValues;
  }

  private parse(uri: string, m: DocumentMirror, name: string): { loaded: LoadedDocument; incremental: boolean } {
    const hit = this.parses.get(uri);
    if (hit !== undefined && hit.version === m.version && hit.name === name) return { loaded: hit.loaded, incremental: false };
    // Reparsing moves the base's nodes in place: never while this worker's model is built on them.
    let base = this.bases.get(uri);
    this.bases.delete(uri);
    if (base !== undefined && this.models.get(uri)?.doc.loaded.doc === base.doc) base = undefined;
    const reloaded = reloadYAML(name, m.text, base);
    if (reloaded.base !== undefined) this.bases.set(uri, reloaded.base);
    this.parses.set(uri, { version: m.version, name, loaded: reloaded.loaded });
    return reloaded;
  }

  private setSettings(settings: Settings): void {
    this.settings = settings;
    this.roots.setSettings(settings);
    this.contextValues = toPlainMap(settings.context);
    this.checkedFiles.clear();
    this.providerCache.clear();
    this.importCaches.clear();
  }

  private setFolders(folders: readonly WorkspaceFolder[]): void {
    this.roots.setFolders(folders);
    this.checkedFiles.clear();
  }
}

/** Converts JSON settings into engine plain values (objects become maps, numbers exact text). */
export function toPlain(v: unknown): PlainValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return new NumberText(String(v));
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'object') return toPlainMap(v as Record<string, unknown>);
  return String(v);
}

function toPlainMap(o: Readonly<Record<string, unknown>>): Map<string, PlainValue> {
  const m = new Map<string, PlainValue>();
  for (const [k, v] of Object.entries(o)) m.set(k, toPlain(v));
  return m;
}
