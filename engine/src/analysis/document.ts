// What editor questions are asked about: one document (its text, its parse, its checked model) in a
// workspace of environments. The analysis layer answers from these values only; the host (the
// language server) builds them, caches them and says where they live.

import type { LoadedDocument } from '../ast/load.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Environment, Range } from '../model.js';
import type { SourceText } from '../text/sourceText.js';

/** A document as the analysis sees it: one version of its text, parsed and (when it parses) checked. */
export interface AnalysisDocument {
  /** The environment name the document was loaded as (the `environment` of its ranges). */
  readonly name: string;
  /** The text of this version; `loaded.doc.source` is the same text. */
  readonly source: SourceText;
  readonly loaded: LoadedDocument;
  /** The checked model; absent when the document does not parse or has neither values nor imports. */
  readonly environment: Environment | undefined;
  /** Load and check diagnostics, sorted. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The workspace around a document, as the host sees it. Every method is synchronous and cheap or cached. */
export interface AnalysisWorkspace {
  /** Returns every environment of the workspace, sorted by name. */
  environments(): readonly EnvironmentInfo[];
  /** Parses an environment reference (an import string, any spelling); undefined when it is not a valid name. It need not exist. */
  environmentInfo(reference: string): EnvironmentInfo | undefined;
  /** Returns the document of an environment (any spelling of its name), checked on its own, or undefined when it does not exist. */
  document(name: string): AnalysisDocument | undefined;
  /** Returns where an environment lives, for people (a workspace-relative file path), if it exists. */
  describeLocation(name: string): string | undefined;
}

/** An environment of the workspace. */
export interface EnvironmentInfo {
  /** The canonical name (the name its ranges carry): `env` in the default project, else `project/env`. */
  readonly name: string;
  readonly project: string;
  readonly env: string;
}

/** Options every analysis question takes. */
export interface AnalysisOptions {
  /** Show secret values in hovers, hints and previews instead of `[secret]`. */
  readonly revealSecrets: boolean;
}

/** Everything an analysis question needs. */
export interface AnalysisContext {
  readonly document: AnalysisDocument;
  readonly workspace: AnalysisWorkspace;
  readonly options: AnalysisOptions;
}

/** A replacement of a range of a document (ranges name their document by environment). */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A change to the workspace: text edits, environments to create and environments to rename (their files move). */
export interface WorkspaceChange {
  readonly edits: readonly TextEdit[];
  readonly createEnvironments?: readonly { readonly name: string; readonly text: string }[];
  readonly renameEnvironments?: readonly { readonly from: string; readonly to: string }[];
}

/** A workspace that knows no other environment, for single documents and tests. */
export const EMPTY_WORKSPACE: AnalysisWorkspace = {
  environments: () => [],
  environmentInfo: (reference) => (/^[A-Za-z0-9_.-]+$/.test(reference) ? { name: reference, project: 'default', env: reference } : undefined),
  document: () => undefined,
  describeLocation: () => undefined,
};
