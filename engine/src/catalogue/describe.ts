// Markdown documentation of catalogue entries and of their inputs and outputs, for hover and
// completion details. Pure text: the language server decides where to show it.

import type { Schema } from '../schema/schema.js';
import { NumberText, type PlainValue } from '../util/plain.js';
import { builtinKey, type CatalogueEntry } from './entry.js';
import { allowedValues, itemOf, propertiesOf, schemaAt, type PathStep } from './schemaPath.js';

/** Returns the markdown of a provider or rotator: what it does, its inputs, outputs and an example. */
export function describeEntry(entry: CatalogueEntry): string {
  const lines = [`**${builtinKey(entry)}** (${entry.kind})`, '', entry.description, ''];
  lines.push('**Inputs**', '', ...propertyLines(entry.inputs), '');
  if (entry.rotateOnly && entry.rotateOnly.length > 0) {
    lines.push(`Evaluated only during rotation: ${entry.rotateOnly.map((p) => `\`${p}\``).join(', ')}.`, '');
  }
  if (entry.state !== undefined) lines.push('**State**', '', ...propertyLines(entry.state), '');
  lines.push(`**Outputs**: ${typeLabel(entry.outputs)}`, '', ...propertyLines(entry.outputs), '');
  lines.push('**Example**', '', '```yaml', entry.example, '```', '', `[Documentation](${entry.docsUrl})`);
  return collapseBlankLines(lines).join('\n');
}

/** Returns the markdown of one input of an entry (e.g. path `['oidc', 'roleArn']`), or undefined when the path is not an input. */
export function describeInput(entry: CatalogueEntry, path: readonly PathStep[]): string | undefined {
  const s = schemaAt(entry.inputs, path);
  return s === undefined ? undefined : describeSchema(s, `${builtinKey(entry)} input \`${formatPath(path)}\``, isRequired(entry.inputs, path));
}

/** Returns the markdown of one output of an entry (e.g. `['accessKeyId']`; `[]` for the whole result). */
export function describeOutput(entry: CatalogueEntry, path: readonly PathStep[]): string | undefined {
  const s = schemaAt(entry.outputs, path);
  const what = path.length === 0 ? `output of ${builtinKey(entry)}` : `${builtinKey(entry)} output \`${formatPath(path)}\``;
  return s === undefined ? undefined : describeSchema(s, what, false);
}

/** Returns the markdown of a schema: its type, constraints, description and properties. */
export function describeSchema(s: Schema, title: string, required: boolean): string {
  const lines = [`**${title}**: ${typeLabel(s)}${required ? ' (required)' : ''}`];
  if (s.description) lines.push('', s.description);
  const facts = constraints(s);
  if (facts.length > 0) lines.push('', ...facts.map((f) => `- ${f}`));
  const props = propertyLines(s);
  if (props.length > 0) lines.push('', ...props);
  return lines.join('\n');
}

/** Returns a short label of a schema's type: `string`, `list of string`, `map of object`, `one of: …`. */
export function typeLabel(s: Schema): string {
  if (s.always) return 'any value';
  if (s.never) return 'nothing';
  if (s.type === 'array') {
    const items = itemOf(s);
    return items === undefined || items.always ? 'list' : `list of ${typeLabel(items)}`;
  }
  if (s.type === 'object' && !s.properties && s.additionalProperties !== undefined) {
    return s.additionalProperties.always ? 'object' : `map of ${typeLabel(s.additionalProperties)}`;
  }
  if (s.type !== '') return s.type;
  const members = [...(s.oneOf ?? []), ...(s.anyOf ?? [])];
  return members.length > 0 ? `one of: ${members.map(typeLabel).join(', ')}` : 'any value';
}

function propertyLines(s: Schema): string[] {
  return propertiesOf(s).map((p) => {
    const summary = p.schema.description ? `: ${firstSentence(p.schema.description)}` : '';
    return `- \`${p.name}\` (${typeLabel(p.schema)}${p.required ? ', required' : ''})${summary}`;
  });
}

function constraints(s: Schema): string[] {
  const out: string[] = [];
  const values = allowedValues(s);
  if (values !== undefined) out.push(`one of ${values.map((v) => `\`${plainText(v)}\``).join(', ')}`);
  if (s.default !== undefined && s.default !== null) out.push(`default \`${plainText(s.default)}\``);
  if (s.minimum !== undefined) out.push(`at least ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`at most ${s.maximum}`);
  if (s.minLength !== undefined) out.push(`at least ${s.minLength} characters`);
  if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  if (s.pattern) out.push(`matches \`${s.pattern}\``);
  if (s.minProperties !== undefined) out.push(`at least ${s.minProperties} ${s.minProperties === '1' ? 'entry' : 'entries'}`);
  if (s.isRotateOnly) out.push('evaluated only during rotation');
  return out;
}

function isRequired(root: Schema, path: readonly PathStep[]): boolean {
  if (path.length === 0) return false;
  const parent = schemaAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  return parent !== undefined && typeof last === 'string' && propertiesOf(parent).some((p) => p.name === last && p.required);
}

function formatPath(path: readonly PathStep[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function plainText(v: PlainValue): string {
  if (v instanceof NumberText) return v.text;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${k}: ${plainText(x)}`).join(', ')}}`;
  if (Array.isArray(v)) return `[${v.map(plainText).join(', ')}]`;
  return String(v);
}

function firstSentence(text: string): string {
  const m = /^(.*?\.)(\s|$)/.exec(text);
  return m ? m[1]! : text;
}

function collapseBlankLines(lines: string[]): string[] {
  return lines.filter((l, i) => !(l === '' && (i === 0 || lines[i - 1] === ''))).filter((l, i, a) => !(l === '' && i === a.length - 1));
}
