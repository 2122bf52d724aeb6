// Plain JSON views of model values (§12.2): `ToJSON(redact)` and `ToString(redact)`.

import type { Value as ModelValue } from '../model.js';
import { goQuote } from '../util/goQuote.js';
import { compareCodePoints } from '../util/order.js';
import { NumberText, type PlainValue } from '../util/plain.js';

/** Placeholder for secrets in redacted output. */
export const SECRET_PLACEHOLDER = '[secret]';
/** Placeholder for values unknown until evaluation (or until a provider is opened). */
export const UNKNOWN_PLACEHOLDER = '[unknown]';

/** Converts a model value to plain data; secrets become `[secret]` when `redact`, unknowns `[unknown]`. */
export function valueToJSON(v: ModelValue, redact: boolean): PlainValue {
  if (v.secret && redact) return SECRET_PLACEHOLDER;
  if (v.unknown) return UNKNOWN_PLACEHOLDER;
  const p = v.value;
  if (p === undefined || p === null) return null;
  if (Array.isArray(p)) return p.map((e) => valueToJSON(e, redact));
  if (p instanceof Map) {
    const m = new Map<string, PlainValue>();
    for (const [k, e] of p) m.set(k, valueToJSON(e, redact));
    return m;
  }
  return p;
}

/** The revealed plain JSON of a value (what fn::toJSON encodes). */
export function revealedJSON(v: ModelValue): PlainValue {
  return valueToJSON(v, false);
}

/** Converts a model value to a string like ESC's Value.ToString. */
export function valueToString(v: ModelValue, redact: boolean): string {
  if (v.secret && redact) return SECRET_PLACEHOLDER;
  if (v.unknown) return UNKNOWN_PLACEHOLDER;
  const p = v.value;
  if (p === undefined || p === null) return '';
  if (typeof p === 'boolean') return p ? 'true' : 'false';
  if (typeof p === 'string') return p;
  if (p instanceof NumberText) return p.text;
  if (Array.isArray(p)) return p.map((e) => goQuote(valueToString(e, redact))).join(',');
  return [...p.keys()]
    .sort(compareCodePoints)
    .map((k) => `${goQuote(k)}=${goQuote(valueToString(p.get(k)!, redact))}`)
    .join(',');
}
