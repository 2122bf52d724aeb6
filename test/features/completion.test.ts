// Completion on the analysis layer: the place is read from the current text (which may not parse),
// values from the document's checked model.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionsAt, type CompletionCandidate } from '../../engine/src/analysis/index';
import { analyze, checkDocument, memoryWorkspace } from '../util/analysisWorkspace';
import { cursor } from '../util/markers';

const BASE = 'values:\n  region: us-west-2\n  db:\n    host: db.internal\n    password:\n      fn::secret: hunter2\n';

interface Case {
  name: string;
  files: Record<string, string>;
  /** The current text with the cursor, when it differs from the checked `main` (typing in progress). */
  typing?: string;
  /** Labels that must be offered. */
  includes: string[];
  /** Labels that must not be offered. */
  excludes?: string[];
  /** For the first included label: its insert text, what it replaces, and substrings of its detail. */
  first?: { insertText?: string; replaces?: string; detail?: string[] };
}

const cases: Case[] = [
  { name: 'top-level keys', files: { main: 'val‸' }, includes: ['values', 'imports', 'description'], first: { replaces: 'val' } },
  {
    name: 'reserved keys under values',
    files: { main: 'values:\n  a: 1\n  env‸\n' },
    includes: ['environmentVariables', 'files', 'pulumiConfig'],
    excludes: ['fn::join'],
  },
  { name: 'builtins in nested values', files: { main: 'values:\n  a:\n    fn‸\n' }, includes: ['fn::secret', 'fn::join', 'fn::open::aws-login', 'fn::rotate::password'] },
  {
    name: 'provider snippets are indented to the key',
    files: { main: 'values:\n  a:\n    fn::open::aws‸\n' },
    includes: ['fn::open::aws-login'],
    first: { detail: ['AWS'] },
  },
  {
    name: 'provider input keys',
    files: { main: 'values:\n  aws:\n    fn::open::aws-login:\n      st‸\n' },
    includes: ['static', 'oidc'],
    excludes: ['fn::open::aws-login'],
  },
  {
    name: 'nested provider input keys',
    files: { main: 'values:\n  aws:\n    fn::open::aws-login:\n      static:\n        acc‸\n' },
    includes: ['accessKeyId', 'secretAccessKey'],
  },
  { name: 'long-form fn::open fields', files: { main: 'values:\n  x:\n    fn::open:\n      pro‸\n' }, includes: ['provider', 'inputs'] },
  { name: 'provider names after provider:', files: { main: 'values:\n  x:\n    fn::open:\n      provider: aws-‸\n' }, includes: ['aws-login', 'aws-secrets'], excludes: ['password'] },
  {
    name: 'environments in imports',
    files: { base: BASE, 'proj/other': 'values: {}\n', main: 'imports:\n  - ‸\nvalues: {}\n' },
    includes: ['base', 'proj/other'],
    excludes: ['main'],
  },
  {
    name: 'already imported environments are not offered again',
    files: { base: BASE, other: 'values: {}\n', main: 'imports:\n  - base\n  - ‸\nvalues: {}\n' },
    includes: ['other'],
    excludes: ['base'],
  },
  {
    name: 'first segment inside ${ offers keys and namespaces',
    files: { base: BASE, main: 'imports: [base]\nvalues:\n  own: 1\n  x: ${‸}\n' },
    includes: ['own', 'region', 'db', 'imports', 'context', 'environments'],
    first: { insertText: 'own', detail: ['number', '= 1'] },
  },
  {
    name: 'members after a dot, with type and value preview',
    files: { base: BASE, main: 'imports: [base]\nvalues:\n  x: ${db.‸}\n' },
    includes: ['host', 'password'],
    first: { insertText: '.host', replaces: '.', detail: ['string', '"db.internal"'] },
  },
  {
    name: 'secrets are masked in previews',
    files: { base: BASE, main: 'imports: [base]\nvalues:\n  x: ${db.pass‸}\n' },
    includes: ['password'],
    first: { detail: ['[secret]'] },
  },
  {
    name: 'members while typing in a document that does not parse',
    files: { base: BASE, main: 'imports: [base]\nvalues:\n  x: 1\n' },
    typing: 'imports: [base]\nvalues:\n  x: 1\n  y: ${db.h‸\n  z: [\n',
    includes: ['host'],
    first: { replaces: '.h' },
  },
  { name: 'imports namespace', files: { base: BASE, main: 'imports:\n  - base: {merge: false}\nvalues:\n  x: ${imports.‸}\n' }, includes: ['base'] },
  { name: 'keys of an import through imports.<name>', files: { base: BASE, main: 'imports:\n  - base: {merge: false}\nvalues:\n  x: ${imports.base.‸}\n' }, includes: ['region', 'db'] },
  { name: 'context', files: { main: 'values:\n  x: ${context.‸}\n' }, includes: ['currentEnvironment', 'rootEnvironment', 'pulumi'] },
  { name: 'environments: projects, then environments', files: { 'p/a': 'values: {}\n', 'p/b': 'values: {}\n', main: 'values:\n  x: ${environments.p.‸}\n' }, includes: ['a', 'b'] },
  {
    name: 'provider outputs from their schema',
    files: { main: 'values:\n  aws:\n    fn::open::aws-login:\n      static: {accessKeyId: a, secretAccessKey: b}\n  x: ${aws.‸}\n' },
    includes: ['accessKeyId', 'secretAccessKey', 'sessionToken'],
    first: { detail: ['known when opened'] },
  },
  { name: 'keys that need a subscript', files: { main: 'values:\n  "a b": 1\n  x: ${‸}\n' }, includes: ['a b'], first: { insertText: '["a b"]' } },
  { name: 'nothing inside comments', files: { main: 'values:\n  a: 1 # ${‸\n' }, includes: [] , excludes: ['a'] },
  {
    name: 'override candidates from imports',
    files: { base: BASE, main: 'imports: [base]\nvalues:\n  reg‸\n' },
    includes: ['region', 'db'],
  },
];

