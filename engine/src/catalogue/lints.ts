// Lints of provider and rotator calls: what the catalogue's schemas cannot express (see
// inputRules.ts) and the data flow into rotate-only inputs (see rotateOnlyFlow.ts). They run on a
// checked environment model and never evaluate anything themselves.

import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Environment } from '../model.js';
import { findCalls } from './calls.js';
import { InputLintCodes, lintInputs } from './inputRules.js';
import { ROTATE_ONLY_OPENED, lintRotateOnlyFlow } from './rotateOnlyFlow.js';

/** Stable codes of every catalogue lint. */
export const LintCodes = { ...InputLintCodes, rotateOnlyOpened: ROTATE_ONLY_OPENED } as const;

/** Options of {@link lintEnvironment}. */
export interface LintOptions {
  /**
   * Checked models of the environments the document imports, by name. With them, a rotate-only
   * input that reads a provider opened in an import is found too.
   */
  readonly imports?: ReadonlyMap<string, Environment>;
}

/** Lints the provider and rotator calls of a checked environment; returns sorted diagnostics. */
export function lintEnvironment(environment: Environment | undefined, options: LintOptions = {}): Diagnostic[] {
  if (environment === undefined) return [];
  const calls = findCalls(environment.exprs);
  const out: Diagnostic[] = [];
  for (const site of calls) lintInputs(site, out);
  out.push(...lintRotateOnlyFlow(environment, calls, options.imports));
  return sortDiagnostics(out);
}
