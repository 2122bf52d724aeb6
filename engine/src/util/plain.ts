// Plain JSON-like data with exact numbers: the currency between the engine, its hosts and its outputs.

/** A JSON number kept as its exact decimal text (ESC keeps numbers as Go json.Number text). */
export class NumberText {
  constructor(readonly text: string) {}
  /** Returns the number text (so template strings and String() show the number). */
  toString(): string {
    return this.text;
  }
}

/** An object of plain data. Maps (not JS objects) so that any key, even `__proto__`, is safe. */
export type PlainObject = Map<string, PlainValue>;

/** Plain data: null, booleans, exact numbers, strings, arrays and maps. */
export type PlainValue = null | boolean | NumberText | string | PlainValue[] | PlainObject;

/** Reports whether `v` is a plain object (a Map). */
export function isPlainObject(v: unknown): v is PlainObject {
  return v instanceof Map;
}

/**
 * Data ready for JSON encoding: plain data, plus plain JS objects standing for Go structs (fields are
 * written in insertion order; `undefined` fields are skipped). Maps are written with sorted keys.
 */
export type JsonData =
  | null
  | boolean
  | NumberText
  | string
  | readonly JsonData[]
  | ReadonlyMap<string, JsonData>
  | { readonly [field: string]: JsonData | undefined };
