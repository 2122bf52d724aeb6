// Completion candidates: top-level and reserved keys, builtin and provider calls, provider inputs and
// their allowed values, environment names in `imports:`, and property paths inside `${...}` (this
// document's keys, imports, `context.*`, `imports.*`, `environments.*`), each with its type and a
// preview of its value. The place comes from the current text (completionContext.ts); values come
// from the document's last checked model, which may be a few keystrokes older.

import { builtins, OPEN_PREFIX, ROTATE_PREFIX } from '../builtins/registry.js';
import { describeEntry, describeSchema, typeLabel } from '../catalogue/describe.js';
import { builtinKey, type CatalogueEntry } from '../catalogue/entry.js';
import { catalogue, providerEntry, rotatorEntry } from '../catalogue/index.js';
import { allowedValues, propertiesOf, schemaAt } from '../catalogue/schemaPath.js';
import { entrySnippet } from '../catalogue/snippets.js';
import { NumberText } from '../util/plain.js';
import { completionPlace, type CompletionPlace } from './completionContext.js';
import { describeEnvironment, provenance } from './describe.js';
import type { AnalysisContext } from './document.js';
import type { PathStep } from './locate.js';
import { isPlainName } from './paths.js';
import { previewValue, typeOf } from './preview.js';
import { contextRoot, importedNames, resolveTarget, valuesRoot, type ValueTarget } from './resolve.js';
import { RESERVED_VALUE_KEYS, TOP_LEVEL_KEYS } from './vocabulary.js';

/** What kind of thing a candidate is (the host maps it to its editor's icons). */
export type CompletionKind = 'property' | 'namespace' | 'environment' | 'project' | 'builtin' | 'provider' | 'rotator' | 'keyword' | 'value';

/** A span of UTF-16 offsets of the current text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One completion candidate. */
export interface CompletionCandidate {
  readonly label: string;
  readonly kind: CompletionKind;
  /** A short type or signature. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The text that replaces `range`; snippet syntax when `snippet` is set. */
  readonly insertText: string;
  readonly snippet: boolean;
  /** What the candidate replaces: UTF-16 offsets `[start, end)` of the current text. */
  readonly range: Span;
  /** The text the editor matches what was typed against (when it differs from the label). */
  readonly filterText?: string;
  readonly sortText?: string;
}

/**
 * Returns the candidates at a UTF-16 offset of `text`, the document's current text (which may be
 * newer than the model in `ctx` and need not parse).
 */
export function completionsAt(ctx: AnalysisContext, text: string, offset: number): CompletionCandidate[] {
  const place = completionPlace(text, offset);
  if (place === undefined) return [];
  const range: Span = { start: place.start, end: place.end };
  switch (place.kind) {
    case 'access':
      return accessCandidates(ctx, place, range);
    case 'key':
      return keyCandidates(ctx, place, range);
    case 'item':
      return itemCandidates(ctx, place, range);
    case 'value':
      return valueCandidates(place, range);
  }
}

// ---- `${...}` ----

function accessCandidates(ctx: AnalysisContext, place: Extract<CompletionPlace, { kind: 'access' }>, range: Span): CompletionCandidate[] {
  const make = (label: string, kind: CompletionKind, detail?: string, documentation?: string, sortText?: string): CompletionCandidate => {
    let insertText: string;
    if (place.form === 'quoted') insertText = `["${label.replace(/"/g, '\\"')}"]`;
    else if (isPlainName(label)) insertText = place.form === 'dot' ? `.${label}` : label;
    else insertText = `["${label.replace(/"/g, '\\"')}"]`;
    const c: CompletionCandidate = { label, kind, insertText, snippet: false, range, filterText: place.form === 'dot' ? `.${label}` : place.form === 'quoted' ? `["${label}` : label };
    return { ...c, ...(detail !== undefined ? { detail } : {}), ...(documentation !== undefined ? { documentation } : {}), ...(sortText !== undefined ? { sortText } : {}) };
  };
  const out: CompletionCandidate[] = [];
  if (place.receiver.length === 0) {
    const root = valuesRoot(ctx.document);
    if (root !== undefined) out.push(...valueChildren(ctx, root, make, '1'));
    out.push(make('imports', 'namespace', 'imported environments', undefined, '2'));
    out.push(make('context', 'namespace', 'execution context', undefined, '2'));
    out.push(make('environments', 'namespace', 'environments of the workspace', undefined, '2'));
    return out;
  }
  const target = resolveTarget(ctx, place.receiver);
  if (target === undefined) return [];
  switch (target.kind) {
    case 'value':
      return valueChildren(ctx, target, make, '1');
    case 'namespace':
      if (target.namespace === 'imports') {
        return importedNames(ctx.document).map((n) => make(n, 'environment', 'environment', describeEnvironment(ctx, n, 'imported')));
      }
      if (target.namespace === 'context') {
        const root = contextRoot(ctx.document);
        return root === undefined ? [] : valueChildren(ctx, root, make, '1');
      }
      return [...new Set(ctx.workspace.environments().map((e) => e.project))].map((p) => make(p, 'project', 'project'));
    case 'project':
      return ctx.workspace
        .environments()
        .filter((e) => e.project === target.project)
        .map((e) => make(e.env, 'environment', 'environment', describeEnvironment(ctx, e.name, 'referenced')));
    case 'environment': {
      const root = target.document === undefined ? undefined : valuesRoot(target.document);
      return root === undefined ? [] : valueChildren(ctx, root, make, '1');
    }
  }
}

