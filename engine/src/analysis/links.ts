// Document links: each import names an environment of the workspace; the host turns the name into
// the file it resolves to.

import type { Range } from '../model.js';
import type { AnalysisContext } from './document.js';

/** A link from a range of the document to an environment. */
export interface EnvironmentLink {
  readonly range: Range;
  /** The canonical name of the linked environment. */
  readonly environment: string;
}

/** Returns the links of the document's imports to the environments that exist. */
export function documentLinks(ctx: AnalysisContext): EnvironmentLink[] {
  const out: EnvironmentLink[] = [];
  for (const i of ctx.document.loaded.decl?.imports ?? []) {
    const node = i.environment.syntax;
    const info = ctx.workspace.environmentInfo(i.environment.value);
    if (node === undefined || info === undefined || ctx.workspace.document(info.name) === undefined) continue;
    out.push({ range: node.range, environment: info.name });
  }
  return out;
}
