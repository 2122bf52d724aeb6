// `esc-local check`: diagnostics with code frames in each environment's own file, a summary, JSON
// output, every environment when none is named, and imports that try to leave the root.

import { strict as assert } from 'node:assert';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runInProcess, scratch, type Scratch } from './cliHarness';
import { positionOf } from './markers';

let s: Scratch;
const files: Record<string, string> = {
  'acme/base.yaml': 'values:\n  obj: {}\n  bad: {fn::toBase64: "${obj}"}\n',
  'acme/dev.yaml': 'imports:\n  - acme/base\nvalues:\n  x: ${nope}\nextra: 1\n',
  'acme/prod.yaml': 'imports:\n  - acme/base\nvalues:\n  y: ok\n',
  'acme/escape.yaml': 'imports:\n  - ../../etc/passwd\n  - acme/link\nvalues:\n  a: 1\n',
  'clean/ok.yaml': 'values:\n  a: 1\n',
  'default/single.yaml': 'values:\n  b: 2\n',
};

before(() => {
  s = scratch();
  for (const [rel, text] of Object.entries(files)) s.write(`root/${rel}`, text);
  s.write('outside.yaml', 'values:\n  leaked: true\n');
  symlinkSync(join(s.dir, 'outside.yaml'), join(s.dir, 'root/acme/link.yaml'));
});
after(() => s.dispose());

const check = (...args: string[]) => runInProcess(['check', ...args, '--root', 'root'], { cwd: s.dir, tmpdir: s.dir });

test('diagnostics point at their own file with a code frame, then a summary; exit 1 on errors', async () => {
  const r = await check('acme/dev');
  assert.equal(r.status, 1);
  const base = positionOf(files['acme/base.yaml']!, '"${obj}"');
  const dev = positionOf(files['acme/dev.yaml']!, 'nope');
  const extra = positionOf(files['acme/dev.yaml']!, 'extra');
  assert.equal(
    r.stdout,
    [
      `root/acme/base.yaml:${base.line}:${base.column}: error: expected string, got object`,
      `  ${base.line} |   bad: {fn::toBase64: "\${obj}"}`,
      `    | ${' '.repeat(base.column - 1)}^^^^^^^^`,
      `root/acme/dev.yaml:${dev.line}:${dev.column}: error: unknown property "nope"`,
      `  ${dev.line} |   x: \${nope}`,
      `    | ${' '.repeat(dev.column - 1)}^^^^`,
      `root/acme/dev.yaml:${extra.line}:${extra.column}: warning: Field 'extra' does not exist on Object 'environment'. Existing fields are: 'imports', 'values', 'description'`,
      `  ${extra.line} | extra: 1`,
      `    | ^^^^^`,
      'checked 1 environment: 2 errors, 1 warning',
      '',
    ].join('\n'),
  );
  assert.equal(r.stderr, '');
});

test('with no names every environment is checked (links leaving the root are not listed), and an import shared by several is reported once', async () => {
  const r = await check();
  assert.equal(r.status, 1);
  assert.equal(r.stdout.split('\n').filter((l) => l.includes('expected string, got object')).length, 1);
  assert.match(r.stdout, /checked 6 environments: 4 errors, 1 warning\n$/);
});

test('a clean environment: exit 0; one-part names live in the default project', async () => {
  const r = await check('clean/ok', 'single', 'default/single');
  assert.deepEqual(r, { stdout: 'checked 3 environments: no problems\n', stderr: '', status: 0 });
});

test('imports may not leave the root, by name or through a symlink: diagnostics on the import', async () => {
  const r = await check('acme/escape');
  assert.equal(r.status, 1);
  const dots = positionOf(files['acme/escape.yaml']!, '../../etc/passwd');
  const link = positionOf(files['acme/escape.yaml']!, 'acme/link');
  assert.match(r.stdout, new RegExp(`^root/acme/escape\\.yaml:${dots.line}:${dots.column}: error: invalid environment name "\\.\\./\\.\\./etc/passwd": "\\.\\." may not be used`, 'm'));
  assert.match(r.stdout, new RegExp(`^root/acme/escape\\.yaml:${link.line}:${link.column}: error: environment "acme/link": acme/link\\.yaml is a link to a file outside the workspace root`, 'm'));
  assert.doesNotMatch(r.stdout, /leaked/);
});

test('--format json lists diagnostics with files, ranges and document paths', async () => {
  const r = await check('acme/dev', '--format', 'json');
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout) as { environments: string[]; diagnostics: Array<Record<string, unknown>>; errors: number; warnings: number };
  assert.deepEqual(out.environments, ['acme/dev']);
  assert.equal(out.errors, 2);
  assert.equal(out.warnings, 1);
  const dev = positionOf(files['acme/dev.yaml']!, 'nope');
  assert.deepEqual(out.diagnostics[1], {
    file: 'root/acme/dev.yaml',
    severity: 'error',
    message: 'unknown property "nope"',
    path: 'values.x',
    environment: 'acme/dev',
    range: { start: dev, end: { line: dev.line, column: dev.column + 4 } },
  });
});

test('unknown environments and formats are one-line errors', async () => {
  const missing = await check('acme/none');
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, 'Error: environment "acme/none" not found: no file acme/none.yaml or acme/none.yml in the workspace root\n');
  assert.equal(missing.stdout, 'checked 0 environments: 1 error, 0 warnings\n');
  assert.deepEqual(await check('--format', 'xml'), { stdout: '', stderr: 'Error: unknown output format "xml"\n', status: 1 });
});

test('code frames never show a plaintext secret of the document', async () => {
  s.write('root/acme/secretive.yaml', 'values:\n  pw: {fn::secret: hunter2-very-secret, extra: 1}\n');
  const r = await check('acme/secretive');
  assert.equal(r.status, 1);
  assert.ok(!r.stdout.includes('hunter2-very-secret'), r.stdout);
  assert.ok(r.stdout.includes('illegal call to builtin function'), r.stdout);
  assert.ok(r.stdout.includes('{fn::secret: *******************, extra: 1}'), r.stdout);
  // A document that does not parse still hides what follows fn::secret on the printed line.
  s.write('root/acme/broken.yaml', 'values:\n  pw: {fn::secret: "hunter2-very-secret", x: ${nope}}\n');
  const b = await check('acme/broken');
  assert.equal(b.status, 1);
  assert.ok(!b.stdout.includes('hunter2-very-secret'), b.stdout);
});
