// Incremental reparsing over the protocol: a sequence of edits (inside one value, adding lines,
// adding and removing entries) that the workers reparse entry by entry; after each, diagnostics and
// hover sit where the current text puts them, exactly as for a freshly opened document.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspClient, positionOf, TempWorkspace } from '../util/lspClient';

let ws: TempWorkspace;
let client: LspClient;
let fresh: LspClient;

before(async () => {
  ws = new TempWorkspace({ 'environments/default/.keep': '' });
  // The trace says which checks reparsed only the edited entries.
  process.env['ESC_LOCAL_TRACE'] = '1';
  client = new LspClient();
  delete process.env['ESC_LOCAL_TRACE'];
  fresh = new LspClient();
  await Promise.all([client.initialize(ws.dir), fresh.initialize(ws.dir)]);
});

after(() => {
  client.kill();
  fresh.kill();
  ws.dispose();
});

const TEXT = ['values:', '  a: 1', '  b:', '    c: ${a}', '  d: ${missing}', '  e: ${b.c}', ''].join('\n');

/** Diagnostics as comparable rows. */
const rows = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

/** The diagnostics a fresh server gives for `text` (each call a new document). */
let freshCount = 0;
async function freshDiagnostics(text: string): Promise<Diagnostic[]> {
  const uri = fresh.open(ws.path(`environments/default/fresh${freshCount++}.yaml`), text);
  const ds = await fresh.waitForDiagnostics(uri);
  fresh.close(uri);
  return ds;
}

test('edits reparsed entry by entry give the diagnostics and hovers of a fresh open', async () => {
  const path = ws.path('environments/default/edited.yaml');
  let text = TEXT;
  const uri = client.open(path, text);
  await client.waitForDiagnostics(uri);
  // Each edit: [needle, characters to replace after it, replacement].
  const edits: [string, number, string][] = [
    ['c: ${a}', 0, '\n    extra: 2\n    more: ${extra}'],
    ['a: ', 1, '"one"'],
    ['  d:', 0, '  f: ${nope}\n'],
    ['extra: ', 1, '22'],
    ['  b:\n', 0, '  g: [1, 2,\n    3]\n'],
  ];
  for (const [needle, deleted, inserted] of edits) {
    const at = text.indexOf(needle) + (needle.startsWith('  ') ? 0 : needle.length);
    const start = positionOf(text, needle, needle.startsWith('  ') ? 0 : needle.length);
    const end = positionOf(text, needle, (needle.startsWith('  ') ? 0 : needle.length) + deleted);
    text = text.slice(0, at) + inserted + text.slice(at + deleted);
    client.edit(uri, { start, end }, inserted);
    const got = await client.waitForDiagnostics(uri);
    assert.deepEqual(rows(got), rows(await freshDiagnostics(text)), `after inserting ${JSON.stringify(inserted)}`);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '${b.c}', 4) });
    assert.equal(hover?.range?.start.line, positionOf(text, '${b.c}').line, JSON.stringify(hover));
    if (!text.includes('a: 1')) assert.ok(JSON.stringify(hover?.contents).includes('one'), JSON.stringify(hover));
  }
  const traces = client.logs.filter((l) => l.includes('reparsed the edited entries'));
  assert.ok(traces.length >= 2, `expected incremental checks, got traces:\n${client.logs.filter((l) => l.startsWith('trace: check')).join('\n')}`);
});
