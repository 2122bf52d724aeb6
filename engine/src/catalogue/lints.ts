// Lints of provider and rotator calls: what the catalogue's schemas cannot express (see
// inputRules.ts), accesses into outputs (outputAccess.ts) and the data flow into rotate-only inputs
// (rotateOnlyFlow.ts). They run on a checked environment model and never evaluate anything.

import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Environment } from '../model.js';
import { callSite, type CallSite } from './calls.js';
import { RangeIndex } from './exprIndex.js';
import { InputLintCodes, lintInputs } from './inputRules.js';
import { UNKNOWN_OUTPUT, lintOutputAccess } from './outputAccess.js';
import { ROTATE_ONLY_OPENED, lintRotateOnlyFlow } from './rotateOnlyFlow.js';

/** Stable codes of every catalogue lint. */
export const LintCodes = { ...InputLintCodes, unknownOutput: UNKNOWN_OUTPUT, rotateOnlyOpened: ROTATE_ONLY_OPENED } as const;

/** Options of {@link lintEnvironment}. */
export interface LintOptions {
  /**
   * Checked models of the environments the document imports, by name. With them, accesses and
   * rotate-only inputs that read a provider opened in an import are followed too.
   */
  readonly imports?: ReadonlyMap<string, Environment>;
}

/** Lints the provider and rotator calls of a checked environment; returns sorted diagnostics. */
export function lintEnvironment(environment: Environment | undefined, options: LintOptions = {}): Diagnostic[] {
  if (environment === undefined) return [];
  // One walk finds the calls and indexes the expressions.
  const calls: CallSite[] = [];
  const index = new RangeIndex();
  index.add(environment, (pe) => {
    const site = callSite(pe);
    if (site !== undefined) calls.push(site);
  });
  let importedCalls = false;
  for (const env of options.imports?.values() ?? []) {
    index.add(env, (pe) => {
      if (!importedCalls && callSite(pe) !== undefined) importedCalls = true;
    });
  }
  const out: Diagnostic[] = [];
  for (const site of calls) lintInputs(site, out);
  // Without any call there are no outputs to read and no rotate-only inputs to feed.
  if (calls.length > 0 || importedCalls) {
    out.push(...lintOutputAccess(environment, index));
    out.push(...lintRotateOnlyFlow(calls, index));
  }
  return sortDiagnostics(out);
}
