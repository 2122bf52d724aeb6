// Walking opened values: selecting a property path, and finding what stayed unknown.

import { formatPropertyPath, type PropertyPathElement, type Value } from '../../../engine/src/index';

const ZERO = { line: 0, column: 0, byte: 0 };

/** A value without a definition (the root of an opened environment, or a missing path). */
export function syntheticValue(value?: Map<string, Value>): Value {
  const v: Value = { trace: { def: { environment: '', begin: ZERO, end: ZERO } } };
  if (value !== undefined) v.value = value;
  return v;
}

/** Selects the value at `path` (maps by key, arrays by index); missing paths give null. */
export function selectPath(root: Value, path: readonly PropertyPathElement[]): Value {
  let v: Value = root;
  for (const el of path) {
    const p = v.value;
    let next: Value | undefined;
    if (typeof el === 'string' && p instanceof Map) next = p.get(el);
    else if (typeof el === 'number' && Array.isArray(p)) next = p[el];
    if (next === undefined) return syntheticValue();
    v = next;
  }
  return v;
}

/** Returns the property paths of the unknown values below `properties`, in key order. */
export function unknownPaths(properties: ReadonlyMap<string, Value>): string[] {
  const out: string[] = [];
  const walk = (v: Value, path: PropertyPathElement[]) => {
    if (v.unknown) out.push(formatPropertyPath(path));
    else if (v.value instanceof Map) for (const [k, e] of [...v.value].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) walk(e, [...path, k]);
    else if (Array.isArray(v.value)) v.value.forEach((e, i) => walk(e, [...path, i]));
  };
  for (const [k, v] of [...properties].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) walk(v, [k]);
  return out;
}
