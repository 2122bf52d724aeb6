// `esc-local check` reports the provider catalogue's lints with the engine's diagnostics.

import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { runInProcess, scratch, type Scratch } from './cliHarness';
import { positionOf } from './markers';

let s: Scratch;
const LOGIN = 'values:\n  aws:\n    fn::open::aws-login: {}\n';
const TYPO = 'values:\n  aws:\n    fn::open::aws-login: {static: {accessKeyId: a, secretAccessKey: b}}\n  key: ${aws.acessKeyId}\n';

before(() => {
  s = scratch();
  s.write('root/acme/login.yaml', LOGIN);
  s.write('root/acme/typo.yaml', TYPO);
});
after(() => s.dispose());

const check = (...args: string[]) => runInProcess(['check', ...args, '--root', 'root'], { cwd: s.dir, tmpdir: s.dir });

test('input lints are errors, output lints warnings', async () => {
  const login = await check('acme/login');
  assert.equal(login.status, 1);
  const p = positionOf(LOGIN, '{}');
  assert.match(login.stdout, new RegExp(`^root/acme/login\\.yaml:${p.line}:${p.column}: error: aws-login needs one of oidc and static$`, 'm'));
  const typo = await check('acme/typo');
  assert.equal(typo.status, 0);
  const q = positionOf(TYPO, '.acessKeyId');
  assert.match(typo.stdout, new RegExp(`^root/acme/typo\\.yaml:${q.line}:${q.column}: warning: unknown property "acessKeyId" of the output of fn::open::aws-login; did you mean "accessKeyId"\\?$`, 'm'));
});
