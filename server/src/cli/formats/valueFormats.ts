// Formats of `open` that print a value: json, yaml, detailed and string (spec §13.2). Secrets are
// shown, as `esc open` shows them. Numbers are written as numbers in yaml (the reference writes them
// as quoted strings, a bug we do not copy).

import {
  encodeJSON,
  encodeYaml,
  valueToJSON,
  valueToModelJSON,
  valueToString,
  type Value,
} from '../../../../engine/src/index';

/** The formats that print a value. */
export type ValueFormat = 'json' | 'yaml' | 'detailed' | 'string';

export type RenderResult = { ok: true; text: string } | { ok: false; error: string };

/** Renders a value in one of the value formats. */
export function renderValue(v: Value, format: ValueFormat): RenderResult {
  switch (format) {
    case 'json':
      return encodeJSON(valueToJSON(v, false), { indent: '  ', trailingNewline: true });
    case 'detailed':
      return encodeJSON(valueToModelJSON(v), { indent: '  ', trailingNewline: true });
    case 'yaml':
      return { ok: true, text: encodeYaml(valueToJSON(v, false), { indent: 3 }) };
    case 'string': {
      const s = valueToString(v, false);
      return { ok: true, text: s.endsWith('\n') ? s : s + '\n' };
    }
  }
}
