// `esc-local open`: formats, property paths, and the deliberate improvements over the reference:
// compiler-style diagnostics with exit status 1, warnings that do not suppress output, unresolved
// provider values named, yaml numbers as numbers, and `files:` in a private directory.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runInProcess, scratch, type Scratch } from './cliHarness';
import { positionOf } from './markers';

let s: Scratch;
const files: Record<string, string> = {
  'acme/base.yaml': 'values:\n  region: us-west-2\n  nested:\n    list: [1, two, {three: 3}]\n  pi: 3.14\n  big: 12345678901234567890\n',
  'acme/app.yaml': 'imports:\n  - acme/base\nvalues:\n  name: app\n  unicode: "héllo → ${region}"\n',
  'acme/broken.yaml': 'imports:\n  - acme/bad-import\nvalues:\n  x: ${missing.key}\n',
  'acme/bad-import.yaml': 'values:\n  obj: {}\n  y: {fn::toBase64: "${obj}"}\n',
  'acme/warn.yaml': 'values:\n  a: 1\nextra: true\n',
  'acme/empty.yaml': '# nothing here\nvalues: {}\n',
  'acme/providers.yaml': [
    'values:',
    '  static:',
    '    fn::open::aws-login:',
    '      static:',
    '        accessKeyId: AKIAEXAMPLE',
    '        secretAccessKey: {fn::secret: example-secret-key}',
    '  cloud:',
    '    fn::open::aws-secrets:',
    '      region: us-west-2',
    '      login: ${static}',
    '      get:',
    '        db: {secretId: db-password}',
    '  environmentVariables:',
    '    KEY: ${static.accessKeyId}',
    '    DB: ${cloud.db}',
    '',
  ].join('\n'),
  'acme/static.yaml': 'values:\n  aws:\n    fn::open::aws-login:\n      static:\n        accessKeyId: AKIAEXAMPLE\n        secretAccessKey: {fn::secret: example-secret-key}\n',
  'acme/files.yaml': 'values:\n  environmentVariables:\n    A: a\n  files:\n    KUBECONFIG: "kube: config\\n"\n',
  'acme/badfiles.yaml': 'values:\n  environmentVariables:\n    "odd name": a\n  files:\n    F: x\n',
};

before(() => {
  s = scratch();
  for (const [rel, text] of Object.entries(files)) s.write(`root/${rel}`, text);
});
after(() => s.dispose());

const open = (...args: string[]) => runInProcess(['open', ...args, '--root', 'root'], { cwd: s.dir, tmpdir: join(s.dir, 'root') });

test('json (default), string, detailed and yaml formats', async () => {
  const json = await open('acme/app');
  assert.equal(json.status, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), {
    big: 12345678901234567890,
    name: 'app',
    nested: { list: [1, 'two', { three: 3 }] },
    pi: 3.14,
    region: 'us-west-2',
    unicode: 'héllo → us-west-2',
  });
  // Numbers keep their exact text (no float rounding).
  assert.match(json.stdout, /"big": 12345678901234567890,/);
  assert.equal((await open('acme/app', 'nested.list', '--format', 'string')).stdout, '"1","two","\\"three\\"=\\"3\\""\n');
  const detailed = JSON.parse((await open('acme/app', 'name', '--format', 'detailed')).stdout) as { value: string; trace: { def: { environment: string; begin: { line: number; column: number } } } };
  assert.equal(detailed.value, 'app');
  assert.equal(detailed.trace.def.environment, 'acme/app');
  assert.deepEqual(
    { line: detailed.trace.def.begin.line, column: detailed.trace.def.begin.column },
    positionOf(files['acme/app.yaml']!, 'app\n'),
  );
});

test('yaml writes numbers as numbers (the reference quotes them), with yaml.v3 layout', async () => {
  const r = await open('acme/base', '--format', 'yaml');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'big: 12345678901234567890\nnested:\n   list:\n      - 1\n      - two\n      - three: 3\npi: 3.14\nregion: us-west-2\n');
});

test('property paths select values; a missing path prints null', async () => {
  assert.equal((await open('acme/app', 'nested.list[2].three')).stdout, '3\n');
  assert.equal((await open('acme/app', 'nested["list"][1]')).stdout, '"two"\n');
  assert.equal((await open('acme/app', 'nope.deeper')).stdout, 'null\n');
});

