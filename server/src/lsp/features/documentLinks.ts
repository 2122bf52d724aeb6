// textDocument/documentLink: imports link to the files of the environments they name.

import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import type { Snapshot } from '../service/snapshot';

/** Answers the links of the document's imports. */
export function provideDocumentLinks(s: Snapshot, _params: DocumentLinkParams): DocumentLink[] {
  return analysis.documentLinks(s.ctx).flatMap((l) => {
    const range = s.range(l.range);
    const where = s.workspace.sourceOf(l.environment);
    return range === undefined || where === undefined ? [] : [{ range, target: where.uri, tooltip: `environment ${l.environment}` }];
  });
}
