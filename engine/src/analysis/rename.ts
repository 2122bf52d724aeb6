// Rename of value keys (the key, the keys overriding it in importers and every accessor reaching it)
// and of environments (every import and `imports.*` / `environments.*` access naming it, and its
// file). The edits are computed here; the host applies them and moves the file.

import type { Range } from '../model.js';
import type { StringNode } from '../syntax/nodes.js';
import type { AnalysisContext, AnalysisDocument, EnvironmentInfo, TextEdit, WorkspaceChange } from './document.js';
import { accessesOf, accessorAt, accessorKey, forEachString } from './interpolations.js';
import { siteAt } from './locate.js';
import { accessorText, isPlainName } from './paths.js';
import { findKeyReferences, keyTargetAt } from './references.js';
import { RESERVED_ROOTS } from './vocabulary.js';

/** What a rename at a position would rename: the range to edit in place and the current name. */
export interface RenameTarget {
  readonly kind: 'key' | 'environment';
  readonly range: Range;
  readonly placeholder: string;
}

/** The result of a rename: a workspace change, or why the rename cannot be done. */
export type RenameResult = { readonly ok: true; readonly change: WorkspaceChange } | { readonly ok: false; readonly error: string };

/** Returns what can be renamed at a UTF-16 offset, or undefined when nothing can. */
export function renameTargetAt(ctx: AnalysisContext, offset: number): RenameTarget | undefined {
  const env = environmentAt(ctx, offset);
  if (env !== undefined) return { kind: 'environment', range: env.range, placeholder: env.written };
  const key = keyTargetAt(ctx, offset);
  if (key === undefined) return undefined;
  const pos = ctx.document.source.pos(offset);
  const site = siteAt(ctx.document.loaded.decl?.syntax, pos);
  if (site.kind === 'value' && site.onKey) return { kind: 'key', range: key.key, placeholder: key.name };
  // On an accessor: the editable part is the name inside `.name` or `["name"]`.
  if ((site.kind === 'value' || site.kind === 'builtinArg') && site.frame.node.kind === 'string') {
    const at = accessorAt(site.frame.node, pos);
    if (at !== undefined) return { kind: 'key', range: nameRange(ctx.document, at.access.accessors[at.index]!.range!), placeholder: key.name };
  }
  return undefined;
}

/** Renames what is at a UTF-16 offset to `newName`. */
export function renameAt(ctx: AnalysisContext, offset: number, newName: string): RenameResult {
  const env = environmentAt(ctx, offset);
  if (env !== undefined) return renameEnvironment(ctx, env.info, newName);
  const target = keyTargetAt(ctx, offset);
  if (target === undefined) return { ok: false, error: 'nothing to rename here: place the cursor on a value key or an environment name' };
  if (newName === '') return { ok: false, error: 'a key cannot be empty' };
  if (RESERVED_ROOTS.has(newName)) return { ok: false, error: `"${newName}" is reserved and cannot name a value` };
  if (newName.startsWith('fn::')) return { ok: false, error: `"${newName}" would be read as a builtin call` };
  const refs = findKeyReferences(ctx, target);
  const edits: TextEdit[] = [];
  const keyStyle = styleOfKey(ctx, target.key);
  edits.push({ range: target.key, newText: yamlScalar(newName, keyStyle) });
  for (const o of refs.overrides) edits.push({ range: o.key, newText: yamlScalar(newName, o.style) });
  for (const a of refs.accessors) edits.push({ range: a.range, newText: a.first ? firstAccessorText(newName) : accessorText(newName) });
  return { ok: true, change: { edits } };
}

/** Renames environment `from` to `to`: imports, `imports.*` and `environments.*` accesses, and the file. */
export function renameEnvironment(ctx: AnalysisContext, from: EnvironmentInfo, to: string): RenameResult {
  const target = ctx.workspace.environmentInfo(to);
  if (target === undefined) return { ok: false, error: `"${to}" is not a valid environment name: use [project/]env with letters, digits, "-", "_" and "."` };
  if (target.name === from.name) return { ok: true, change: { edits: [] } };
  if (ctx.workspace.environments().some((e) => e.name === target.name)) return { ok: false, error: `environment ${target.name} already exists` };
  const edits: TextEdit[] = [];
  for (const doc of allDocuments(ctx)) {
    const decl = doc.loaded.decl;
    if (decl === undefined) continue;
    const written = new Set<string>();
    for (const i of decl.imports) {
      if (ctx.workspace.environmentInfo(i.environment.value)?.name !== from.name) continue;
      written.add(i.environment.value);
      const node = i.environment.syntax as StringNode | undefined;
      if (node !== undefined) edits.push({ range: node.range, newText: yamlScalar(target.name, node.style) });
    }
    forEachString(decl.valuesSyntax, (node) => {
      for (const access of accessesOf(node)) {
        const list = access.accessors;
        const keys = list.map(accessorKey);
        if (keys[0] === 'imports' && typeof keys[1] === 'string' && written.has(keys[1]) && ownRange(list[1]!.range, node)) {
          edits.push({ range: list[1]!.range!, newText: accessorText(target.name) });
        }
        if (keys[0] === 'environments' && typeof keys[1] === 'string' && typeof keys[2] === 'string') {
          if (ctx.workspace.environmentInfo(`${keys[1]}/${keys[2]}`)?.name !== from.name) continue;
          if (ownRange(list[1]!.range, node)) edits.push({ range: list[1]!.range!, newText: accessorText(target.project) });
          if (ownRange(list[2]!.range, node)) edits.push({ range: list[2]!.range!, newText: accessorText(target.env) });
        }
      }
    });
  }
  return { ok: true, change: { edits, renameEnvironments: [{ from: from.name, to: target.name }] } };
}