test('errors: compiler-style locations in each file with code frames, exit 1, nothing on stdout', async () => {
  const r = await open('acme/broken');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  const broken = files['acme/broken.yaml']!;
  const imported = files['acme/bad-import.yaml']!;
  const a = positionOf(imported, '"${obj}"');
  const b = positionOf(broken, 'missing.key');
  const lines = r.stderr.split('\n');
  assert.equal(lines[0], `root/acme/bad-import.yaml:${a.line}:${a.column}: error: expected string, got object`);
  assert.equal(lines[1], `  ${a.line} |   y: {fn::toBase64: "\${obj}"}`);
  assert.equal(lines[2], `    | ${' '.repeat(a.column - 1)}^^^^^^^^`);
  assert.equal(lines[3], `root/acme/broken.yaml:${b.line}:${b.column}: error: unknown property "missing"`);
  assert.match(r.stderr, /^Error: environment acme\/broken has 2 errors; these values could not be resolved: x, y\n$/m);
});

test('warnings are printed and the output is still produced', async () => {
  const r = await open('acme/warn');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '{\n  "a": 1\n}\n');
  const p = positionOf(files['acme/warn.yaml']!, 'extra');
  assert.match(r.stderr, new RegExp(`^root/acme/warn\\.yaml:${p.line}:${p.column}: warning: Field 'extra' does not exist`));
});

test('an environment without values prints nothing', async () => {
  const r = await open('acme/empty');
  assert.deepEqual(r, { stdout: '', stderr: '', status: 0 });
});

test('providers: local ones run; the others are a diagnostic on the call, and open names the unresolved values', async () => {
  const ok = await open('acme/static', 'aws');
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal((JSON.parse(ok.stdout) as { accessKeyId: string }).accessKeyId, 'AKIAEXAMPLE');
  const r = await open('acme/providers');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  const p = positionOf(files['acme/providers.yaml']!, 'fn::open::aws-secrets');
  assert.match(r.stderr, new RegExp(`^root/acme/providers\\.yaml:${p.line}:${p.column}: error: provider aws-secrets is not available locally: .*fixtures\\.yaml`, 'm'));
  assert.match(r.stderr, /^Error: environment acme\/providers has 1 error; these values could not be resolved: cloud, environmentVariables\.DB\n$/m);
  assert.doesNotMatch(r.stderr, /example-secret-key/);
});

test('dotenv/shell write files into a fresh private directory (0700, files 0600) and say where', async () => {
  const tmp = join(s.dir, 'root');
  const before = new Set(readdirSync(tmp));
  const r = await open('acme/files', '--format', 'shell');
  assert.equal(r.status, 0, r.stderr);
  const created = readdirSync(tmp).filter((d) => !before.has(d));
  assert.equal(created.length, 1);
  const dir = join(tmp, created[0]!);
  assert.equal(r.stderr, `note: the files of this environment were written to ${dir} (readable only by you); delete it when done\n`);
  assert.equal(r.stdout, `export A='a'\nexport KUBECONFIG='${dir}/KUBECONFIG'\n`);
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  assert.equal(readFileSync(join(dir, 'KUBECONFIG'), 'utf8'), 'kube: config\n');
  for (const f of readdirSync(dir)) assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600);
});

test('bad input: one-line errors, exit 1, and no temporary files', async () => {
  const tmp = join(s.dir, 'root');
  const before = readdirSync(tmp).sort();
  const cases: Array<[string[], string]> = [
    [['acme/app', '--format', 'flat'], 'unknown output format "flat"'],
    [['acme/app', 'a', '--format', 'dotenv'], "output format 'dotenv' may not be used with a property path"],
    [['acme/app', '.a'], 'invalid property path .a: expected property path to start with a name or index'],
    [['acme/app', 'a[0'], 'invalid property path a[0: missing closing bracket in array index'],
    [['acme/nope'], 'environment "acme/nope" not found: no file acme/nope.yaml or acme/nope.yml in the workspace root'],
    [['acme/app@3'], 'environment versions are not available locally: "acme/app@3" (files have no revisions or tags; use "acme/app")'],
    [['../../etc/passwd'], 'invalid environment name "../../etc/passwd": ".." may not be used as a name segment'],
    [['/etc/passwd'], 'invalid environment name "/etc/passwd": absolute paths are not environment names'],
    [['acme//app'], 'invalid environment name "acme//app": empty name segment'],
    [['acme/badfiles', '--format', 'dotenv'], 'environment variable name "odd name" cannot be written in the dotenv format'],
    [[], 'no environment specified'],
    [['acme/app', '--bogus'], 'unknown flag: --bogus'],
  ];
  for (const [args, message] of cases) {
    const r = await open(...args);
    assert.deepEqual(r, { stdout: '', stderr: `Error: ${message}\n`, status: 1 }, args.join(' '));
  }
  const missingRoot = await runInProcess(['open', 'acme/app', '--root', 'nowhere'], { cwd: s.dir, tmpdir: tmp });
  assert.deepEqual(missingRoot, { stdout: '', stderr: 'Error: workspace root "nowhere" (from --root) does not exist\n', status: 1 });
  assert.deepEqual(readdirSync(tmp).sort(), before);
});
