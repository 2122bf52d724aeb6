// Navigating catalogue schemas by input path, for editor features: the schema at `oidc.roleArn`,
// the keys an object may have, the values an enum allows. Unlike the evaluator's navigation, this
// looks through `oneOf`/`anyOf` alternatives, which is what a person writing inputs wants to see.

import type { Schema } from '../schema/schema.js';

/** One step of an input path: a key, or an index into a list. */
export type PathStep = string | number;

/** Returns the schema at `path` below `root`, or undefined when the path leaves what the schema describes. */
export function schemaAt(root: Schema, path: readonly PathStep[]): Schema | undefined {
  let cur: Schema | undefined = root;
  for (const step of path) {
    if (cur === undefined) return undefined;
    cur = typeof step === 'number' ? itemOf(cur) : propertyOf(cur, step);
  }
  return cur;
}

/** Returns the schema of property `key`, looking through alternatives (the first that has it). */
export function propertyOf(s: Schema, key: string): Schema | undefined {
  const own = s.properties?.get(key);
  if (own !== undefined) return own;
  for (const m of alternatives(s)) {
    const p = propertyOf(m, key);
    if (p !== undefined) return p;
  }
  const extra = s.additionalProperties;
  return extra !== undefined && !extra.never ? extra : undefined;
}

/** Returns the schema of the elements of a list schema. */
export function itemOf(s: Schema): Schema | undefined {
  return s.items ?? alternatives(s).map(itemOf).find((x) => x !== undefined);
}

/** A property an object may have, for completion and documentation. */
export interface PropertyInfo {
  readonly name: string;
  readonly schema: Schema;
  readonly required: boolean;
}

/** Returns the named properties an object schema (and its alternatives) declares, in authored order. */
export function propertiesOf(s: Schema): PropertyInfo[] {
  const out = new Map<string, PropertyInfo>();
  const visit = (x: Schema, requiredHere: boolean) => {
    const required = new Set(x.required ?? []);
    for (const [name, schema] of x.properties ?? []) {
      if (!out.has(name)) out.set(name, { name, schema, required: requiredHere && required.has(name) });
    }
    // A key required by only one alternative is not required as such.
    for (const m of alternatives(x)) visit(m, false);
  };
  visit(s, true);
  return [...out.values()];
}

/** Returns the values a schema allows by `enum` or `const`, looking through alternatives. */
export function allowedValues(s: Schema): Schema['enum'] {
  if (s.enum !== undefined) return s.enum;
  if (s.const !== undefined) return [s.const];
  const fromMembers = alternatives(s).flatMap((m) => allowedValues(m) ?? []);
  return fromMembers.length > 0 ? fromMembers : undefined;
}

function alternatives(s: Schema): Schema[] {
  return [...(s.oneOf ?? []), ...(s.anyOf ?? [])];
}