type Make = (label: string, kind: CompletionKind, detail?: string, documentation?: string, sortText?: string) => CompletionCandidate;

/** The keys of a value (or, below unknown values, of its schema), with type and preview. */
function valueChildren(ctx: AnalysisContext, parent: ValueTarget, make: Make, sort: string): CompletionCandidate[] {
  const repr = parent.value?.value;
  const reveal = ctx.options.revealSecrets;
  if (repr instanceof Map) {
    const out: CompletionCandidate[] = [];
    for (const [k, v] of repr) {
      const type = typeOf(v, undefined);
      const doc = ['```json', previewValue(v, reveal, 200), '```', ...provenance(ctx, v).map((l) => '\n' + l)].join('\n');
      out.push(make(k, 'property', `${type} = ${previewValue(v, reveal, 40)}`, doc, sort + k));
    }
    return out;
  }
  if (parent.value === undefined || parent.value.unknown) {
    return propertiesOf(parent.schema).map((p) => make(p.name, 'property', typeLabel(p.schema) + ' (known when opened)', p.schema.description, sort + p.name));
  }
  return [];
}

// ---- keys ----

function keyCandidates(ctx: AnalysisContext, place: Extract<CompletionPlace, { kind: 'key' }>, range: Span): CompletionCandidate[] {
  const { parents } = place;
  const key = (label: string, kind: CompletionKind, detail: string, documentation?: string, insertText = `${label}: `, snippet = false): CompletionCandidate => ({
    label,
    kind,
    detail,
    insertText,
    snippet,
    range,
    ...(documentation !== undefined ? { documentation } : {}),
  });
  if (parents.length === 0) return [...TOP_LEVEL_KEYS].map(([k, doc]) => key(k, 'keyword', 'top-level key', doc, `${k}:\n${' '.repeat(place.indent + 2)}`));
  if (String(parents[0]).toLowerCase() !== 'values') return [];
  const call = enclosingCall(parents);
  if (call !== undefined) {
    // Where the argument's schema names keys, those are what belongs there; elsewhere a value may be a builtin call.
    const keys = argumentKeys(call.name, call.argPath, key);
    return keys.length > 0 ? keys : builtinCandidates(place, range);
  }
  const out: CompletionCandidate[] = [];
  if (parents.length === 1) for (const [k, doc] of RESERVED_VALUE_KEYS) out.push(key(k, 'keyword', 'reserved key', doc, `${k}:\n${' '.repeat(place.indent + 2)}`));
  out.push(...overrideCandidates(ctx, parents.slice(1), key));
  if (parents.length > 1) out.push(...builtinCandidates(place, range));
  return out;
}

/** Keys an imported environment defines at this path that this document does not: candidates to override. */
function overrideCandidates(ctx: AnalysisContext, path: readonly PathStep[], key: (label: string, kind: CompletionKind, detail: string, documentation?: string) => CompletionCandidate): CompletionCandidate[] {
  if (path.some((p) => typeof p === 'number')) return [];
  const target = path.length === 0 ? valuesRoot(ctx.document) : resolveTarget(ctx, path);
  const repr = target?.kind === 'value' ? target.value?.value : undefined;
  if (!(repr instanceof Map)) return [];
  const out: CompletionCandidate[] = [];
  for (const [k, v] of repr) {
    if (v.trace.def.environment === ctx.document.name || v.trace.def.begin.line === 0) continue;
    const doc = ['```json', previewValue(v, ctx.options.revealSecrets, 200), '```', '', ...provenance(ctx, v)].join('\n');
    out.push(key(k, 'property', `override ${typeOf(v, undefined)} from ${v.trace.def.environment}`, doc));
  }
  return out;
}

/** The builtin calls and provider/rotator calls, as key candidates. */
function builtinCandidates(place: Extract<CompletionPlace, { kind: 'key' }>, range: Span): CompletionCandidate[] {
  const out: CompletionCandidate[] = [];
  for (const b of builtins()) {
    if (b.name.includes('<')) continue;
    const documentation = [b.summary, '', '```yaml', b.example, '```'].join('\n');
    out.push({ label: b.name, kind: 'builtin', detail: b.signature, documentation, insertText: `${b.name}: `, snippet: false, range, sortText: `3${b.name}` });
  }
  for (const entry of catalogue()) {
    const label = builtinKey(entry);
    const { documentation, snippet } = entryTexts(entry);
    out.push({
      label,
      kind: entry.kind,
      detail: entry.summary,
      documentation,
      insertText: `${label}:\n${indentSnippet(snippet, place.indent + 2)}`,
      snippet: true,
      range,
      sortText: `4${label}`,
    });
  }
  return out;
}

