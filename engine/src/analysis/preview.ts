// Short, safe text forms of values for people: one-line previews (completion, inlay hints) and
// multi-line blocks (hover). Secrets are masked as `[secret]` unless revealing was asked for, and
// values unknown until open time show as `[unknown]`.

import type { Value } from '../model.js';
import { SECRET_PLACEHOLDER, UNKNOWN_PLACEHOLDER } from '../eval/json.js';
import { typeLabel } from '../catalogue/describe.js';
import type { Schema } from '../schema/schema.js';
import { NumberText } from '../util/plain.js';
import { compareCodePoints } from '../util/order.js';

/** Returns a one-line preview of a value, at most `max` characters long. */
export function previewValue(v: Value | undefined, reveal: boolean, max = 80): string {
  const out = new Writer(max, false);
  write(out, v, reveal, 0);
  return out.text();
}

/** Returns an indented multi-line form of a value (JSON-like), at most `maxLines` lines. */
export function blockValue(v: Value | undefined, reveal: boolean, maxLines = 24): string {
  const out = new Writer(4000, true);
  write(out, v, reveal, 0);
  const lines = out.text().split('\n');
  return lines.length <= maxLines ? lines.join('\n') : [...lines.slice(0, maxLines - 1), '…'].join('\n');
}

/** Returns the type of a value for people: from its schema when it says more than "anything", else from the value. */
export function typeOf(v: Value | undefined, schema: Schema | undefined): string {
  let label = schema !== undefined && !schema.always && !schema.never ? typeLabel(schema) : kindOf(v);
  if (v?.secret) label += ', secret';
  if (v === undefined || v.unknown) label += ' (known when opened)';
  return label;
}

/** Reports whether any part of a value is secret. */
export function containsSecret(v: Value | undefined): boolean {
  if (v === undefined) return false;
  if (v.secret) return true;
  const repr = v.value;
  if (Array.isArray(repr)) return repr.some(containsSecret);
  if (repr instanceof Map) for (const e of repr.values()) if (containsSecret(e)) return true;
  return false;
}

function kindOf(v: Value | undefined): string {
  const repr = v?.value;
  if (v === undefined || v.unknown) return 'any value';
  if (repr === undefined || repr === null) return 'null';
  if (typeof repr === 'boolean') return 'boolean';
  if (typeof repr === 'string') return 'string';
  if (repr instanceof NumberText) return 'number';
  if (Array.isArray(repr)) return 'list';
  return 'object';
}

/** Accumulates text up to a limit; further writes are dropped and the text ends with an ellipsis. */
class Writer {
  private parts: string[] = [];
  private length = 0;
  full = false;

  constructor(
    private readonly max: number,
    readonly pretty: boolean,
  ) {}

  push(s: string): void {
    if (this.full) return;
    if (this.length + s.length > this.max) {
      this.parts.push(s.slice(0, Math.max(0, this.max - this.length - 1)) + '…');
      this.full = true;
      return;
    }
    this.parts.push(s);
    this.length += s.length;
  }

  text(): string {
    return this.parts.join('');
  }
}

function write(out: Writer, v: Value | undefined, reveal: boolean, depth: number): void {
  if (out.full) return;
  if (v === undefined) return out.push(UNKNOWN_PLACEHOLDER);
  if (v.secret && !reveal) return out.push(SECRET_PLACEHOLDER);
  if (v.unknown) return out.push(UNKNOWN_PLACEHOLDER);
  const repr = v.value;
  if (repr === undefined || repr === null) return out.push('null');
  if (typeof repr === 'boolean') return out.push(repr ? 'true' : 'false');
  if (repr instanceof NumberText) return out.push(repr.text);
  if (typeof repr === 'string') return out.push(JSON.stringify(repr));
  const indent = out.pretty ? '\n' + '  '.repeat(depth + 1) : '';
  const close = out.pretty ? '\n' + '  '.repeat(depth) : '';
  const sep = out.pretty ? ',' : ', ';
  if (Array.isArray(repr)) {
    if (repr.length === 0) return out.push('[]');
    out.push('[');
    repr.forEach((e, i) => {
      if (i > 0) out.push(sep);
      out.push(indent);
      write(out, e, reveal, depth + 1);
    });
    return out.push(close + ']');
  }
  if (repr.size === 0) return out.push('{}');
  out.push('{');
  [...repr.keys()].sort(compareCodePoints).forEach((k, i) => {
    if (i > 0) out.push(sep);
    out.push(indent + JSON.stringify(k) + ': ');
    write(out, repr.get(k), reveal, depth + 1);
  });
  out.push(close + '}');
}
