// Diagnostics: the only way the engine reports problems in user documents.
// User mistakes never throw; they become values of this type.

import type { Range } from './model.js';

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
    return compareStrings(a.summary, b.summary);
  }
  return (
    compareStrings(a.range.environment, b.range.environment) ||
    a.range.begin.line - b.range.begin.line ||
    a.range.begin.column - b.range.begin.column ||
    compareStrings(a.summary, b.summary)
  );
}

/** Compares two strings by code point (UTF-8 byte order), as Go does. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (0xD800-0xDFFF) encode code points above 0xFFFF, which sort after every BMP
      // code point in UTF-8 order; plain UTF-16 comparison would put them before 0xE000-0xFFFF.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}
