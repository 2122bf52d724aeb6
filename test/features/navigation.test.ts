// Go to definition, find references and rename on the analysis layer, across environments.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitionAt, referencesAt, renameAt, renameTargetAt, type AnalysisContext, type TextEdit } from '../../engine/src/analysis/index';
import type { Range } from '../../engine/src/index';
import { analyze, textOf } from '../util/analysisWorkspace';

const BASE = 'values:\n  region: us-west-2\n  db:\n    host: db.internal\n';

/** Describes a range as `env:line:text` for readable assertions. */
function describe(ctx: AnalysisContext, r: Range): string {
  const doc = r.environment === ctx.document.name ? ctx.document : ctx.workspace.document(r.environment)!;
  return `${r.environment}:${r.begin.line}:${textOf(doc.source, r)}`;
}

const definitions: { name: string; files: Record<string, string>; expected: string[] }[] = [
  { name: 'local key', files: { main: 'values:\n  a:\n    b: 1\n  c: ${a.‸b}\n' }, expected: ['main:3:b'] },
  { name: 'intermediate segment', files: { main: 'values:\n  a:\n    b: 1\n  c: ${‸a.b}\n' }, expected: ['main:2:a'] },
  { name: 'into an imported document', files: { base: BASE, main: 'imports: [base]\nvalues:\n  h: ${db.ho‸st}\n' }, expected: ['base:4:host'] },
  { name: 'imports.<name> segment goes to the file', files: { base: BASE, main: 'imports: [base]\nvalues:\n  h: ${imports.ba‸se.region}\n' }, expected: ['base:1:'] },
  { name: 'imports.<name>.<key>', files: { base: BASE, main: 'imports: [base]\nvalues:\n  h: ${imports.base.reg‸ion}\n' }, expected: ['base:2:region'] },
  { name: 'environments.<project>.<env>.<key>', files: { 'p/e': 'values:\n  k: v\n', main: 'values:\n  h: ${environments.p.e.‸k}\n' }, expected: ['p/e:2:k'] },
  { name: 'import entry goes to the file', files: { base: BASE, main: 'imports:\n  - ba‸se\nvalues: {}\n' }, expected: ['base:1:'] },
  { name: 'a key leads to the definitions it overrides', files: { base: BASE, main: 'imports: [base]\nvalues:\n  regi‸on: x\n' }, expected: ['base:2:region'] },
  { name: 'a reference to a reference goes to the nearest key', files: { main: 'values:\n  a: 1\n  b: ${a}\n  c: ${‸b}\n' }, expected: ['main:3:b'] },
  { name: 'provider outputs go to the call', files: { main: 'values:\n  aws:\n    fn::open::aws-login:\n      static: {accessKeyId: a, secretAccessKey: b}\n  k: ${aws.access‸KeyId}\n' }, expected: ['main:2:aws'] },
  { name: 'unknown keys have no definition', files: { main: 'values:\n  c: ${nope.‸b}\n' }, expected: [] },
];

for (const c of definitions) {
  test(`definition: ${c.name}`, () => {
    const { ctx, offset } = analyze(c.files, 'main');
    assert.deepEqual(definitionAt(ctx, offset).map((r) => describe(ctx, r)), c.expected);
  });
}

const references: { name: string; files: Record<string, string>; main?: string; expected: string[] }[] = [
  {
    name: 'local references, the declaration first',
    files: { main: 'values:\n  a‸:\n    b: 1\n  c: ${a.b}\n  d: x-${a}\n' },
    expected: ['main:2:a', 'main:4:a', 'main:5:a'],
  },
  {
    name: 'across importers, including keys that override it',
    files: {
      base: 'values:\n  re‸gion: us\n',
      mid: 'imports: [base]\nvalues:\n  r: ${region}\n',
      top: 'imports: [mid]\nvalues:\n  region: eu\n  z: ${region}\n',
      other: 'values:\n  region: unrelated\n  y: ${region}\n',
    },
    main: 'base',
    expected: ['base:2:region', 'top:3:region', 'mid:3:region', 'top:4:region'],
  },
  {
    name: 'through imports.<name> and environments.*',
    files: {
      'p/e': 'values:\n  to‸ken: t\n',
      main: 'imports:\n  - p/e: {merge: false}\nvalues:\n  a: ${imports.p/e.token}\n  b: ${environments.p.e.token}\n',
    },
    main: 'p/e',
    expected: ['p/e:2:token', 'main:4:.token', 'main:5:.token'],
  },
  {
    name: 'through a copy of an object',
    files: { main: 'values:\n  obj:\n    k‸: 1\n  copy: ${obj}\n  x: ${copy.k}\n' },
    expected: ['main:3:k', 'main:5:.k'],
  },
  {
    name: 'from an accessor',
    files: { main: 'values:\n  a: 1\n  b: ${‸a}\n  c: ${a}\n' },
    expected: ['main:2:a', 'main:3:a', 'main:4:a'],
  },
];

