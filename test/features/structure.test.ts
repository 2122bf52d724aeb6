// Document structure on the analysis layer: outline, workspace symbols, folding, selection ranges
// and document links.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentLinks, documentSymbols, foldingSpans, selectionRanges, workspaceSymbols, type OutlineSymbol } from '../../engine/src/analysis/index';
import { analyze, memoryWorkspace, textOf } from '../util/analysisWorkspace';

const DOC = `imports:
  - base
  - other: {merge: false}
values:
  db:
    host: h
    password:
      fn::secret: s
  list:
    - a
    - b
  url: \${db.host}
`;

function outline(symbols: readonly OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name} ${s.kind}${s.detail ? ` (${s.detail})` : ''}`, ...outline(s.children, depth + 1)]);
}

test('symbols: the outline of imports and values', () => {
  const { ctx } = analyze({ base: 'values: {}\n', other: 'values: {}\n', main: DOC }, 'main');
  assert.deepEqual(outline(documentSymbols(ctx.document)), [
    'imports namespace',
    '  base module (import)',
    '  other module (import)',
    'values namespace',
    '  db object',
    '    host string',
    '    password function (fn::secret)',
    '  list array',
    '    [0] string',
    '    [1] string',
    '  url string',
  ]);
  const db = documentSymbols(ctx.document)[1]!.children[0]!;
  assert.equal(textOf(ctx.document.source, db.selectionRange), 'db');
  assert.ok(textOf(ctx.document.source, db.range).startsWith('db:\n    host: h'));
});

test('symbols: workspace symbols match by subsequence', () => {
  const ws = memoryWorkspace({ 'proj/app': 'values:\n  dbHost: x\n  port: 1\n', shared: 'values:\n  database: y\n' });
  assert.deepEqual(
    workspaceSymbols(ws, 'db').map((s) => `${s.container ?? ''}:${s.name}`),
    ['proj/app:dbHost', 'shared:database'],
  );
  assert.deepEqual(workspaceSymbols(ws, 'app').map((s) => s.name), ['proj/app']);
});

test('folding: mappings and lists fold from their key line', () => {
  const { ctx } = analyze({ main: DOC }, 'main');
  const spans = foldingSpans(ctx.document).map((f) => `${f.startLine}-${f.endLine}`);
  assert.deepEqual(spans, ['1-3', '4-12', '5-8', '7-8', '9-11']);
});

test('selection: from an accessor outwards', () => {
  const { ctx, offset } = analyze({ main: 'values:\n  a:\n    b: x-${a.‸b.c}\n' }, 'main');
  const texts = selectionRanges(ctx.document, offset).map((r) => textOf(ctx.document.source, r));
  assert.deepEqual(texts.slice(0, 5), ['.b', 'a.b.c', 'x-${a.b.c}', 'b: x-${a.b.c}', 'a:\n    b: x-${a.b.c}']);
  assert.equal(texts[texts.length - 1], ctx.document.source.text);
  for (let i = 1; i < texts.length; i++) assert.ok(texts[i]!.includes(texts[i - 1]!), `${texts[i]} contains ${texts[i - 1]}`);
});

test('links: imports link to the environments that exist', () => {
  const { ctx } = analyze({ base: 'values: {}\n', main: DOC }, 'main');
  assert.deepEqual(
    documentLinks(ctx).map((l) => `${textOf(ctx.document.source, l.range)}->${l.environment}`),
    ['base->base'],
  );
});

test('symbols: a limit keeps every top-level value and cuts the deepest levels', () => {
  const { ctx } = analyze({ main: 'values:\n  a:\n    x:\n      deep: 1\n  b:\n    y: 2\n  c: 3\n' }, 'main');
  const values = (limit: number) => outline(documentSymbols(ctx.document, limit)[0]!.children);
  assert.deepEqual(values(4), ['a object', '  x object', 'b object', 'c number']);
  assert.deepEqual(values(100), ['a object', '  x object', '    deep number', 'b object', '  y number', 'c number']);
});
