// Scalar resolution (spec §1.3, §1.4): which type a YAML scalar becomes, with yaml.v3's rules
// (YAML 1.2 core-like: no yes/no booleans, Go integer syntax with a leading-0 octal, Go float
// formatting), and explicit standard tags. Numbers come out as exact decimal text.

import { formatGoFloat, parseDotFloat, parseGoInt, parseYamlStyleFloat } from './goNumbers.js';
import { isYamlTimestamp } from './timestamp.js';

/** The outcome of resolving a scalar: a typed value, or yaml.v3's decoding error. */
export type ResolvedScalar =
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: string }
  | { kind: 'string'; value: string }
  | { kind: 'error'; message: string };

/** The short forms of the standard tags yaml.v3 knows. */
export const STR_TAG = '!!str';
export const BINARY_TAG = '!!binary';
export const INT_TAG = '!!int';
export const FLOAT_TAG = '!!float';
export const BOOL_TAG = '!!bool';
export const NULL_TAG = '!!null';
export const TIMESTAMP_TAG = '!!timestamp';

const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';

/** Shortens a resolved tag as yaml.v3's shortTag does (`tag:yaml.org,2002:str` → `!!str`). */
export function shortTag(tag: string): string {
  return tag.startsWith(YAML_TAG_PREFIX) ? '!!' + tag.slice(YAML_TAG_PREFIX.length) : tag;
}

/**
 * Resolves a scalar's decoded `value`. `plain` is true for plain (unquoted, non-block) scalars;
 * `tag` is the short tag (`!!int`, `!custom`) or undefined when untagged (including the
 * non-specific tag `!`).
 */
export function resolveScalar(value: string, plain: boolean, tag: string | undefined): ResolvedScalar {
  if (tag === undefined) return plain ? resolveUntagged(value) : { kind: 'string', value };
  switch (tag) {
    case STR_TAG:
    case BINARY_TAG:
      return { kind: 'string', value };
    case INT_TAG:
    case FLOAT_TAG:
    case BOOL_TAG:
    case NULL_TAG:
    case TIMESTAMP_TAG:
      return resolveTagged(value, tag);
    default:
      // Custom or unknown tags make the scalar a string of its raw text.
      return { kind: 'string', value };
  }
}

/** Internal resolution result: the tag yaml.v3 resolved, plus the value when it is not a string. */
interface Resolution {
  tag: string;
  result: ResolvedScalar;
  /** For integers: whether yaml.v3 produced a uint64 (which `!!float` refuses). */
  unsigned?: boolean;
}

function resolveTagged(value: string, tag: string): ResolvedScalar {
  const r = resolve(value, tag === TIMESTAMP_TAG);
  if (r.tag === tag) return r.tag === TIMESTAMP_TAG ? { kind: 'string', value } : r.result;
  // yaml.v3 converts int (but not uint64) to float for an explicit !!float.
  if (tag === FLOAT_TAG && r.tag === INT_TAG && !r.unsigned && r.result.kind === 'number') {
    return { kind: 'number', value: formatGoFloat(Number(r.result.value)) };
  }
  return { kind: 'error', message: `yaml: cannot decode ${r.tag} \`${value}\` as a ${tag}` };
}

function resolveUntagged(value: string): ResolvedScalar {
  const r = resolve(value, true);
  // Timestamps stay strings in ESC (raw text).
  return r.tag === TIMESTAMP_TAG ? { kind: 'string', value } : r.result;
}

const STRING_RESOLUTION = (value: string): Resolution => ({ tag: STR_TAG, result: { kind: 'string', value } });

/** yaml.v3's `resolve` for an untagged plain scalar (or one with a resolvable standard tag). */
function resolve(value: string, timestamps: boolean): Resolution {
  const fixed = FIXED.get(value);
  if (fixed !== undefined) return fixed;
  const c = value.charCodeAt(0);
  if (c === 0x2e) {
    // '.': maybe a float such as .5 (the special .inf/.nan spellings are in FIXED).
    const f = parseDotFloat(value);
    return f === undefined ? STRING_RESOLUTION(value) : floatResolution(f);
  }
  const digit = c >= 0x30 && c <= 0x39;
  if (!digit && c !== 0x2b && c !== 0x2d) return STRING_RESOLUTION(value);
  if (timestamps && isYamlTimestamp(value)) return { tag: TIMESTAMP_TAG, result: { kind: 'string', value } };
  const plain = value.includes('_') ? value.replace(/_/g, '') : value;
  const int = parseGoInt(plain);
  if (int !== undefined) return { tag: INT_TAG, result: { kind: 'number', value: int.value.toString() }, unsigned: int.unsigned };
  const f = parseYamlStyleFloat(plain);
  if (f !== undefined) return floatResolution(f);
  return STRING_RESOLUTION(value);
}

function floatResolution(f: number): Resolution {
  return { tag: FLOAT_TAG, result: { kind: 'number', value: formatGoFloat(f) } };
}

/** The exact spellings yaml.v3 looks up in its resolve map (case-sensitive). */
const FIXED = new Map<string, Resolution>();
for (const s of ['', '~', 'null', 'Null', 'NULL']) FIXED.set(s, { tag: NULL_TAG, result: { kind: 'null' } });
for (const s of ['true', 'True', 'TRUE']) FIXED.set(s, { tag: BOOL_TAG, result: { kind: 'boolean', value: true } });
for (const s of ['false', 'False', 'FALSE']) FIXED.set(s, { tag: BOOL_TAG, result: { kind: 'boolean', value: false } });
for (const s of ['.nan', '.NaN', '.NAN']) FIXED.set(s, floatResolution(NaN));
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) FIXED.set(s, floatResolution(Infinity));
for (const s of ['-.inf', '-.Inf', '-.INF']) FIXED.set(s, floatResolution(-Infinity));
