// Rotation bookkeeping (§9.3): which rotators run, and what each rotation produced.

import type { Diagnostic } from '../diagnostics.js';
import type { Value as ModelValue } from '../model.js';
import { formatPropertyPath, parsePropertyPath } from '../util/propertyPath.js';

/** A change to write back into the document: set the YAML at `docPath` (a property path) to `replacement`. */
export interface ValuePatch {
  docPath: string;
  replacement: ModelValue;
}

/** What happened to one selected rotator. */
export interface RotationResult {
  /** Document path of the rotator call, e.g. `values.password["fn::rotate::password"]`'s object: `values.password`. */
  path: string;
  status: 'not-evaluated' | 'succeeded' | 'failed';
  patch?: ValuePatch;
  diagnostics?: Diagnostic[];
}

/** The rotation selection and results of one evaluation. */
export class RotationState {
  readonly results: RotationResult[] = [];

  /**
   * `docPaths` are the selected rotators' document paths, in canonical property-path form; undefined
   * selects every rotator.
   */
  constructor(private readonly docPaths: ReadonlySet<string> | undefined) {}

  /** Reports whether the rotator at `docPath` (a document path, JoinKey form) is selected. */
  selected(docPath: string): boolean {
    return this.docPaths === undefined || this.docPaths.has(canonicalPath(docPath));
  }
}

/**
 * Returns a path in canonical property-path form. Document paths quote keys that start with a digit
 * (`["1password"]`) while property paths write them bare; ESC compares the two texts, so such rotators
 * can never be selected. Comparing canonical forms selects them (a deliberate fix).
 */
export function canonicalPath(path: string): string {
  const parsed = parsePropertyPath(path);
  return parsed.ok ? formatPropertyPath(parsed.path) : path;
}
