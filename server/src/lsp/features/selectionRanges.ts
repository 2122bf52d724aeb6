// textDocument/selectionRange: growing selections from an accessor segment up to the document.

import type { SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import { analysis } from '../../../../engine/src/index';
import type { Snapshot } from '../service/snapshot';

/** Answers selection ranges for each position (an empty chain where the text changed since the model). */
export function provideSelectionRanges(s: Snapshot, params: SelectionRangeParams): SelectionRange[] {
  return params.positions.map((p) => {
    const offset = s.modelOffset(p);
    const ranges = offset === undefined ? [] : analysis.selectionRanges(s.model.doc, offset).flatMap((r) => s.range(r) ?? []);
    let parent: SelectionRange | undefined;
    for (let i = ranges.length - 1; i >= 0; i--) parent = parent === undefined ? { range: ranges[i]! } : { range: ranges[i]!, parent };
    return parent ?? { range: { start: p, end: p } };
  });
}
