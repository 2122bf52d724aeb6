// Semantic tokens and inlay hints on the analysis layer.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlayHints, semanticTokens } from '../../engine/src/analysis/index';
import { analyze } from '../util/analysisWorkspace';

function tokens(text: string): string[] {
  const { ctx } = analyze({ main: text }, 'main');
  const src = ctx.document.source.text;
  return semanticTokens(ctx.document).map((t) => `${src.slice(t.start, t.start + t.length)}:${t.type}${t.modifiers.length > 0 ? `.${t.modifiers.join('.')}` : ''}`);
}

test('tokens: interpolation delimiters, roots and segments', () => {
  assert.deepEqual(tokens('values:\n  a: {b: 1}\n  x: pre-${a.b}-${imports.base["k"][0]}\n'), [
    '${:operator',
    'a:variable',
    'b:property',
    '}:operator',
    '${:operator',
    'imports:namespace.defaultLibrary',
    'base:property',
    'k:property',
    '0:number',
    '}:operator',
  ]);
});

test('tokens: builtin keys, provider names and secrets', () => {
  assert.deepEqual(tokens('values:\n  s:\n    fn::secret: hunter2\n  a:\n    fn::open::aws-login: {}\n  b:\n    fn::open:\n      provider: vault-login\n      inputs: {}\n'), [
    'fn::secret:function.defaultLibrary',
    'hunter2:string.secret',
    'fn::open:function.defaultLibrary',
    'aws-login:type.defaultLibrary',
    'fn::open:function.defaultLibrary',
    'vault-login:type.defaultLibrary',
  ]);
});

test('tokens: none where offsets are ambiguous (escapes) or there is no interpolation ($$)', () => {
  assert.deepEqual(tokens('values:\n  a: 1\n  x: "\\t${a}"\n  y: $${a}\n'), []);
});

test('tokens: never overlap (the empty name of ${} spans the closing brace)', () => {
  assert.deepEqual(tokens('values:\n  typed: ${}\n  b: x-${}-${'), ['${:operator', '}:operator', '${:operator', '}:operator', '${:operator']);
});

test('tokens: only those in the requested range', () => {
  const { ctx } = analyze({ main: 'values:\n  a: ${b}\n  b: ${a}\n' }, 'main');
  const start = ctx.document.source.text.indexOf('  b:');
  assert.equal(semanticTokens(ctx.document, start, ctx.document.source.text.length).length, 3);
});

function hints(files: Record<string, string>, reveal = false): string[] {
  const { ctx } = analyze(files, 'main', reveal);
  const src = ctx.document.source.text;
  const line = (o: number) => src.slice(src.lastIndexOf('\n', o - 1) + 1, o).trim();
  return inlayHints(ctx).map((h) => `${line(h.offset)} ${h.label}`);
}

test('hints: evaluated interpolations, masked secrets, unknowns', () => {
  const files = {
    main: 'values:\n  host: db\n  pw:\n    fn::secret: s3cret\n  url: pg://${host}:1\n  dsn: ${pw}\n  joined:\n    fn::join: ["-", ["${host}", x]]\n  aws:\n    fn::open::aws-login: {static: {accessKeyId: a, secretAccessKey: b}}\n  k: ${aws.accessKeyId}\n',
  };
  assert.deepEqual(hints(files), [
    'url: pg://${host}:1 = "pg://db:1"',
    'dsn: ${pw} = [secret]',
    'fn::join: ["-", ["${host}" = "db"',
    'k: ${aws.accessKeyId} = [unknown]',
  ]);
});

test('hints: secrets are revealed when asked', () => {
  assert.deepEqual(hints({ main: 'values:\n  pw:\n    fn::secret: s3cret\n  dsn: x-${pw}\n' }, true), ['dsn: x-${pw} = "x-s3cret"']);
});
