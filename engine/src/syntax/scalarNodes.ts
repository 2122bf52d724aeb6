// Builds the syntax node of one YAML scalar: style, true range, resolved type, reference range and
// the source information that string nodes use to map value offsets back to the text.

import type { Pos } from '../model.js';
import type { CST } from 'yaml';
import { BooleanNodeImpl, NullNodeImpl, NumberNodeImpl, StringNodeImpl } from './nodeClasses.js';
import type { ScalarStyle, SyntaxDocument, SyntaxNode } from './nodes.js';
import type { Props } from './props.js';
import type { ReferenceBuilder } from './referenceBuilder.js';
import { resolveScalar } from './scalars.js';

/** A scalar node with its true end offset and reference end, for its parent's ranges. */
export interface MadeScalar {
  node: SyntaxNode;
  /** yaml.v3's decoding error for a tag that does not match the value. */
  error?: string;
  end: number;
  refEnd: Pos;
}

/** Explicit placement for empty scalars, which have no token text. */
export interface EmptyPlacement {
  start: number;
  end: number;
}

/**
 * Makes the node for scalar `token` whose decoded value is `value`. `tag` is the resolved short
 * tag (undefined when untagged or `!`); `props` gives the start when the scalar has properties.
 */
export function makeScalar(
  doc: SyntaxDocument,
  ref: ReferenceBuilder,
  token: CST.FlowScalar | CST.BlockScalar,
  value: string,
  props: Props,
  tag: string | undefined,
  path: string,
  empty?: EmptyPlacement,
): MadeScalar {
  const style = styleOf(token);
  const start = empty ? empty.start : props.start >= 0 ? props.start : token.offset;
  const { contentStart, contentEnd, end } = empty ? { contentStart: empty.end, contentEnd: empty.end, end: empty.end } : extent(token, style);
  const source = doc.source;
  const range = source.range(doc.name, start, end);
  const refEnd = ref.scalarEnd(range.begin, value, style, tag);
  ref.recordScalar(range, refEnd);
  const resolved = resolveScalar(value, style === 'plain', tag);
  let node: SyntaxNode;
  switch (resolved.kind) {
    case 'null':
      node = new NullNodeImpl(range, path, doc);
      break;
    case 'boolean':
      node = new BooleanNodeImpl(resolved.value, range, path, doc);
      break;
    case 'number':
      node = new NumberNodeImpl(resolved.value, range, path, doc);
      break;
    default: {
      // Sub-ranges exist in the reference only for plain untagged scalars, counted from their start.
      const referenceStart = style === 'plain' && tag === undefined ? range.begin : null;
      const text = resolved.kind === 'string' ? resolved.value : value;
      node = new StringNodeImpl(text, style, tag, range, path, doc, { contentStart, contentEnd, referenceStart });
    }
  }
  const made: MadeScalar = { node, end, refEnd };
  if (resolved.kind === 'error') made.error = resolved.message;
  return made;
}

function styleOf(token: CST.FlowScalar | CST.BlockScalar): ScalarStyle {
  switch (token.type) {
    case 'single-quoted-scalar':
      return 'single';
    case 'double-quoted-scalar':
      return 'double';
    case 'block-scalar':
      return token.props[0]?.type === 'block-scalar-header' && token.props[0].source.startsWith('>') ? 'folded' : 'literal';
    default:
      return 'plain';
  }
}

/** The content span and true end of a scalar token (block scalars end after their last non-blank character). */
function extent(token: CST.FlowScalar | CST.BlockScalar, style: ScalarStyle): { contentStart: number; contentEnd: number; end: number } {
  const src = token.source;
  if (token.type !== 'block-scalar') {
    const end = token.offset + src.length;
    if (style === 'plain') return { contentStart: token.offset, contentEnd: end, end };
    const closed = src.length >= 2 && src[src.length - 1] === src[0];
    return { contentStart: token.offset + 1, contentEnd: closed ? end - 1 : end, end };
  }
  const lastProp = token.props[token.props.length - 1];
  const bodyStart = lastProp ? lastProp.offset + ('source' in lastProp && typeof lastProp.source === 'string' ? lastProp.source.length : 0) : token.offset;
  const header = token.props[0];
  const headerEnd = header && 'source' in header && typeof header.source === 'string' ? header.offset + header.source.length : token.offset + 1;
  let last = src.length - 1;
  while (last >= 0 && (src[last] === '\n' || src[last] === '\r' || src[last] === ' ' || src[last] === '\t')) last--;
  return { contentStart: bodyStart, contentEnd: bodyStart + src.length, end: last >= 0 ? bodyStart + last + 1 : headerEnd };
}
