// Loading a document: YAML decoding followed by parsing (ESC's LoadYAMLBytes).

import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { decodeYAML } from '../syntax/index.js';
import type { SyntaxDocument } from '../syntax/nodes.js';
import type { EnvironmentDecl } from './expr.js';
import { parseEnvironment } from './environment.js';

/** A loaded document: its declaration (absent when YAML decoding failed) and load diagnostics. */
export interface LoadedDocument {
  /** The environment name the document was loaded as (the file name of its ranges). */
  readonly name: string;
  readonly decl: EnvironmentDecl | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly doc: SyntaxDocument;
}

/** Decodes and parses an environment document. Never throws. */
export function loadYAML(name: string, input: string | Uint8Array): LoadedDocument {
  const decoded = decodeYAML(name, input);
  const diagnostics = [...decoded.diagnostics];
  if (hasErrors(decoded.diagnostics)) return { name, decl: undefined, diagnostics, doc: decoded.doc };
  const decl = parseEnvironment(decoded.node, diagnostics);
  return { name, decl, diagnostics, doc: decoded.doc };
}
