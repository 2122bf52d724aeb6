// Building the values providers return and reading the inputs they receive (engine model values).

import { NumberText, type Value } from '../../../../engine/src/index';

const ZERO = { line: 0, column: 0, byte: 0 };

/** Builds a provider result value (the engine re-traces every returned value to the call). */
export function value(v: Value['value'], secret = false): Value {
  const out: Value = { trace: { def: { environment: '', begin: ZERO, end: ZERO } } };
  if (v !== undefined) out.value = v;
  if (secret) out.secret = true;
  return out;
}

/** Builds an object value from entries, skipping absent ones. */
export function objectValue(entries: [string, Value | undefined][], secret = false): Value {
  const m = new Map<string, Value>();
  for (const [k, v] of entries) if (v !== undefined) m.set(k, v);
  return value(m, secret);
}

/** Returns the object at `key` of an inputs map (or of an object value), if it is one. */
export function objectAt(inputs: ReadonlyMap<string, Value> | undefined, key: string): Map<string, Value> | undefined {
  const v = inputs?.get(key)?.value;
  return v instanceof Map ? v : undefined;
}

/** Returns the string at `key`, if it is one. */
export function stringAt(inputs: ReadonlyMap<string, Value> | undefined, key: string): string | undefined {
  const v = inputs?.get(key)?.value;
  return typeof v === 'string' ? v : undefined;
}

/** Returns the boolean at `key`, or `dflt` when absent or not a boolean. */
export function booleanAt(inputs: ReadonlyMap<string, Value> | undefined, key: string, dflt: boolean): boolean {
  const v = inputs?.get(key)?.value;
  return typeof v === 'boolean' ? v : dflt;
}

/** Returns the number at `key`, or `dflt` when absent or not a number. */
export function numberAt(inputs: ReadonlyMap<string, Value> | undefined, key: string, dflt: number): number {
  const v = inputs?.get(key)?.value;
  return v instanceof NumberText ? Number(v.text) : dflt;
}
