// `esc-local rotate ENV [PATH...]`: local rotators write their new state back into the file with
// comments and layout kept; cloud rotators fail without touching the file; bad paths are errors.

import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, beforeEach, test } from 'node:test';
import { runInProcess, scratch, type Scratch } from './cliHarness';

let s: Scratch;

const APP = [
  '# Application secrets (rotated with esc-local rotate)',
  'values:',
  '  db:',
  '    # the database password',
  '    password:',
  '      fn::rotate::password:',
  '        inputs: {length: 20, special: false}',
  '        state:',
  '          current: {fn::secret: first-password}',
  '  phrase:',
  '    fn::rotate::passphrase:',
  '      inputs:',
  '        length: 4',
  '        separator: "."',
  '  url: postgres://app:${db.password.current}@db/app # uses the rotated password',
  '',
].join('\n');

const IAM = [
  'values:',
  '  iam:',
  '    fn::rotate::aws-iam:',
  '      inputs: {login: {accessKeyId: a, secretAccessKey: b}, userArn: "arn:aws:iam::123456789012:user/u"}',
  '      state: {current: {accessKeyId: AKIA1, secretAccessKey: s1}}',
  '',
].join('\n');

beforeEach(() => {
  s?.dispose();
  s = scratch();
  s.write('root/acme/app.yaml', APP);
  s.write('root/acme/iam.yaml', IAM);
  s.write('root/acme/plain.yaml', 'values:\n  a: 1\n');
});
after(() => s.dispose());

const esc = (...args: string[]) => runInProcess([...args, '--root', 'root'], { cwd: s.dir, tmpdir: s.dir });
const appFile = () => readFileSync(join(s.dir, 'root/acme/app.yaml'), 'utf8');

test('rotates every rotator, keeps comments and layout, and never prints the secrets', async () => {
  const r = await esc('rotate', 'acme/app');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'rotated values.db.password\nrotated values.phrase\nwrote the new state of 2 rotators to root/acme/app.yaml\n');
  const text = appFile();
  for (const kept of ['# Application secrets (rotated with esc-local rotate)', '    # the database password', '# uses the rotated password', '        inputs: {length: 20, special: false}']) {
    assert.ok(text.includes(kept), `keeps ${JSON.stringify(kept)}`);
  }
  const opened = await esc('open', 'acme/app');
  assert.equal(opened.status, 0, opened.stderr);
  const values = JSON.parse(opened.stdout) as { db: { password: { current: string; previous: string } }; phrase: { current: string }; url: string };
  assert.match(values.db.password.current, /^[A-Za-z0-9]{20}$/);
  assert.equal(values.db.password.previous, 'first-password');
  assert.match(values.phrase.current, /^[a-z-]+\.[a-z-]+\.[a-z-]+\.[a-z-]+$/);
  assert.equal(values.url, `postgres://app:${values.db.password.current}@db/app`);
  assert.ok(!r.stdout.includes(values.db.password.current));
  // Secrets are written as fn::secret, ready to be encrypted.
  assert.ok(text.includes(`fn::secret: ${values.db.password.current}`) || text.includes(`fn::secret: "${values.db.password.current}"`), text);
  // No temporary file is left next to the environment.
  assert.deepEqual(readdirSync(join(s.dir, 'root/acme')).sort(), ['app.yaml', 'iam.yaml', 'plain.yaml']);
});

test('rotates only the rotators at the given paths', async () => {
  const r = await esc('rotate', 'acme/app', 'phrase');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'rotated values.phrase\nwrote the new state of 1 rotator to root/acme/app.yaml\n');
  assert.ok(appFile().includes('current: {fn::secret: first-password}'));
});

test('a rotator that needs a cloud fails and the file is left alone', async () => {
  const before = readFileSync(join(s.dir, 'root/acme/iam.yaml'), 'utf8');
  const r = await esc('rotate', 'acme/iam');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /error: rotate: rotator aws-iam cannot rotate locally: it creates and deletes access keys in AWS IAM; rotate it with Pulumi ESC/);
  assert.match(r.stderr, /^Error: values\.iam was not rotated: rotator aws-iam cannot rotate locally/m);
  assert.equal(readFileSync(join(s.dir, 'root/acme/iam.yaml'), 'utf8'), before);
});

test('paths that name no rotator, environments without rotators, bad input', async () => {
  const none = await esc('rotate', 'acme/app', 'db.nothing');
  assert.equal(none.status, 1);
  assert.equal(none.stderr, 'Error: no rotator at db.nothing in acme/app\n');
  assert.equal(appFile(), APP);
  const plain = await esc('rotate', 'acme/plain');
  assert.deepEqual(plain, { stdout: 'acme/plain has no rotators\n', stderr: '', status: 0 });
  assert.deepEqual(await esc('rotate'), { stdout: '', stderr: 'Error: no environment specified\n', status: 1 });
  const bad = await esc('rotate', 'acme/app', 'a[');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^Error: invalid property path a\[: /);
  const missing = await esc('rotate', 'acme/nope');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^Error: environment "acme\/nope" not found/);
});
