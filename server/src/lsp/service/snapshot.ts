// What a feature works with: the last model of a document and its current text, with the mapping
// between the two. Positions of the request (current text) map back onto the model; ranges of
// answers (model or other documents) map onto the current texts. Where text changed since the
// model, nothing maps, and the feature answers less rather than something wrong.

import type { Location, Position, Range as LspRange } from 'vscode-languageserver';
import type { AnalysisContext, Range, SourceText } from '../../../../engine/src/index';
import type { DocumentWorkspace } from './analysisWorkspace';
import type { DocumentMirror } from './mirror';
import type { Model, Service } from './service';
import { lspRange, offsetsOf } from '../convert';

/** A document's model and current text, for answering one request. */
export class Snapshot {
  readonly ctx: AnalysisContext;
  readonly workspace: DocumentWorkspace;

  constructor(
    readonly service: Service,
    readonly model: Model,
    readonly mirror: DocumentMirror,
  ) {
    this.workspace = service.workspaceOf(model);
    this.ctx = { document: model.doc, workspace: this.workspace, options: { revealSecrets: service.settings.revealSecrets } };
  }

  /** Returns the snapshot of an open document with a model, or undefined. */
  static of(service: Service, uri: string): Snapshot | undefined {
    const model = service.models.get(uri);
    const mirror = service.mirrors.get(uri);
    return model === undefined || mirror === undefined ? undefined : new Snapshot(service, model, mirror);
  }

  /** Returns the model offset of a position of the current text (clamped), or undefined inside text typed since. */
  modelOffset(p: Position): number | undefined {
    const line = Math.max(0, p.line);
    const character = Math.max(0, p.character);
    return this.mirror.toVersion(this.mirror.offsetAt({ line, character }), this.model.version);
  }

  /** Returns the current-text offset of a model offset, or undefined inside text deleted since. */
  currentOffset(modelOffset: number): number | undefined {
    return this.mirror.fromVersion(modelOffset, this.model.version);
  }

  /** Converts a range of this document's model to the current text. */
  range(r: Range): LspRange | undefined {
    if (r.environment !== this.model.doc.name) return undefined;
    return this.mapped(this.model.doc.source, r, this.model.version, this.mirror);
  }

  /** Converts a range of any document (named by its environment) to a location in its current text. */
  location(r: Range): Location | undefined {
    if (r.environment === this.model.doc.name) {
      const range = this.range(r);
      return range === undefined ? undefined : { uri: this.model.uri, range };
    }
    const where = this.workspace.sourceOf(r.environment);
    if (where === undefined) return undefined;
    if (where.modelVersion === undefined) return { uri: where.uri, range: lspRange(where.source, r) };
    const mirror = this.service.mirrors.get(where.uri);
    const range = mirror === undefined ? lspRange(where.source, r) : this.mapped(where.source, r, where.modelVersion, mirror);
    return range === undefined ? undefined : { uri: where.uri, range };
  }

  /** Returns the mirror version of an open document (for versioned edits), or null. */
  versionOf(uri: string): number | null {
    return this.service.mirrors.get(uri)?.version ?? null;
  }

  private mapped(source: SourceText, r: Range, version: number, mirror: DocumentMirror): LspRange | undefined {
    if (version === mirror.version) return lspRange(source, r);
    const [s, e] = offsetsOf(source, r);
    const cs = mirror.fromVersion(s, version);
    const ce = mirror.fromVersion(e, version);
    if (cs === undefined || ce === undefined) return undefined;
    return { start: mirror.positionAt(cs), end: mirror.positionAt(ce) };
  }
}
