// Expressions of an environment document (ESC's ast package): what a value in `values:` means,
// before evaluation. Every expression keeps the syntax node it came from (absent when synthesized).

import type { Range } from '../model.js';
import type { ArrayNode, ObjectNode, StringNode, SyntaxNode } from '../syntax/nodes.js';

/** A property name accessor: `.name` (or the first name without a dot). */
export interface NameAccessor {
  readonly kind: 'name';
  readonly name: string;
  /** True range of the accessor (including its leading dot), when the string allows sub-ranges. */
  readonly range?: Range;
}

/** A subscript accessor: `["key"]` (string index) or `[0]` (integer index). */
export interface SubscriptAccessor {
  readonly kind: 'subscript';
  readonly index: string | number;
  readonly range?: Range;
}

/** One step of a property access. */
export type PropertyAccessor = NameAccessor | SubscriptAccessor;

/** A property access `${a.b[0]}`: its accessors, in order. */
export interface PropertyAccess {
  readonly accessors: readonly PropertyAccessor[];
}

/** One part of an interpolated string: literal text, then optionally a property access. */
export interface Interpolation {
  readonly text: string;
  readonly value?: PropertyAccess;
}

interface ExprBase {
  /** The syntax node this expression was parsed from; absent for synthesized expressions. */
  readonly syntax?: SyntaxNode;
}

/** `null`. */
export interface NullExpr extends ExprBase {
  readonly kind: 'null';
}

/** `true` / `false`. */
export interface BooleanExpr extends ExprBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** A number, kept as decimal text. */
export interface NumberExpr extends ExprBase {
  readonly kind: 'number';
  readonly value: string;
}

/** A string without interpolations (`$$` already unescaped). */
export interface StringExpr extends ExprBase {
  readonly kind: 'string';
  readonly value: string;
  readonly syntax?: StringNode;
}

/** A string with interpolations; evaluates to a string. */
export interface InterpolateExpr extends ExprBase {
  readonly kind: 'interpolate';
  readonly parts: readonly Interpolation[];
  readonly syntax?: StringNode;
}

/** A string that is exactly one `${...}`: a reference that keeps the referenced value's type. */
export interface SymbolExpr extends ExprBase {
  readonly kind: 'symbol';
  readonly property: PropertyAccess;
  readonly syntax?: StringNode;
}

/** A list. */
export interface ArrayExpr extends ExprBase {
  readonly kind: 'array';
  readonly elements: readonly Expr[];
  readonly syntax?: ArrayNode;
}

/** One entry of an object literal; `key` is absent when the key could not be parsed (it is then dropped). */
export interface ObjectProperty {
  readonly key?: StringExpr;
  readonly keySyntax: StringNode;
  readonly value: Expr;
}

/** An object literal. Duplicate keys are kept here and rejected during evaluation. */
export interface ObjectExpr extends ExprBase {
  readonly kind: 'object';
  readonly entries: readonly ObjectProperty[];
  readonly syntax?: ObjectNode;
}

/** Fields shared by builtin calls `{fn::<name>: <args>}`. */
interface BuiltinBase extends ExprBase {
  readonly kind: 'builtin';
  /** The builtin key as written, e.g. `fn::join` or `fn::open::aws-login`. */
  readonly name: string;
  readonly nameSyntax: StringNode;
  /** The argument, parsed as an ordinary expression first. */
  readonly args: Expr;
  readonly syntax: ObjectNode;
}

/** `fn::open` (long form, `provider` + `inputs`) or `fn::open::<provider>` (short form). */
export interface OpenExpr extends BuiltinBase {
  readonly builtin: 'open';
  readonly shortForm: boolean;
  readonly provider?: StringExpr;
  readonly inputs?: Expr;
}

/** `fn::rotate` (long form) or `fn::rotate::<rotator>` (short form). */
export interface RotateExpr extends BuiltinBase {
  readonly builtin: 'rotate';
  readonly shortForm: boolean;
  readonly provider?: StringExpr;
  readonly inputs?: Expr;
  /** The state object literal, or an implicit null when absent. */
  readonly state: ObjectExpr | NullExpr;
}

/** `fn::secret: plaintext` or `fn::secret: {ciphertext: ...}`. */
export interface SecretExpr extends BuiltinBase {
  readonly builtin: 'secret';
  readonly plaintext?: StringExpr;
  readonly ciphertext?: StringExpr;
}

/** `fn::join: [delimiter, values]`. */
export interface JoinExpr extends BuiltinBase {
  readonly builtin: 'join';
  readonly delimiter?: Expr;
  readonly values?: Expr;
}

/** `fn::split: [delimiter, string]`. */
export interface SplitExpr extends BuiltinBase {
  readonly builtin: 'split';
  readonly delimiter?: Expr;
  readonly string?: Expr;
}

/** `fn::concat: [arrays...]`. */
export interface ConcatExpr extends BuiltinBase {
  readonly builtin: 'concat';
  /** The list of arrays, absent when the argument was not a list. */
  readonly arrays?: ArrayExpr;
}

/** `fn::validate: {schema, value}`. */
export interface ValidateExpr extends BuiltinBase {
  readonly builtin: 'validate';
  readonly schema?: Expr;
  readonly value?: Expr;
}

/** Builtins whose argument is a single expression. */
export interface UnaryBuiltinExpr extends BuiltinBase {
  readonly builtin: 'toJSON' | 'fromJSON' | 'toBase64' | 'fromBase64' | 'toString' | 'final';
  readonly value: Expr;
}

/** Any builtin call. */
export type BuiltinExpr = OpenExpr | RotateExpr | SecretExpr | JoinExpr | SplitExpr | ConcatExpr | ValidateExpr | UnaryBuiltinExpr;

/** Any expression. */
export type Expr =
  | NullExpr
  | BooleanExpr
  | NumberExpr
  | StringExpr
  | InterpolateExpr
  | SymbolExpr
  | ArrayExpr
  | ObjectExpr
  | BuiltinExpr;

/** One `imports:` element. */
export interface ImportDecl {
  /** The environment name; a string expression whose syntax is the name node. */
  readonly environment: StringExpr;
  /** `merge: false` makes the import reachable only through `${imports.<name>}`. */
  readonly merge: boolean;
  /** The syntax of the whole element (string or single-key object). */
  readonly syntax: SyntaxNode;
}

/** A parsed environment document. */
export interface EnvironmentDecl {
  readonly description?: StringExpr;
  readonly imports: readonly ImportDecl[];
  /** The `values:` entries in document order (top-level keys are raw strings, duplicates kept). */
  readonly values: readonly ObjectProperty[];
  /** The `values` object node, when present. */
  readonly valuesSyntax?: ObjectNode;
  /** The document root node. */
  readonly syntax?: SyntaxNode;
}

/** Accessor key text used in messages: names and string subscripts are keys, integers are indices. */
export function accessorKey(a: PropertyAccessor): string | number {
  return a.kind === 'name' ? a.name : a.index;
}