for (const c of references) {
  test(`references: ${c.name}`, () => {
    const { ctx, offset } = analyze(c.files, c.main ?? 'main');
    assert.deepEqual(referencesAt(ctx, offset, true).map((r) => describe(ctx, r)), c.expected);
  });
}

/** Applies edits to each document's text and returns the new texts by environment. */
function apply(ctx: AnalysisContext, edits: readonly TextEdit[]): Record<string, string> {
  const byDoc = new Map<string, TextEdit[]>();
  for (const e of edits) byDoc.set(e.range.environment, [...(byDoc.get(e.range.environment) ?? []), e]);
  const out: Record<string, string> = {};
  for (const [name, list] of byDoc) {
    const doc = name === ctx.document.name ? ctx.document : ctx.workspace.document(name)!;
    const src = doc.source;
    let text = src.text;
    const sorted = list.map((e) => ({ s: src.offsetOfPos(e.range.begin.line, e.range.begin.column), e: src.offsetOfPos(e.range.end.line, e.range.end.column), t: e.newText })).sort((a, b) => b.s - a.s);
    for (const e of sorted) text = text.slice(0, e.s) + e.t + text.slice(e.e);
    out[name] = text;
  }
  return out;
}

test('rename: a key, its accessors and the keys overriding it', () => {
  const files = {
    base: 'values:\n  re‸gion: us\n',
    top: 'imports: [base]\nvalues:\n  region: eu\n  z: ${region}-${imports.base.region}\n',
  };
  const { ctx, offset } = analyze(files, 'base');
  const target = renameTargetAt(ctx, offset)!;
  assert.equal(target.kind, 'key');
  assert.equal(target.placeholder, 'region');
  const r = renameAt(ctx, offset, 'zone');
  assert.ok(r.ok);
  assert.deepEqual(apply(ctx, r.change.edits), {
    base: 'values:\n  zone: us\n',
    top: 'imports: [base]\nvalues:\n  zone: eu\n  z: ${zone}-${imports.base.zone}\n',
  });
});

test('rename: from an accessor, to a key that needs a subscript', () => {
  const { ctx, offset } = analyze({ main: 'values:\n  a:\n    b: 1\n  c: ${a.‸b}\n' }, 'main');
  const target = renameTargetAt(ctx, offset)!;
  assert.equal(textOf(ctx.document.source, target.range), 'b');
  const r = renameAt(ctx, offset, 'new key');
  assert.ok(r.ok);
  assert.deepEqual(apply(ctx, r.change.edits), { main: 'values:\n  a:\n    "new key": 1\n  c: ${a["new key"]}\n' });
});

test('rename: an environment updates imports, imports.* and environments.*, and moves the file', () => {
  const files = {
    'p/e': 'values:\n  k: v\n',
    main: 'imports:\n  - p/‸e\nvalues:\n  a: ${imports.p/e.k}\n  b: ${environments.p.e.k}\n',
    other: 'imports:\n  - p/e: {merge: false}\nvalues: {}\n',
  };
  const { ctx, offset } = analyze(files, 'main');
  assert.equal(renameTargetAt(ctx, offset)?.kind, 'environment');
  const r = renameAt(ctx, offset, 'q/f');
  assert.ok(r.ok);
  assert.deepEqual(r.change.renameEnvironments, [{ from: 'p/e', to: 'q/f' }]);
  assert.deepEqual(apply(ctx, r.change.edits), {
    main: 'imports:\n  - q/f\nvalues:\n  a: ${imports.q/f.k}\n  b: ${environments.q.f.k}\n',
    other: 'imports:\n  - q/f: {merge: false}\nvalues: {}\n',
  });
});

test('rename: refuses reserved names, invalid and existing environments', () => {
  const a = analyze({ main: 'values:\n  ‸a: 1\n' }, 'main');
  assert.equal(renameAt(a.ctx, a.offset, 'imports').ok, false);
  assert.equal(renameAt(a.ctx, a.offset, 'fn::x').ok, false);
  const b = analyze({ x: 'values: {}\n', y: 'values: {}\n', main: 'imports: [‸x]\nvalues: {}\n' }, 'main');
  assert.equal(renameAt(b.ctx, b.offset, '../etc').ok, false);
  assert.equal(renameAt(b.ctx, b.offset, 'y').ok, false);
});

test('rename: nothing to rename on a plain value', () => {
  const { ctx, offset } = analyze({ main: 'values:\n  a: hel‸lo\n' }, 'main');
  assert.equal(renameTargetAt(ctx, offset), undefined);
  assert.equal(renameAt(ctx, offset, 'x').ok, false);
});
