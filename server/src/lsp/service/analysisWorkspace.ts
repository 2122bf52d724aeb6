// The workspace as the analysis layer sees it from one document: the environments of its root, each
// document either the open buffer's model (when this worker has one) or the file, parsed through the
// root's cache and checked lazily, only when a question needs its values.

import { relative } from 'node:path';
import {
  ImportCache,
  checkEnvironment,
  lintEnvironment,
  sortDiagnostics,
  type Diagnostic,
  type Environment,
  type LoadedDocument,
  type PlainValue,
  type ProviderLoader,
  type SourceText,
} from '../../../../engine/src/index';
import type { AnalysisDocument, AnalysisWorkspace, EnvironmentInfo } from '../../../../engine/src/index';
import { parseEnvironmentName } from '../../host/environmentNames';
import type { Workspace } from '../../host/workspace';
import type { DocumentPlace } from './roots';

/** Where a document of the workspace is, for converting its ranges: its URI, the text its ranges are in, and the version of that text when it is an open buffer's model. */
export interface DocumentSource {
  readonly uri: string;
  readonly source: SourceText;
  /** The model version when `source` is an open document's model (ranges then map onto the current text). */
  readonly modelVersion?: number;
}

/** What the workspace view needs from the service. */
export interface WorkspaceHost {
  /** The model of an open document by file path, if this worker has one. */
  modelByPath(path: string): { uri: string; version: number; doc: AnalysisDocument } | undefined;
  /** The URI the client uses for a path (the open document's, else a `file:` URI). */
  uriOf(path: string): string;
  /** Provider loader (check mode) of a root. */
  providers(root: string): ProviderLoader;
  /** Execution context values. */
  context(): ReadonlyMap<string, PlainValue>;
  /** The import cache of a root. */
  importCache(root: string): ImportCache;
  /** The cache of lazily checked files. */
  readonly checkedFiles: Map<string, { loaded: LoadedDocument; doc: AnalysisDocument }>;
}

/** The workspace around one document. */
export class DocumentWorkspace implements AnalysisWorkspace {
  constructor(
    private readonly host: WorkspaceHost,
    private readonly place: DocumentPlace,
    private readonly ws: Workspace | undefined,
    private readonly self: { uri: string; version: number; doc: AnalysisDocument } | undefined,
  ) {}

  environments(): readonly EnvironmentInfo[] {
    if (this.ws === undefined) return [];
    return this.ws.list().map((e) => ({ name: e.name.canonical, project: e.name.project, env: e.name.env }));
  }

  environmentInfo(reference: string): EnvironmentInfo | undefined {
    const r = parseEnvironmentName(reference);
    return r.ok ? { name: r.name.canonical, project: r.name.project, env: r.name.env } : undefined;
  }

  document(reference: string): AnalysisDocument | undefined {
    return this.find(reference)?.doc;
  }

  describeLocation(reference: string): string | undefined {
    const path = this.pathOf(reference);
    return path === undefined ? undefined : relative(this.place.folder ?? this.place.root, path).split('\\').join('/');
  }

  /** Returns where the document named `reference` is, for converting its ranges. */
  sourceOf(reference: string): DocumentSource | undefined {
    const found = this.find(reference);
    if (found === undefined) return undefined;
    return found.modelVersion === undefined ? { uri: found.uri, source: found.doc.source } : { uri: found.uri, source: found.doc.source, modelVersion: found.modelVersion };
  }

  /** Returns the file path of an environment of the root, if it exists. */
  pathOf(reference: string): string | undefined {
    if (this.ws === undefined) return undefined;
    const r = this.ws.resolve(reference);
    return r.ok ? r.value.path : undefined;
  }

  private find(reference: string): { uri: string; doc: AnalysisDocument; modelVersion?: number } | undefined {
    const info = this.environmentInfo(reference);
    if (info === undefined) return undefined;
    if (this.self !== undefined && info.name === this.place.name && (this.place.inRoot || reference === this.self.doc.name)) {
      return { uri: this.self.uri, doc: this.self.doc, modelVersion: this.self.version };
    }
    const path = this.pathOf(info.name);
    if (path === undefined || this.ws === undefined) return undefined;
    const open = this.host.modelByPath(path);
    if (open !== undefined) return { uri: open.uri, doc: open.doc, modelVersion: open.version };
    const loaded = this.ws.load(info.name);
    if (!loaded.ok) return undefined;
    const doc = loaded.value.doc;
    let hit = this.host.checkedFiles.get(path);
    if (hit === undefined || hit.loaded !== doc) {
      hit = { loaded: doc, doc: lazyDocument(doc, this.ws, this.host.providers(this.place.root), this.host.context(), this.host.importCache(this.place.root)) };
      this.host.checkedFiles.set(path, hit);
    }
    return { uri: this.host.uriOf(path), doc: hit.doc };
  }
}

/** A document of the workspace whose check runs the first time its values or diagnostics are asked for. */
function lazyDocument(loaded: LoadedDocument, ws: Workspace, providers: ProviderLoader, context: ReadonlyMap<string, PlainValue>, importCache: ImportCache): AnalysisDocument {
  let checked: { environment: Environment | undefined; diagnostics: Diagnostic[] } | undefined;
  const check = () => {
    if (checked === undefined) {
      const r = checkEnvironment(loaded.name, loaded.decl, { environments: ws.loader(), providers }, { context, importCache });
      checked = { environment: r.environment, diagnostics: sortDiagnostics([...loaded.diagnostics, ...r.diagnostics, ...lintEnvironment(r.environment)]) };
    }
    return checked;
  };
  return {
    name: loaded.name,
    source: loaded.doc.source,
    loaded,
    get environment() {
      return check().environment;
    },
    get diagnostics() {
      return check().diagnostics;
    },
  };
}
