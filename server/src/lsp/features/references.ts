// textDocument/references: every access of the workspace that reaches a value key, and the keys
// of importers that override it.

import type { Location, ReferenceParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import type { Snapshot } from '../service/snapshot';

/** Answers find-references across the environments that reach the document. */
export function provideReferences(s: Snapshot, params: ReferenceParams): Location[] {
  const offset = s.modelOffset(params.position);
  if (offset === undefined) return [];
  return analysis.referencesAt(s.ctx, offset, params.context.includeDeclaration).flatMap((r) => s.location(r) ?? []);
}
