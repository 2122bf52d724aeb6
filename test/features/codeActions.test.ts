// Code actions on the analysis layer: did-you-mean fixes, creating a missing environment, wrapping
// a value in fn::secret and exporting it as an environment variable.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeActions, type AnalysisContext, type CodeActionInfo } from '../../engine/src/analysis/index';
import { analyze } from '../util/analysisWorkspace';

/** Applies an action's edits to the main document and returns the new text. */
function applied(ctx: AnalysisContext, action: CodeActionInfo): string {
  const src = ctx.document.source;
  let text = src.text;
  const edits = action.change.edits
    .filter((e) => e.range.environment === ctx.document.name)
    .map((e) => ({ s: src.offsetOfPos(e.range.begin.line, e.range.begin.column), e: src.offsetOfPos(e.range.end.line, e.range.end.column), t: e.newText }))
    .sort((a, b) => b.s - a.s);
  for (const e of edits) text = text.slice(0, e.s) + e.t + text.slice(e.e);
  return text;
}

function actionsAt(files: Record<string, string>): { ctx: AnalysisContext; actions: CodeActionInfo[] } {
  const { ctx, offset } = analyze(files, 'main');
  return { ctx, actions: codeActions(ctx, offset, offset) };
}

const fixes: { name: string; main: string; title: string; expected: string }[] = [
  { name: 'unknown property', main: 'values:\n  object:\n    baz: 1\n  x: ${object.b‸ar}\n', title: "Change to 'baz'", expected: 'values:\n  object:\n    baz: 1\n  x: ${object.baz}\n' },
  { name: 'unknown provider', main: 'values:\n  a:\n    fn::open::aws-logn‸:\n      static: {accessKeyId: a, secretAccessKey: b}\n', title: "Change to 'aws-login'", expected: 'values:\n  a:\n    fn::open::aws-login:\n      static: {accessKeyId: a, secretAccessKey: b}\n' },
  { name: 'misspelt top-level key', main: 'valeus‸:\n  a: 1\n', title: "Change to 'values'", expected: 'values:\n  a: 1\n' },
];

for (const c of fixes) {
  test(`code actions: did you mean, ${c.name}`, () => {
    const { ctx, actions } = actionsAt({ main: c.main });
    const fix = actions.find((a) => a.title === c.title);
    assert.ok(fix, `expected "${c.title}" in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind, 'quickfix');
    assert.ok(fix.diagnostic !== undefined);
    assert.equal(applied(ctx, fix), c.expected);
  });
}

test('code actions: create the missing environment of an import', () => {
  const { actions } = actionsAt({ main: 'imports:\n  - proj/mis‸sing\nvalues: {}\n' });
  const create = actions.find((a) => a.title.startsWith('Create environment proj/missing'));
  assert.ok(create, JSON.stringify(actions.map((a) => a.title)));
  assert.deepEqual(create.change.createEnvironments, [{ name: 'proj/missing', text: 'values: {}\n' }]);
});

const wraps: { name: string; main: string; expected: string }[] = [
  { name: 'block mapping value', main: 'values:\n  db:\n    password: hun‸ter2\n', expected: 'values:\n  db:\n    password:\n      fn::secret: hunter2\n' },
  { name: 'quoted value', main: "values:\n  p: 'a b‸'\n", expected: "values:\n  p:\n    fn::secret: 'a b'\n" },
  { name: 'list element', main: 'values:\n  l:\n    - x‸y\n', expected: 'values:\n  l:\n    - fn::secret: xy\n' },
  { name: 'flow mapping', main: 'values:\n  m: {p: x‸y}\n', expected: 'values:\n  m: {p: {fn::secret: xy}}\n' },
];

for (const c of wraps) {
  test(`code actions: wrap in fn::secret, ${c.name}`, () => {
    const { ctx, actions } = actionsAt({ main: c.main });
    const wrap = actions.find((a) => a.title === 'Wrap in fn::secret');
    assert.ok(wrap, JSON.stringify(actions.map((a) => a.title)));
    const text = applied(ctx, wrap);
    assert.equal(text, c.expected);
    // The result still means the same value, now secret.
    const after = analyze({ main: text }, 'main');
    assert.deepEqual(after.ctx.document.diagnostics, []);
  });
}

test('code actions: no wrapping for secrets, interpolations or keys', () => {
  for (const main of ['values:\n  p:\n    fn::secret: x‸y\n', 'values:\n  a: 1\n  p: ${a‸}\n', 'values:\n  p‸: xy\n']) {
    assert.ok(!actionsAt({ main }).actions.some((a) => a.title === 'Wrap in fn::secret'), main);
  }
});

const exportCases: { name: string; main: string; expected: string }[] = [
  {
    name: 'a new environmentVariables section',
    main: 'values:\n  db:\n    password: hun‸ter2\n  other: 1\n',
    expected: 'values:\n  db:\n    password: hunter2\n  other: 1\n  environmentVariables:\n    DB_PASSWORD: ${db.password}\n',
  },
  {
    name: 'an existing section',
    main: 'values:\n  apiKey: k‸\n  environmentVariables:\n    A: b\n',
    expected: 'values:\n  apiKey: k\n  environmentVariables:\n    A: b\n    API_KEY: ${apiKey}\n',
  },
  {
    name: 'a secret value',
    main: 'values:\n  token:\n    fn::secret: x‸\n',
    expected: 'values:\n  token:\n    fn::secret: x\n  environmentVariables:\n    TOKEN: ${token}\n',
  },
];

for (const c of exportCases) {
  test(`code actions: export as environment variable, ${c.name}`, () => {
    const { ctx, actions } = actionsAt({ main: c.main });
    const add = actions.find((a) => a.title.startsWith('Export as environment variable'));
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    const text = applied(ctx, add);
    assert.equal(text, c.expected);
    assert.deepEqual(analyze({ main: text }, 'main').ctx.document.diagnostics, []);
  });
}

test('code actions: nothing to export for objects or values already under environmentVariables', () => {
  for (const main of ['values:\n  o‸:\n    a: 1\n', 'values:\n  environmentVariables:\n    A: b‸\n']) {
    assert.ok(!actionsAt({ main }).actions.some((a) => a.title.startsWith('Export')), main);
  }
});
