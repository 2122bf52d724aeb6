// Every custom method of server/src/protocol.ts is documented: in README.md's "LSP extensions" section
// once the README has one, and in docs/language-server.md.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CUSTOM_METHODS } from '../../server/src/protocol';
import { repoRoot } from '../util/conformance';

/** Returns the methods declared in protocol.ts (read from the source, so a new RequestType cannot be missed). */
function declaredMethods(): string[] {
  const source = readFileSync(join(repoRoot, 'server/src/protocol.ts'), 'utf8');
  return [...source.matchAll(/new (?:RequestType|NotificationType)\d?<[^>]*>\('([^']+)'\)/g)].map((m) => m[1]!);
}

/** Returns the text of the "LSP extensions" section of a markdown document (up to the next heading of the same level). */
function section(markdown: string, title: string): string | undefined {
  const m = new RegExp(`^(#+) ${title}\\s*$`, 'm').exec(markdown);
  if (m === null) return undefined;
  const rest = markdown.slice(m.index + m[0].length);
  const next = new RegExp(`^#{1,${m[1]!.length}} `, 'm').exec(rest);
  return next === null ? rest : rest.slice(0, next.index);
}

test('protocol: the declared methods are the exported list, all under esc/', () => {
  const declared = declaredMethods();
  assert.ok(declared.length >= 2);
  assert.deepEqual([...declared].sort(), [...CUSTOM_METHODS].sort());
  for (const m of declared) assert.match(m, /^esc\//);
});

for (const doc of ['README.md', 'docs/language-server.md']) {
  test(`protocol: every method is documented in ${doc}`, (t) => {
    const path = join(repoRoot, doc);
    if (doc === 'README.md' && !existsSync(path)) return t.skip('README.md does not exist yet');
    const text = section(readFileSync(path, 'utf8'), 'LSP extensions');
    assert.ok(text !== undefined, `${doc} has no "LSP extensions" section`);
    for (const m of declaredMethods()) assert.ok(text.includes('`' + m + '`'), `${m} is not documented in the LSP extensions section of ${doc}`);
  });
}