/** Finds an environment name at an offset: an import entry, or the `imports.<name>` / `environments.<p>.<e>` segments. */
function environmentAt(ctx: AnalysisContext, offset: number): { info: EnvironmentInfo; range: Range; written: string } | undefined {
  const doc = ctx.document;
  const pos = doc.source.pos(offset);
  const site = siteAt(doc.loaded.decl?.syntax, pos);
  if (site.kind === 'import') {
    const info = ctx.workspace.environmentInfo(site.name.value);
    return info === undefined ? undefined : { info, range: site.name.range, written: site.name.value };
  }
  if ((site.kind !== 'value' && site.kind !== 'builtinArg') || site.onKey || site.frame.node.kind !== 'string') return undefined;
  const at = accessorAt(site.frame.node, pos);
  if (at === undefined) return undefined;
  const keys = at.access.accessors.map(accessorKey);
  const range = at.access.accessors[at.index]!.range!;
  if (keys[0] === 'imports' && at.index === 1 && typeof keys[1] === 'string') {
    const info = ctx.workspace.environmentInfo(keys[1]);
    return info === undefined ? undefined : { info, range: nameRange(doc, range), written: keys[1] };
  }
  if (keys[0] === 'environments' && (at.index === 1 || at.index === 2) && typeof keys[1] === 'string' && typeof keys[2] === 'string') {
    const info = ctx.workspace.environmentInfo(`${keys[1]}/${keys[2]}`);
    return info === undefined ? undefined : { info, range: nameRange(doc, range), written: info.name };
  }
  return undefined;
}

/** Returns the range of the name inside an accessor: without the leading `.`, or inside `["…"]`. */
function nameRange(doc: AnalysisDocument, r: Range): Range {
  const source = doc.source;
  const start = source.offsetOfPos(r.begin.line, r.begin.column);
  const end = source.offsetOfPos(r.end.line, r.end.column);
  const text = source.text.slice(start, end);
  if (text.startsWith('.')) return source.range(r.environment, start + 1, end);
  if (text.startsWith('["') && text.endsWith('"]') && text.length >= 4) return source.range(r.environment, start + 2, end - 2);
  return r;
}

function firstAccessorText(name: string): string {
  return isPlainName(name) ? name : `["${name.replace(/"/g, '\\"')}"]`;
}

function ownRange(r: Range | undefined, node: StringNode): r is Range {
  if (r === undefined || r.begin.line === 0) return false;
  const n = node.range;
  return !(r.begin.line === n.begin.line && r.begin.column === n.begin.column && r.end.line === n.end.line && r.end.column === n.end.column);
}

function styleOfKey(ctx: AnalysisContext, key: Range): StringNode['style'] {
  const site = siteAt(ctx.document.loaded.decl?.syntax, key.begin);
  if (site.kind === 'value' && site.onKey && site.frame.key !== undefined) return site.frame.key.style;
  return 'plain';
}

/** Writes a string as a YAML scalar, keeping the quoting style where it can and quoting where it must. */
export function yamlScalar(s: string, style: StringNode['style']): string {
  if (style === 'single') return `'${s.replace(/'/g, "''")}'`;
  if (style === 'double' || !isPlainScalar(s)) return JSON.stringify(s);
  return s;
}

function isPlainScalar(s: string): boolean {
  // Conservative: letters, digits and a few punctuation marks that never start or change a plain scalar.
  return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(s);
}

function allDocuments(ctx: AnalysisContext): AnalysisDocument[] {
  const docs = new Map<string, AnalysisDocument>([[ctx.document.name, ctx.document]]);
  for (const e of ctx.workspace.environments()) {
    if (docs.has(e.name)) continue;
    const d = ctx.workspace.document(e.name);
    if (d !== undefined) docs.set(d.name, d);
  }
  return [...docs.values()];
}
