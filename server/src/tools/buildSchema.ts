// Writes the JSON Schema of environment documents (from the provider catalogue) for generic YAML
// tooling: `npm run build:schema` → dist/esc.schema.json. Usage: buildSchema [OUT_FILE].

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { environmentJsonSchema } from '../../../engine/src/index';

/** Returns the schema file's text: pretty JSON with a final newline (stable, so diffs stay readable). */
export function schemaFileText(): string {
  return JSON.stringify(environmentJsonSchema(), null, 2) + '\n';
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? 'dist/esc.schema.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, schemaFileText());
  process.stdout.write(`wrote ${out}\n`);
}
