// Hover: what is at a position, in markdown. Values show their evaluated value (secrets masked
// unless revealing), type and provenance; accessors inside `${...}` show what their prefix reaches;
// builtins and providers show their documentation; imports show the environment they bring in.

import { builtinInfo, OPEN_PREFIX, ROTATE_PREFIX } from '../builtins/registry.js';
import { describeEntry, describeInput } from '../catalogue/describe.js';
import { providerEntry, rotatorEntry } from '../catalogue/index.js';
import type { CatalogueEntry } from '../catalogue/entry.js';
import type { Pos, Range } from '../model.js';
import type { StringNode } from '../syntax/nodes.js';
import type { AnalysisContext } from './document.js';
import { describeEnvironment, describeTarget } from './describe.js';
import { accessorAt, accessorKey } from './interpolations.js';
import { siteAt, type PathStep, type Site } from './locate.js';
import { resolvePath, resolveTarget } from './resolve.js';
import { RESERVED_VALUE_KEYS, TOP_LEVEL_KEYS } from './vocabulary.js';

/** A hover: markdown and the range it is about. */
export interface HoverResult {
  readonly range: Range;
  readonly markdown: string;
}

/** Returns the hover at a UTF-16 offset of the document, if there is anything to say. */
export function hoverAt(ctx: AnalysisContext, offset: number): HoverResult | undefined {
  const doc = ctx.document;
  const pos = doc.source.pos(offset);
  const site = siteAt(doc.loaded.decl?.syntax, pos);
  switch (site.kind) {
    case 'none':
      return undefined;
    case 'topKey': {
      const doc = TOP_LEVEL_KEYS.get(site.key.value.toLowerCase());
      return doc === undefined ? undefined : { range: site.key.range, markdown: doc };
    }
    case 'import':
      return { range: site.name.range, markdown: describeEnvironment(ctx, site.name.value, 'imported') };
    case 'builtinKey':
      return builtinHover(site.key);
    case 'value':
    case 'builtinArg': {
      const node = site.frame.node;
      if (!site.onKey && node.kind === 'string') {
        const access = accessHover(ctx, node, pos);
        if (access !== undefined) return access;
      }
      if (site.kind === 'builtinArg') {
        const provider = providerHover(site, node.kind === 'string' ? node : undefined);
        if (provider !== undefined) return provider;
      }
      return valueHover(ctx, site);
    }
  }
}

function accessHover(ctx: AnalysisContext, node: StringNode, pos: Pos): HoverResult | undefined {
  const at = accessorAt(node, pos);
  if (at === undefined) return undefined;
  const keys = at.access.accessors.slice(0, at.index + 1).map(accessorKey);
  const targets = resolvePath(ctx, keys);
  const target = targets[at.index];
  const range = at.access.accessors[at.index]!.range!;
  if (target === undefined) return { range, markdown: `**\`${keys.map(String).join('.')}\`**: not found` };
  return { range, markdown: describeTarget(ctx, target, keys) };
}

function valueHover(ctx: AnalysisContext, site: Extract<Site, { kind: 'value' | 'builtinArg' }>): HoverResult | undefined {
  const path: PathStep[] = [...site.path];
  const range = site.onKey && site.frame.key !== undefined ? site.frame.key.range : site.frame.node.range;
  if (path.length === 0) return undefined;
  const target = isReservedRoot(path[0]!) ? undefined : resolveTarget(ctx, path);
  const parts: string[] = [];
  if (target !== undefined) parts.push(describeTarget(ctx, target, path));
  if (site.kind === 'builtinArg') parts.unshift(`Argument of \`${site.name}\`; the call evaluates to:`);
  const reserved = path.length === 1 && site.onKey ? RESERVED_VALUE_KEYS.get(String(path[0])) : undefined;
  if (reserved !== undefined) parts.push(reserved);
  if (parts.length === 0) return undefined;
  return { range, markdown: parts.join('\n\n') };
}

// Keys named like the reserved roots are errors in `values`; their values cannot be resolved by path.
function isReservedRoot(step: PathStep): boolean {
  return step === 'imports' || step === 'context' || step === 'environments';
}

function builtinHover(key: StringNode): HoverResult | undefined {
  const name = key.value;
  const entry = entryOfKey(name);
  if (entry !== undefined) return { range: key.range, markdown: describeEntry(entry) };
  const info = builtinInfo(name);
  if (info === undefined) return undefined;
  const lines = [`**${name}**`, '', info.summary, '', '```yaml', info.signature, '```', '', 'Example:', '', '```yaml', info.example, '```'];
  if (name.startsWith(OPEN_PREFIX) || name.startsWith(ROTATE_PREFIX)) lines.push('', `\`${name.split('::')[2]}\` is not in the catalogue of providers and rotators.`);
  return { range: key.range, markdown: lines.join('\n') };
}

/** Hovers on provider documentation inside `fn::open` / `fn::rotate` arguments: the provider name and input keys. */
function providerHover(site: Extract<Site, { kind: 'builtinArg' }>, str: StringNode | undefined): HoverResult | undefined {
  const { name, argPath } = site;
  let entry = entryOfKey(name);
  let inputs: readonly PathStep[] | undefined;
  if (name === 'fn::open' || name === 'fn::rotate') {
    const providerNode = site.call.entries[0]!.value;
    const provider = providerNode.kind === 'object' ? providerNode.entries.find((e) => e.key.value === 'provider')?.value : undefined;
    const providerName = provider?.kind === 'string' ? provider.value : undefined;
    if (providerName !== undefined) entry = name === 'fn::open' ? providerEntry(providerName) : rotatorEntry(providerName);
    if (argPath.length === 1 && argPath[0] === 'provider' && str !== undefined && !site.onKey && entry !== undefined) {
      return { range: str.range, markdown: describeEntry(entry) };
    }
    if (argPath[0] === 'inputs') inputs = argPath.slice(1);
  } else if (name.startsWith(OPEN_PREFIX)) inputs = argPath;
  else if (name.startsWith(ROTATE_PREFIX) && argPath[0] === 'inputs') inputs = argPath.slice(1);
  if (entry === undefined || inputs === undefined || inputs.length === 0 || !site.onKey) return undefined;
  const markdown = describeInput(entry, inputs);
  return markdown === undefined ? undefined : { range: site.frame.key!.range, markdown };
}

function entryOfKey(name: string): CatalogueEntry | undefined {
  if (name.startsWith(OPEN_PREFIX)) return providerEntry(name.slice(OPEN_PREFIX.length));
  if (name.startsWith(ROTATE_PREFIX)) return rotatorEntry(name.slice(ROTATE_PREFIX.length));
  return undefined;
}
