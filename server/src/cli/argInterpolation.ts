// `${path}` in the arguments of `run` (spec §13.3): an argument that parses as an interpolated string
// is rebuilt from its text (with `$$` as `$`) and the string form of the values it names; missing
// paths contribute nothing. Arguments that do not parse are passed unchanged.

import { parseInterpolation, valueToString, type Value } from '../../../engine/src/index';

/** Interpolates one argument; secret values it uses are added to `secrets`. */
export function interpolateArgument(arg: string, properties: ReadonlyMap<string, Value>, secrets: Set<string>): string {
  const parsed = parseInterpolation(arg);
  if (parsed.diagnostics.length > 0) return arg;
  let out = '';
  for (const part of parsed.parts) {
    out += part.text;
    if (part.value === undefined) continue;
    let v: Value | undefined = { value: new Map(properties), trace: { def: { environment: '', begin: zero(), end: zero() } } };
    for (const a of part.value.accessors) {
      const key = a.kind === 'name' ? a.name : a.index;
      const p: Value['value'] = v?.value;
      if (typeof key === 'string' && p instanceof Map) v = p.get(key);
      else if (typeof key === 'number' && Array.isArray(p)) v = p[key];
      else v = undefined;
      if (v === undefined) break;
    }
    if (v === undefined) continue;
    const s = valueToString(v, false);
    if (v.secret) secrets.add(s);
    out += s;
  }
  return out;
}

function zero() {
  return { line: 0, column: 0, byte: 0 };
}
