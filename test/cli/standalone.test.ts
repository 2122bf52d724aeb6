// Standalone environment files (`app.esc.yaml` anywhere): commands accept a path ending in .yaml/.yml
// that names an existing file; the environment is named after the file and its imports resolve in the root.

import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { runInProcess, scratch, type Scratch } from './cliHarness';

let s: Scratch;

before(() => {
  s = scratch();
  s.write('root/acme/base.yaml', 'values:\n  region: us-west-2\n');
  s.write('app.esc.yaml', 'imports:\n  - acme/base\nvalues:\n  where: ${region}\n  environmentVariables:\n    WHERE: ${where}\n');
  s.write('broken.esc.yaml', 'values:\n  x: ${nope}\n');
});
after(() => s.dispose());

const cli = (command: string, ...args: string[]) => runInProcess([command, '--root', 'root', ...args], { cwd: s.dir, tmpdir: s.dir });

test('open evaluates a standalone file with imports from the root', async () => {
  const r = await cli('open', 'app.esc.yaml');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { environmentVariables: { WHERE: 'us-west-2' }, region: 'us-west-2', where: 'us-west-2' });
});

test('check reports problems of a standalone file in that file', async () => {
  const r = await cli('check', 'broken.esc.yaml');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^broken\.esc\.yaml:2:8: error: unknown property "nope"/);
});

test('run uses a standalone file', async () => {
  const r = await cli('run', 'app.esc.yaml', '--', 'sh', '-c', 'printf %s "$WHERE"');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'us-west-2');
});

test('a .yaml argument that is not a file is still an environment name', async () => {
  const r = await cli('open', 'missing.esc.yaml');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /not found/);
});
