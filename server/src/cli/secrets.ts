// The secrets `run` redacts from a child's output: every secret string or number of the opened
// environment (not only those projected onto variables), the secret variables and files, and
// secret values interpolated into arguments; each with the encoded forms in which programs commonly
// print it: JSON-escaped, URL-encoded and base64 (standard and URL alphabets, padded, and the parts
// that stay the same wherever the secret sits inside a longer base64 text).

import { goJsonString, NumberText, type Value } from '../../../engine/src/index';

/** Secrets shorter than this many UTF-8 bytes are not redacted (they would mangle ordinary output). */
export const MIN_SECRET_BYTES = 3;
/** Base64 fragments shorter than this are not redacted (too likely to occur by chance). */
const MIN_BASE64_FRAGMENT = 4;

/** Collects the secret scalars below `properties` (strings and numbers; booleans would redact every "true"). */
export function collectSecrets(properties: ReadonlyMap<string, Value> | undefined, into: Set<string>): void {
  const walk = (v: Value, secret: boolean) => {
    const s = secret || v.secret === true;
    const p = v.value;
    if (v.unknown) return;
    if (p instanceof Map) for (const e of p.values()) walk(e, s);
    else if (Array.isArray(p)) for (const e of p) walk(e, s);
    else if (s && typeof p === 'string') into.add(p);
    else if (s && p instanceof NumberText) into.add(p.text);
  };
  for (const v of properties?.values() ?? []) walk(v, false);
}

/** Expands secrets to the patterns to redact: each long enough secret and its encoded forms. */
export function redactionPatterns(secrets: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const s of secrets) {
    const bytes = Buffer.from(s, 'utf8');
    if (bytes.length < MIN_SECRET_BYTES) continue;
    out.add(s);
    out.add(JSON.stringify(s).slice(1, -1));
    out.add(goJsonString(s).slice(1, -1));
    const url = encodeURIComponent(s);
    out.add(url);
    out.add(url.replace(/%20/g, '+'));
    out.add(url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    for (const alphabet of ['base64', 'base64url'] as const) {
      out.add(Buffer.from(bytes).toString(alphabet));
      for (const f of base64Fragments(bytes, alphabet)) if (f.length >= MIN_BASE64_FRAGMENT) out.add(f);
    }
  }
  return [...out];
}

/**
 * Returns, for each of the three alignments of `bytes` inside a longer text, the base64 characters
 * that depend only on `bytes`: character i encodes bits [6i, 6i+6) and must lie within the secret.
 */
function base64Fragments(bytes: Uint8Array, alphabet: 'base64' | 'base64url'): string[] {
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const padded = Buffer.concat([Buffer.alloc(k), bytes, Buffer.alloc(2)]);
    const text = padded.toString(alphabet);
    const first = Math.ceil((8 * k) / 6);
    const end = Math.floor((8 * (k + bytes.length)) / 6);
    if (end > first) out.push(text.slice(first, end));
  }
  return out;
}
