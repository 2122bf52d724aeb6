// textDocument/definition: where the key an access reaches is defined, or the file of an environment.

import type { DefinitionParams, Location } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import type { Snapshot } from '../service/snapshot';

/** Answers go-to-definition from the document's last model. */
export function provideDefinition(s: Snapshot, params: DefinitionParams): Location[] {
  const offset = s.modelOffset(params.position);
  if (offset === undefined) return [];
  return analysis.definitionAt(s.ctx, offset).flatMap((r) => s.location(r) ?? []);
}
