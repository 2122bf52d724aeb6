// Where a document spells out secrets: the plaintext literals of `fn::secret`. Tools that print source
// lines (code frames, logs) mask these ranges so that a secret never reaches a terminal or a CI log.

import type { Range } from '../model.js';
import type { EnvironmentDecl, Expr } from './expr.js';

/** Returns the ranges of the plaintext literals of every `fn::secret` in a declaration. */
export function plaintextSecretRanges(decl: EnvironmentDecl | undefined): Range[] {
  const out: Range[] = [];
  const stack: Expr[] = decl ? decl.values.map((p) => p.value) : [];
  while (stack.length > 0) {
    const e = stack.pop()!;
    switch (e.kind) {
      case 'array':
        stack.push(...e.elements);
        break;
      case 'object':
        for (const p of e.entries) stack.push(p.value);
        break;
      case 'builtin':
        if (e.builtin === 'secret') {
          const range = e.plaintext?.syntax?.range ?? (e.plaintext === undefined ? undefined : e.args.syntax?.range);
          if (range) out.push(range);
        } else stack.push(e.args);
        break;
      default:
        break;
    }
  }
  return out;
}
