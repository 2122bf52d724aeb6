// The provider loader: every catalogue entry loads with its schemas, unknown names fail with a
// suggestion (as a diagnostic on the call), and nothing runs in Check mode.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogue, type ExecContext } from '../../engine/src/index';
import { createProviderLoader } from '../../server/src/host/providers/index';
import { check, expectAt, found, yaml } from '../catalogue/harness';

const context: ExecContext = { values: new Map(), rootEnvironmentName: 'test', currentEnvironmentName: 'test' };

describe('the provider loader', () => {
  test('loads every catalogue entry with the catalogue\'s schemas', () => {
    const loader = createProviderLoader({ mode: 'check' });
    for (const e of catalogue()) {
      if (e.kind === 'provider') {
        const s = loader.loadProvider(e.name).schema();
        assert.equal(s.inputs, e.inputs);
        assert.equal(s.outputs, e.outputs);
      } else {
        const s = loader.loadRotator(e.name).schema();
        assert.equal(s.inputs, e.inputs);
        assert.equal(s.state, e.state);
        assert.equal(s.outputs, e.outputs);
      }
    }
  });

  test('unknown names are diagnostics on the call, with a suggestion', () => {
    const doc = yaml('values:', '  a:', '    fn::open::aws-secret: {}', '  b:', '    fn::rotate::pasword: {inputs: {}}', '  c:', '    fn::open:', '      provider: password', '      inputs: {}');
    assert.deepEqual(found(check(doc).diagnostics), [
      expectAt(doc, 'fn::open::aws-secret', 'unknown provider "aws-secret"; did you mean "aws-secrets"?'),
      expectAt(doc, 'fn::rotate::pasword', 'unknown rotator "pasword"; did you mean "password"?'),
      expectAt(doc, 'fn::open:\n', 'unknown provider "password"; password is a rotator: use fn::rotate::password'),
    ]);
  });

  test('nothing is opened or rotated in Check mode', () => {
    const loader = createProviderLoader({ mode: 'check' });
    const inputs = new Map();
    assert.throws(() => loader.loadProvider('aws-login').open(inputs, context), { message: 'provider aws-login is not run while checking' });
    assert.throws(() => loader.loadRotator('password').rotate(inputs, null, context), { message: 'rotator password is not run while checking' });
    assert.throws(() => loader.loadRotator('password').open(inputs, null, context), { message: 'rotator password is not run while checking' });
  });

  test('check mode types provider outputs, so data flow between providers is checked', () => {
    const doc = yaml(
      'values:',
      '  gcp:',
      '    login:',
      '      fn::open::gcp-login: {project: 1, accessToken: {accessToken: t}}',
      '  azure:',
      '    fn::open::azure-secrets:',
      '      vault: v',
      '      login: ${gcp.login}',
      '      get: {a: {name: a}}',
    );
    assert.deepEqual(found(check(doc).diagnostics), [
      expectAt(doc, '${gcp.login}', 'clientId: missing required property'),
      expectAt(doc, '${gcp.login}', 'tenantId: missing required property'),
    ]);
  });
});
