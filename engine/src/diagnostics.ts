// Diagnostics: the only way the engine reports problems in user documents.
// User mistakes never throw; they become values of this type.

import type { Range } from './model.js';
import { compareCodePoints } from './util/order.js';

/** Severity of a diagnostic, as in ESC (hcl.DiagError / hcl.DiagWarning). */
export type Severity = 'error' | 'warning';

/** A problem found in an environment document, with its location and document path. */
export interface Diagnostic {
  severity: Severity;
  /** The message, worded exactly as the reference evaluator words it where one exists. */
  summary: string;
  /** Extra explanation; empty for every diagnostic of the reference evaluator. */
  detail?: string;
  /** Where the problem is; absent for document-wide problems such as YAML syntax errors. */
  range?: Range;
  /** Document path of the subject, e.g. `values.foo[0]`; empty when unknown. */
  path: string;
  /** Optional stable identifier for editor features (quick fixes); not part of ESC's model. */
  code?: string;
}

/** Creates an error diagnostic. */
export function errorDiag(summary: string, range: Range | undefined, path: string, code?: string): Diagnostic {
  const d: Diagnostic = { severity: 'error', summary, path };
  if (range !== undefined) d.range = range;
  if (code !== undefined) d.code = code;
  return d;
}

/** Creates a warning diagnostic. */
export function warningDiag(summary: string, range: Range | undefined, path: string, code?: string): Diagnostic {
  const d: Diagnostic = { severity: 'warning', summary, path };
  if (range !== undefined) d.range = range;
  if (code !== undefined) d.code = code;
  return d;
}

/** Reports whether any diagnostic is an error. */
export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/**
 * Sorts diagnostics deterministically: diagnostics without a range first (by summary), then by
 * environment, start line, start column and summary. Stable for equal keys.
 */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort(compareDiagnostics);
}

/** Orders two diagnostics as {@link sortDiagnostics} does. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.range === undefined || b.range === undefined) {
    if (a.range !== undefined) return 1;
    if (b.range !== undefined) return -1;
    return compareCodePoints(a.summary, b.summary);
  }
  return (
    compareCodePoints(a.range.environment, b.range.environment) ||
    a.range.begin.line - b.range.begin.line ||
    a.range.begin.column - b.range.begin.column ||
    compareCodePoints(a.summary, b.summary)
  );
}
