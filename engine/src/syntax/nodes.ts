// The syntax tree of an environment document: what YAML decoding produces (ESC's syntax package).
// Nodes carry their true source range (for editors) and their document path.

import type { Range } from '../model.js';
import type { SourceText } from '../text/sourceText.js';

/** How a YAML scalar was written. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/** Fields shared by every syntax node. */
export interface NodeBase {
  /** True source range of the node (for collections: from the first token to the last child's end, or the closing bracket of a flow collection). */
  readonly range: Range;
  /** Document path, e.g. `values.foo[0]["fn::secret"]` (ESC JoinKey rules). */
  readonly path: string;
  /** The document this node belongs to. */
  readonly doc: SyntaxDocument;
}

/** A YAML null. */
export interface NullNode extends NodeBase {
  readonly kind: 'null';
}

/** A YAML boolean. */
export interface BooleanNode extends NodeBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** A YAML number, kept as decimal text (ESC json.Number), never as a JS number. */
export interface NumberNode extends NodeBase {
  readonly kind: 'number';
  readonly value: string;
}

/** A YAML string scalar. */
export interface StringNode extends NodeBase {
  readonly kind: 'string';
  /** The decoded value. */
  readonly value: string;
  readonly style: ScalarStyle;
  /** Explicit tag as written (`!tag`, `!!str`), if any. */
  readonly tag?: string;
  /**
   * Maps a UTF-16 offset into `value` to a UTF-16 offset into the document text, or `undefined`
   * where the scalar's encoding makes the mapping ambiguous (escapes, folding). Used to give
   * interpolation accessors their own ranges.
   */
  sourceOffset(valueOffset: number): number | undefined;
}

/** A YAML sequence. */
export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly elements: readonly SyntaxNode[];
}

/** One key/value pair of a YAML mapping. */
export interface ObjectEntry {
  readonly key: StringNode;
  readonly value: SyntaxNode;
}

/** A YAML mapping; duplicate keys are preserved in order. */
export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly entries: readonly ObjectEntry[];
}

/** Any syntax node. */
export type SyntaxNode = NullNode | BooleanNode | NumberNode | StringNode | ArrayNode | ObjectNode;

/** A decoded document: its name (the environment name used in ranges) and source text. */
export interface SyntaxDocument {
  readonly name: string;
  readonly source: SourceText;
}
