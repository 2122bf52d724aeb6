// Selection ranges: growing selections from an accessor segment to its whole `${...}`, the string,
// the key/value entry, the enclosing mapping or list, and so on up to the document.

import type { Range } from '../model.js';
import type { AnalysisDocument } from './document.js';
import { accessorAt } from './interpolations.js';
import { nodePath } from './locate.js';
import { sameRange, within } from './ranges.js';

/** Returns the selection ranges at a UTF-16 offset, innermost first, each containing the previous one. */
export function selectionRanges(doc: AnalysisDocument, offset: number): Range[] {
  const pos = doc.source.pos(offset);
  const path = nodePath(doc.loaded.decl?.syntax, pos);
  const out: Range[] = [];
  const add = (r: Range) => {
    const last = out[out.length - 1];
    if (last !== undefined && (sameRange(last, r) || !within(last, r))) return;
    out.push(r);
  };
  const frames = path.frames;
  const inner = frames[frames.length - 1];
  if (inner !== undefined && path.onKey && inner.key !== undefined) add(inner.key.range);
  else if (inner !== undefined && inner.node.kind === 'string') {
    const at = accessorAt(inner.node, pos);
    if (at !== undefined) {
      const accessors = at.access.accessors;
      add(accessors[at.index]!.range!);
      const first = accessors[0]!.range!;
      const last = accessors[accessors.length - 1]!.range!;
      add({ environment: first.environment, begin: first.begin, end: last.end });
    }
  }
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    add(f.node.range);
    if (f.key !== undefined) add({ environment: f.key.range.environment, begin: f.key.range.begin, end: f.node.range.end.line > 0 && !before(f.node.range.end, f.key.range.end) ? f.node.range.end : f.key.range.end });
  }
  add({ environment: doc.name, begin: doc.source.pos(0), end: doc.source.pos(doc.source.text.length) });
  return out;
}

function before(a: Range['begin'], b: Range['begin']): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}
