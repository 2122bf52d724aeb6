// Writing rotation results back into an environment document (spec §9.5, ESC's ApplyValuePatches).
// Each patch sets the YAML at a property path to a value; secrets are written as
// `fn::secret: <string>` (non-strings as `fn::fromJSON: {fn::secret: <compact JSON>}`) so the
// document can be re-encrypted. Edits keep the user's comments and layout (see yamlEdit.ts); the
// reference instead re-emits the whole document and writes numbers as quoted strings.

import type { ValuePatch } from '../eval/rotation.js';
import type { Value } from '../model.js';
import { encodeJSON } from '../util/goJson.js';
import type { PlainValue } from '../util/plain.js';
import { parsePropertyPath } from '../util/propertyPath.js';
import { setYamlValue, type EditResult } from './yamlEdit.js';

/** Applies patches in order; on any error nothing is applied and the error is returned. */
export function applyValuePatches(text: string, patches: readonly ValuePatch[]): EditResult {
  let current = text;
  for (const patch of patches) {
    const path = parsePropertyPath(patch.docPath);
    if (!path.ok) return { ok: false, error: `${patch.docPath}: ${path.error}` };
    const value = patchData(patch.replacement);
    if (!value.ok) return value;
    const r = setYamlValue(current, path.path, value.data);
    if (!r.ok) return r;
    current = r.text;
  }
  return { ok: true, text: current };
}

/** Converts a value to the plain data written into the document, wrapping secrets in `fn::secret`. */
export function patchData(v: Value): { ok: true; data: PlainValue } | { ok: false; error: string } {
  if (v.secret) {
    const plain = revealed(v);
    if (typeof plain === 'string') return { ok: true, data: new Map([['fn::secret', plain]]) };
    const json = encodeJSON(plain);
    if (!json.ok) return json;
    return { ok: true, data: new Map([['fn::fromJSON', new Map([['fn::secret', json.text]])]]) };
  }
  const x = v.value;
  if (Array.isArray(x)) {
    const out: PlainValue[] = [];
    for (const e of x) {
      const r = patchData(e);
      if (!r.ok) return r;
      out.push(r.data);
    }
    return { ok: true, data: out };
  }
  if (x instanceof Map) {
    const out = new Map<string, PlainValue>();
    for (const [k, e] of x) {
      const r = patchData(e);
      if (!r.ok) return r;
      out.set(k, r.data);
    }
    return { ok: true, data: out };
  }
  return { ok: true, data: x ?? null };
}

/** The plain data of a value with every nested secret revealed (unknown values become null). */
function revealed(v: Value): PlainValue {
  const x = v.value;
  if (Array.isArray(x)) return x.map(revealed);
  if (x instanceof Map) return new Map([...x].map(([k, e]) => [k, revealed(e)]));
  return x ?? null;
}