const ENTRY_TEXTS = new Map<CatalogueEntry, { documentation: string; snippet: string }>();

/** The documentation and snippet of a catalogue entry, built once (the catalogue does not change). */
function entryTexts(entry: CatalogueEntry): { documentation: string; snippet: string } {
  let texts = ENTRY_TEXTS.get(entry);
  if (texts === undefined) ENTRY_TEXTS.set(entry, (texts = { documentation: describeEntry(entry), snippet: entrySnippet(entry) }));
  return texts;
}

function indentSnippet(snippet: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return snippet
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

/** The innermost builtin call among the parent keys, and the path inside its argument. */
function enclosingCall(parents: readonly PathStep[]): { name: string; argPath: PathStep[] } | undefined {
  for (let i = parents.length - 1; i >= 1; i--) {
    const p = parents[i];
    if (typeof p === 'string' && p.startsWith('fn::')) return { name: p, argPath: parents.slice(i + 1) };
  }
  return undefined;
}

/** The keys a builtin's argument takes at `argPath`: provider inputs, or the fields of long forms. */
function argumentKeys(name: string, argPath: readonly PathStep[], key: (label: string, kind: CompletionKind, detail: string, documentation?: string) => CompletionCandidate): CompletionCandidate[] {
  const fields = (...names: string[]) => (argPath.length === 0 ? names.map((n) => key(n, 'keyword', `${name} argument`)) : []);
  let entry: CatalogueEntry | undefined;
  let inputPath: readonly PathStep[] | undefined;
  if (name.startsWith(OPEN_PREFIX)) {
    entry = providerEntry(name.slice(OPEN_PREFIX.length));
    inputPath = argPath;
  } else if (name.startsWith(ROTATE_PREFIX)) {
    entry = rotatorEntry(name.slice(ROTATE_PREFIX.length));
    if (argPath.length === 0) return fields('inputs', 'state');
    if (argPath[0] === 'inputs') inputPath = argPath.slice(1);
  } else if (name === 'fn::open') return fields('provider', 'inputs');
  else if (name === 'fn::rotate') return fields('provider', 'inputs', 'state');
  else if (name === 'fn::validate') return fields('schema', 'value');
  else if (name === 'fn::secret') return fields('ciphertext');
  if (entry === undefined || inputPath === undefined) return [];
  const schema = schemaAt(entry.inputs, inputPath.map((p) => (p === -1 ? 0 : p)));
  if (schema === undefined) return [];
  return propertiesOf(schema).map((p) => key(p.name, 'property', typeLabel(p.schema) + (p.required ? ' (required)' : ''), describeSchema(p.schema, p.name, p.required)));
}

// ---- list items and values ----

function itemCandidates(ctx: AnalysisContext, place: Extract<CompletionPlace, { kind: 'item' }>, range: Span): CompletionCandidate[] {
  if (place.parents.length !== 1 || String(place.parents[0]).toLowerCase() !== 'imports') return [];
  const imported = new Set(importedNames(ctx.document).map((n) => ctx.workspace.environmentInfo(n)?.name ?? n));
  return ctx.workspace
    .environments()
    .filter((e) => e.name !== ctx.document.name && !imported.has(e.name))
    .map((e) => {
      const where = ctx.workspace.describeLocation(e.name);
      return { label: e.name, kind: 'environment' as const, ...(where !== undefined ? { detail: where } : {}), insertText: e.name, snippet: false, range };
    });
}

function valueCandidates(place: Extract<CompletionPlace, { kind: 'value' }>, range: Span): CompletionCandidate[] {
  const value = (label: string, kind: CompletionKind, detail?: string, documentation?: string): CompletionCandidate => ({
    label,
    kind,
    insertText: label,
    snippet: false,
    range,
    ...(detail !== undefined ? { detail } : {}),
    ...(documentation !== undefined ? { documentation } : {}),
  });
  const { parents, key } = place;
  const last = parents[parents.length - 1];
  if (key === 'provider' && (last === 'fn::open' || last === 'fn::rotate')) {
    const kind = last === 'fn::open' ? 'provider' : 'rotator';
    return catalogue()
      .filter((e) => e.kind === kind)
      .map((e) => value(e.name, kind, e.summary, describeEntry(e)));
  }
  if (key === 'merge' && String(parents[0]).toLowerCase() === 'imports') return [value('false', 'value'), value('true', 'value')];
  const call = enclosingCall([...parents, key]);
  if (call === undefined || !call.name.startsWith(OPEN_PREFIX)) return [];
  const entry = providerEntry(call.name.slice(OPEN_PREFIX.length));
  const schema = entry === undefined ? undefined : schemaAt(entry.inputs, call.argPath.map((p) => (p === -1 ? 0 : p)));
  const allowed = schema === undefined ? undefined : allowedValues(schema);
  return (allowed ?? []).map((v) => value(v instanceof NumberText ? v.text : typeof v === 'string' || typeof v === 'boolean' ? String(v) : JSON.stringify(v), 'value', schema === undefined ? undefined : typeLabel(schema)));
}
