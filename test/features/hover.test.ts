// Hover on the analysis layer: values (masked secrets, types, provenance), accessors of `${...}`,
// builtins, providers and their inputs, imports and top-level keys.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../engine/src/analysis/index';
import { analyze, textOf } from '../util/analysisWorkspace';

interface Case {
  name: string;
  files: Record<string, string>;
  reveal?: boolean;
  /** Substrings the markdown must contain. */
  contains: string[];
  /** Substrings it must not contain. */
  excludes?: string[];
  /** The text the hover range covers. */
  covers?: string;
}

const BASE = 'values:\n  region: us-west-2\n  db:\n    host: db.internal\n    port: 5432\n';

const cases: Case[] = [
  {
    name: 'value key shows the evaluated value, type and where it is defined',
    files: { main: 'values:\n  na‸me: hello\n' },
    contains: ['`name`', 'string', '"hello"', 'Defined here, line 2'],
    covers: 'name',
  },
  {
    name: 'plaintext secrets are masked',
    files: { main: 'values:\n  pass‸word:\n    fn::secret: hunter2\n' },
    contains: ['[secret]', 'secret'],
    excludes: ['hunter2'],
  },
  {
    name: 'secrets are shown when revealing is enabled',
    files: { main: 'values:\n  pass‸word:\n    fn::secret: hunter2\n' },
    reveal: true,
    contains: ['"hunter2"'],
  },
  {
    name: 'an accessor shows the value its prefix reaches, from an import',
    files: { base: BASE, main: 'imports:\n  - base\nvalues:\n  url: postgres://${db.h‸ost}:5432\n' },
    contains: ['`db.host`', '"db.internal"', 'in `base`', 'default/base.yaml:4'],
    covers: '.host',
  },
  {
    name: 'an intermediate accessor shows the object',
    files: { base: BASE, main: 'imports:\n  - base\nvalues:\n  url: ${d‸b.host}\n' },
    contains: ['`db`', 'object', '"port": 5432'],
    covers: 'db',
  },
  {
    name: 'an override names the definitions it overrides',
    files: { base: BASE, main: 'imports:\n  - base\nvalues:\n  reg‸ion: eu-west-1\n' },
    contains: ['"eu-west-1"', 'Defined here, line 4', 'Overrides the value in `base` (default/base.yaml:2)'],
  },
  {
    name: 'imports.<name> shows the environment and what it contributes',
    files: { base: BASE, main: 'imports:\n  - base: {merge: false}\nvalues:\n  r: ${imports.ba‸se.region}\n' },
    contains: ['environment `base`', 'default/base.yaml', 'Contributes 2 top-level values', '`db`', '`region`'],
  },
  {
    name: 'an import entry shows the environment and which of its values are overridden',
    files: { base: BASE, main: 'imports:\n  - ba‸se\nvalues:\n  region: x\n' },
    contains: ['environment `base`', '`region` (overridden here)'],
    covers: 'base',
  },
  {
    name: 'context values',
    files: { main: 'values:\n  who: ${context.pulumi.user.i‸d}\n' },
    contains: ['`context.pulumi.user.id`', '"USER_1"'],
  },
  {
    name: 'current environment in the context',
    files: { main: 'values:\n  me: ${context.currentEnvironment.na‸me}\n' },
    contains: ['"main"'],
  },
  {
    name: 'environments.<project>.<env> reads another environment',
    files: { 'proj/shared': 'values:\n  token: abc\n', main: 'values:\n  t: ${environments.proj.shared.tok‸en}\n' },
    contains: ['`environments.proj.shared.token`', '"abc"', 'in `proj/shared`'],
  },
  {
    name: 'builtin keys show the registry documentation',
    files: { main: 'values:\n  joined:\n    fn::jo‸in: [",", [a, b]]\n' },
    contains: ['**fn::join**', 'Joins a list of strings', 'Example'],
  },
  {
    name: 'provider keys show the catalogue documentation',
    files: { main: 'values:\n  aws:\n    fn::open::aws-lo‸gin:\n      static:\n        accessKeyId: a\n        secretAccessKey: b\n' },
    contains: ['fn::open::aws-login', 'Inputs', 'Outputs'],
  },
  {
    name: 'provider inputs show their schema documentation',
    files: { main: 'values:\n  aws:\n    fn::open::aws-login:\n      sta‸tic:\n        accessKeyId: a\n        secretAccessKey: b\n' },
    contains: ['input `static`'],
  },
  {
    name: 'provider outputs are typed though unknown',
    files: { main: 'values:\n  aws:\n    fn::open::aws-login:\n      static:\n        accessKeyId: a\n        secretAccessKey: b\n  key: ${aws.accessKe‸yId}\n' },
    contains: ['`aws.accessKeyId`', 'string', 'known when opened', '[unknown]'],
  },
  {
    name: 'top-level keys are explained',
    files: { main: 'impo‸rts: []\nvalues: {}\n' },
    contains: ['**imports**'],
  },
  {
    name: 'reserved value keys are explained',
    files: { main: 'values:\n  environmentVar‸iables:\n    A: b\n' },
    contains: ['**environmentVariables**', '"A": "b"'],
  },
  {
    name: 'unresolved accessors say so',
    files: { main: 'values:\n  a: ${nope.x‸}\n' },
    contains: ['not found'],
  },
];

for (const c of cases) {
  test(`hover: ${c.name}`, () => {
    const { ctx, offset } = analyze(c.files, 'main', c.reveal);
    const h = hoverAt(ctx, offset);
    assert.ok(h !== undefined, 'expected a hover');
    for (const s of c.contains) assert.ok(h.markdown.includes(s), `expected ${JSON.stringify(s)} in:\n${h.markdown}`);
    for (const s of c.excludes ?? []) assert.ok(!h.markdown.includes(s), `did not expect ${JSON.stringify(s)} in:\n${h.markdown}`);
    if (c.covers !== undefined) assert.equal(textOf(ctx.document.source, h.range), c.covers);
  });
}

test('hover: nothing on a comment or blank line', () => {
  const { ctx, offset } = analyze({ main: '# just a comment‸\nvalues:\n  a: 1\n' }, 'main');
  assert.equal(hoverAt(ctx, offset), undefined);
});

test('hover: out-of-range offsets are clamped, not thrown', () => {
  const { ctx } = analyze({ main: 'values:\n  a: 1\n' }, 'main');
  assert.doesNotThrow(() => hoverAt(ctx, 10_000));
  assert.doesNotThrow(() => hoverAt(ctx, -5));
});