for (const c of cases) {
  test(`completion: ${c.name}`, () => {
    const { ctx, offset, text: checked } = analyze(c.files, 'main');
    let text = checked;
    let at = offset;
    if (c.typing !== undefined) ({ text, offset: at } = cursor(c.typing));
    const items = completionsAt(ctx, text, at);
    const labels = items.map((i) => i.label);
    for (const l of c.includes) assert.ok(labels.includes(l), `expected ${l} in ${JSON.stringify(labels)}`);
    for (const l of c.excludes ?? []) assert.ok(!labels.includes(l), `did not expect ${l} in ${JSON.stringify(labels)}`);
    if (c.first !== undefined) {
      const item = items.find((i) => i.label === c.includes[0]) as CompletionCandidate;
      if (c.first.insertText !== undefined) assert.equal(item.insertText, c.first.insertText);
      if (c.first.replaces !== undefined) assert.equal(text.slice(item.range.start, item.range.end), c.first.replaces);
      for (const d of c.first.detail ?? []) assert.ok(`${item.detail ?? ''} ${item.documentation ?? ''}`.includes(d), `expected ${d} in ${item.detail} / ${item.documentation}`);
    }
  });
}

test('completion: a provider snippet is indented to the column of its key', () => {
  const { ctx, offset, text } = analyze({ main: 'values:\n  a:\n    fn::open::aws-log‸\n' }, 'main');
  const item = completionsAt(ctx, text, offset).find((i) => i.label === 'fn::open::aws-login')!;
  assert.ok(item.snippet);
  const lines = item.insertText.split('\n');
  assert.ok(lines[0]!.startsWith('fn::open::aws-login:'));
  assert.ok(lines.slice(1).filter((l) => l !== '' && l !== '$0').every((l) => l.startsWith('      ')), item.insertText);
});

test('completion: the last model answers while the text has moved on', () => {
  const files = { main: 'values:\n  alpha: 1\n' };
  const doc = checkDocument('main', files.main, files);
  const t = cursor('values:\n  alpha: 1\n  beta: 2\n  gamma: ${al‸}\n');
  const items = completionsAt({ document: doc, workspace: memoryWorkspace(files), options: { revealSecrets: false } }, t.text, t.offset);
  assert.ok(items.some((i) => i.label === 'alpha'));
});

test('completion: CRLF line breaks and deep nesting far below the top-level key', () => {
  const filler = Array.from({ length: 500 }, (_, i) => `    k${i}: ${i}`).join('\r\n');
  const text = `values:\r\n  aws:\r\n    fn::open::aws-login:\r\n      static:\r\n${filler.replace(/^    /gm, '        ')}\r\n        acc`;
  const { ctx } = analyze({ main: 'values: {}\n' }, 'main');
  const items = completionsAt(ctx, text, text.length);
  assert.ok(items.some((i) => i.label === 'accessKeyId'), JSON.stringify(items.map((i) => i.label)));
  assert.equal(text.slice(items[0]!.range.start, items[0]!.range.end), 'acc');
});
