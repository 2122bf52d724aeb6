// Markdown descriptions of what resolution reaches: values (with their type, value and where they
// come from), environments, projects and the reserved namespaces. Hover shows them whole; completion
// shows them as documentation of its candidates.

import type { Range, Value } from '../model.js';
import type { AnalysisContext } from './document.js';
import type { PathStep } from './locate.js';
import { formatAccess } from './paths.js';
import { blockValue, typeOf } from './preview.js';
import { isZeroRange } from './ranges.js';
import { importedNames, type Namespace, type Target, type ValueTarget } from './resolve.js';

/** Describes what an access (or a value path) reached, as markdown. */
export function describeTarget(ctx: AnalysisContext, target: Target, label: readonly PathStep[]): string {
  switch (target.kind) {
    case 'value':
      return describeValue(ctx, target, label);
    case 'namespace':
      return describeNamespace(ctx, target.namespace);
    case 'project':
      return [`**project \`${target.project}\`**`, '', environmentList(ctx.workspace.environments().filter((e) => e.project === target.project).map((e) => e.name))].join('\n');
    case 'environment':
      return describeEnvironment(ctx, target.name, target.via === 'imports' ? 'imported' : 'referenced');
  }
}

/** Describes a value: its path and type, the value (masked unless revealing) and where it was defined and overridden. */
export function describeValue(ctx: AnalysisContext, target: ValueTarget, label: readonly PathStep[]): string {
  const v = target.value;
  const lines = [`**\`${formatAccess(label)}\`**: ${typeOf(v, target.schema)}`, '', '```json', blockValue(v, ctx.options.revealSecrets), '```'];
  const origin = provenance(ctx, v);
  if (origin.length > 0) lines.push('', ...origin);
  if (target.schema.description) lines.push('', target.schema.description);
  return lines.join('\n');
}

/** Describes an environment: where it lives and what it contributes. */
export function describeEnvironment(ctx: AnalysisContext, name: string, how: 'imported' | 'referenced'): string {
  const doc = ctx.workspace.document(name);
  const where = ctx.workspace.describeLocation(name);
  const lines = [`**environment \`${name}\`**${where !== undefined ? ` — \`${where}\`` : ''}`];
  if (doc === undefined) {
    lines.push('', `Not found in the workspace.`);
    return lines.join('\n');
  }
  const keys = [...(doc.environment?.properties?.keys() ?? [])];
  const description = doc.loaded.decl?.description?.value;
  if (description) lines.push('', description);
  const ownKeys = new Set((ctx.document.loaded.decl?.values ?? []).map((e) => e.keySyntax.value));
  if (keys.length === 0) lines.push('', 'Contributes no values.');
  else {
    const shown = keys.slice(0, 20).map((k) => (ownKeys.has(k) && how === 'imported' ? `\`${k}\` (overridden here)` : `\`${k}\``));
    lines.push('', `${how === 'imported' ? 'Contributes' : 'Has'} ${keys.length} top-level ${keys.length === 1 ? 'value' : 'values'}: ${shown.join(', ')}${keys.length > 20 ? ', …' : ''}`);
  }
  const imports = importedNames(doc);
  if (imports.length > 0) lines.push('', `Imports ${imports.map((i) => `\`${i}\``).join(', ')}.`);
  const errors = doc.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) lines.push('', `Has ${errors} ${errors === 1 ? 'error' : 'errors'}.`);
  return lines.join('\n');
}

/** Says where a value was defined and which definitions of imported environments it overrides. */
export function provenance(ctx: AnalysisContext, v: Value | undefined): string[] {
  if (v === undefined) return [];
  const out: string[] = [];
  const def = v.trace.def;
  if (!isZeroRange(def)) out.push(`Defined ${placeOf(ctx, def)}.`);
  const overrides: string[] = [];
  const seen = new Set<Value>();
  for (let b = v.trace.base; b !== undefined && !seen.has(b); b = b.trace.base) {
    seen.add(b);
    if (!isZeroRange(b.trace.def)) overrides.push(placeOf(ctx, b.trace.def));
  }
  if (overrides.length > 0) out.push(`Overrides the value ${dedupe(overrides).join(', then ')}.`);
  return out;
}

/** Returns "in `env` (file) line N" or "here, line N". */
export function placeOf(ctx: AnalysisContext, r: Range): string {
  if (r.environment === ctx.document.name) return `here, line ${r.begin.line}`;
  const where = ctx.workspace.describeLocation(r.environment);
  return `in \`${r.environment}\`${where !== undefined ? ` (${where}:${r.begin.line})` : ` line ${r.begin.line}`}`;
}

function describeNamespace(ctx: AnalysisContext, ns: Namespace): string {
  switch (ns) {
    case 'imports': {
      const names = importedNames(ctx.document);
      return ['**`imports`**: the environments this one imports, by name (merged or not).', '', names.length > 0 ? names.map((n) => `- \`${n}\``).join('\n') : 'This environment imports none.'].join('\n');
    }
    case 'context':
      return '**`context`**: the execution context: `currentEnvironment.name`, `rootEnvironment.name` and the values the host supplies, such as `pulumi.user.id`.';
    case 'environments':
      return ['**`environments`**: any environment of the workspace, as `environments.<project>.<env>`; it is read, not merged.', '', environmentList(ctx.workspace.environments().map((e) => e.name))].join('\n');
  }
}

function environmentList(names: readonly string[]): string {
  if (names.length === 0) return 'No environments.';
  const shown = names.slice(0, 30).map((n) => `\`${n}\``);
  return `${names.length} ${names.length === 1 ? 'environment' : 'environments'}: ${shown.join(', ')}${names.length > 30 ? ', …' : ''}`;
}

function dedupe(xs: string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}
