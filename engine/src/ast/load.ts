// Loading a document: YAML decoding followed by parsing (ESC's LoadYAMLBytes).

import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { decodeYAML, type DecodeResult } from '../syntax/index.js';
import { isReparseBase, redecodeYAML } from '../syntax/reparse.js';
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
  return loadDecoded(name, decodeYAML(name, input));
}

/** A document loaded again after an edit, with the decode to hand to the next `reloadYAML`. */
export interface Reloaded {
  readonly loaded: LoadedDocument;
  /** The decode of this version: a base for the next reload, or undefined when it cannot be one. */
  readonly base: DecodeResult | undefined;
  /** Whether only the edited entries were reparsed. */
  readonly incremental: boolean;
}

/**
 * Loads a new version of a document's text. When `base` is the decode of an earlier version
 * (from an earlier `reloadYAML` of the same name), only the entries the edit touched are
 * reparsed; the result is the same as `loadYAML`'s. `base` is consumed: its nodes are reused and
 * moved, so nothing else may still use them (the caller drops what it loaded from it).
 */
export function reloadYAML(name: string, text: string, base: DecodeResult | undefined): Reloaded {
  const reused = base !== undefined && base.doc.name === name ? redecodeYAML(base, text) : undefined;
  const decoded = reused ?? decodeYAML(name, text);
  return { loaded: loadDecoded(name, decoded), base: isReparseBase(decoded) ? decoded : undefined, incremental: reused !== undefined };
}

function loadDecoded(name: string, decoded: DecodeResult): LoadedDocument {
  const diagnostics = [...decoded.diagnostics];
  if (hasErrors(decoded.diagnostics)) return { name, decl: undefined, diagnostics, doc: decoded.doc };
  const decl = parseEnvironment(decoded.node, diagnostics);
  return { name, decl, diagnostics, doc: decoded.doc };
}
