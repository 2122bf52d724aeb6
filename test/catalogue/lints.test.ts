// The catalogue's lints: input rules the schemas cannot express, accesses into provider outputs,
// and the data flow into rotate-only inputs. Each rule is shown to fire and to stay quiet.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkEnvironment, LintCodes, lintEnvironment, loadYAML } from '../../engine/src/index';
import { createProviderLoader } from '../../server/src/host/providers/index';
import { check, expectAt, found, yaml } from './harness';

/** Checks `doc` and asserts its engine diagnostics are empty and its lints are `expect` ([marker, summary, severity?, code]). */
function lints(doc: string, expect: [string, string, 'error' | 'warning', string, number?][]): void {
  const r = check(doc);
  assert.deepEqual(found(r.diagnostics), [], 'the engine itself reports nothing');
  assert.deepEqual(
    found(r.lints),
    expect.map(([marker, summary, severity, code, nth]) => expectAt(doc, marker, summary, severity, code, nth ?? 0)),
  );
}

const AWS = ['  aws:', '    login:', '      fn::open::aws-login: {static: {accessKeyId: a, secretAccessKey: b}}'];

describe('login methods', () => {
  test('aws-login needs one of oidc and static, and takes only one', () => {
    lints(yaml('values:', '  a:', '    fn::open::aws-login: {}'), [['{}', 'aws-login needs one of oidc and static', 'error', LintCodes.loginMethod]]);
    const both = yaml(
      'values:',
      '  a:',
      '    fn::open::aws-login:',
      '      oidc: {roleArn: "arn:aws:iam::123456789012:role/r", sessionName: s1}',
      '      static: {accessKeyId: a, secretAccessKey: b}',
    );
    lints(both, [['static:', 'aws-login takes only one of oidc and static', 'error', LintCodes.loginMethod]]);
    lints(yaml('values:', ...AWS), []);
  });

  test('vault-login, gcp-login and infisical-login have the same rule', () => {
    lints(yaml('values:', '  v:', '    fn::open::vault-login: {address: "https://v:8200"}'), [
      ['{address', 'vault-login needs one of jwt and token', 'error', LintCodes.loginMethod],
    ]);
    lints(yaml('values:', '  g:', '    fn::open::gcp-login:', '      project: 1', '      accessToken: {accessToken: t}', '      oidc: {workloadPoolId: w, providerId: p, serviceAccount: s}'), [
      ['oidc:', 'gcp-login takes only one of oidc and accessToken', 'error', LintCodes.loginMethod],
    ]);
    lints(yaml('values:', '  i:', '    fn::open::infisical-login:', '      siteUrl: "https://i.example.com"'), [
      ['siteUrl', 'infisical-login needs one of oidc and static', 'error', LintCodes.loginMethod],
    ]);
  });

  test('inputs given by a reference are left to evaluation', () => {
    lints(yaml('values:', '  creds: {static: {accessKeyId: a, secretAccessKey: b}}', '  a:', '    fn::open::aws-login: ${creds}'), []);
  });

  test('azure-login needs oidc: true or a clientSecret; subjectAttributes need OIDC', () => {
    lints(yaml('values:', '  a:', '    fn::open::azure-login: {clientId: c, tenantId: t}'), [
      ['{clientId', 'azure-login needs oidc: true or a clientSecret', 'error', LintCodes.loginMethod],
    ]);
    lints(yaml('values:', '  a:', '    fn::open::azure-login: {clientId: c, tenantId: t, oidc: true, clientSecret: s}'), [
      ['clientSecret', 'azure-login takes only one of oidc: true and clientSecret', 'error', LintCodes.loginMethod],
    ]);
    lints(yaml('values:', '  a:', '    fn::open::azure-login: {clientId: c, tenantId: t, clientSecret: s, subjectAttributes: [rootEnvironment.name]}'), [
      ['subjectAttributes', 'subjectAttributes has no effect without oidc: true', 'warning', LintCodes.subjectAttributes],
    ]);
    lints(yaml('values:', '  a:', '    fn::open::azure-login: {clientId: c, tenantId: t, oidc: true, subjectAttributes: [rootEnvironment.name]}'), []);
  });
});

describe('other input rules', () => {
  test('the Vault address is a scheme and a host, without a path', () => {
    const doc = (address: string) => yaml('values:', '  v:', '    fn::open::vault-login:', `      address: "${address}"`, '      token: {token: t}');
    for (const good of ['https://vault.example.com', 'https://127.0.0.1:8200/', 'http://vault:8200']) lints(doc(good), []);
    for (const bad of ['vault.example.com', 'https://vault.example.com/v1/secret', 'https://vault?x=1']) {
      const d = doc(bad);
      lints(d, [[`"${bad}"`, 'the Vault address must be a URL with a scheme and a host and no path, e.g. https://vault.example.com:8200', 'error', LintCodes.vaultAddress]]);
    }
  });

  test('counts are whole numbers', () => {
    lints(yaml('values:', '  p:', '    fn::rotate::passphrase: {inputs: {length: 4.5}}'), [['4.5', 'length must be a whole number', 'error', LintCodes.wholeNumber]]);
    lints(yaml('values:', '  p:', '    fn::rotate::passphrase: {inputs: {length: 4.0}}'), []);
  });

  test('password options that contradict each other', () => {
    const pw = (inputs: string) => yaml('values:', '  p:', `    fn::rotate::password: {inputs: ${inputs}}`);
    const none = pw('{lower: false, upper: false, numeric: false, overrideSpecial: ""}');
    lints(none, [
      ['{lower', 'password has no characters to draw from (lower is false, upper is false, numeric is false, overrideSpecial is empty)', 'error', LintCodes.passwordOptions],
    ]);
    const disabled = pw('{upper: false, minUpper: 2, special: false, minSpecial: 1}');
    lints(disabled, [
      ['minUpper', 'minUpper asks for upper characters, but upper is false', 'error', LintCodes.passwordOptions],
      ['minSpecial', 'minSpecial asks for special characters, but special is false', 'error', LintCodes.passwordOptions],
    ]);
    const tooMany = pw('{length: 10, minLower: 4, minUpper: 4, minNumeric: 4}');
    lints(tooMany, [['length', 'the minimum counts add up to 12, more than the length 10', 'error', LintCodes.passwordOptions]]);
    lints(pw('{minLower: 6, minUpper: 6, minNumeric: 6}'), [['{minLower', 'the minimum counts add up to 18, more than the length 16', 'error', LintCodes.passwordOptions]]);
    lints(pw('{length: 12, minLower: 4, minUpper: 4, minNumeric: 4, special: false}'), []);
    lints(yaml('values:', '  n: 4', '  p:', '    fn::rotate::password: {inputs: {length: 8, minLower: "${n}", minUpper: 5}}'), []);
  });
});

describe('accesses into provider outputs', () => {
  test('undeclared properties are reported, directly, through aliases and in interpolations', () => {
    const doc = yaml(
      'values:',
      ...AWS,
      '  alias: ${aws.login}',
      '  good: ${aws.login.accessKeyId}',
      '  typo: ${aws.login.acessKeyId}',
      '  viaAlias: "key=${alias.secretKey}"',
      '  env: ${aws.login.sessionToken}',
    );
    lints(doc, [
      ['.acessKeyId', 'unknown property "acessKeyId" of the output of fn::open::aws-login; did you mean "accessKeyId"?', 'warning', LintCodes.unknownOutput],
      ['.secretKey', 'unknown property "secretKey" of the output of fn::open::aws-login', 'warning', LintCodes.unknownOutput],
    ]);
  });

  test('open outputs (maps of names) accept any name', () => {
    const doc = yaml(
      'values:',
      ...AWS,
      '  secrets:',
      '    fn::open::aws-secrets: {region: r, login: "${aws.login}", get: {db: {secretId: x}}}',
      '  db: ${secrets.db}',
      '  other: ${secrets.anything}',
    );
    lints(doc, []);
  });
});

describe('rotate-only data flow', () => {
  const iam = (login: string[]) => ['  iam:', '    fn::rotate::aws-iam:', '      inputs:', ...login, '        userArn: arn:aws:iam::123456789012:user/u'];

  test('a rotate-only input that reads a provider opened among the values is reported', () => {
    const doc = yaml('values:', ...AWS, ...iam(['        login: ${aws.login}']));
    lints(doc, [
      [
        '${aws.login}',
        'rotate-only input "login" gets its value from fn::open::aws-login at values.aws.login, which runs whenever the environment is opened',
        'warning',
        LintCodes.rotateOnlyOpened,
      ],
    ]);
    assert.match(check(doc).lints[0]!.detail ?? '', /environments/);
  });

  test('also through references, objects and nested rotate-only inputs', () => {
    const doc = yaml(
      'values:',
      ...AWS,
      '  creds:',
      '    keys: {accessKeyId: "${aws.login.accessKeyId}", secretAccessKey: "${aws.login.secretAccessKey}"}',
      ...iam(['        login: ${creds.keys}']),
      '  pg:',
      '    fn::rotate::postgres:',
      '      inputs:',
      '        database:',
      '          host: h',
      '          port: 5432',
      '          database: d',
      '          managingUser: {username: u, password: "${aws.login.secretAccessKey}"}',
      '        rotateUsers: {username1: a, username2: b}',
    );
    lints(doc, [
      ['${creds.keys}', 'rotate-only input "login" gets its value from fn::open::aws-login at values.aws.login, which runs whenever the environment is opened', 'warning', LintCodes.rotateOnlyOpened],
      [
        '{username: u',
        'rotate-only input "database.managingUser" gets its value from fn::open::aws-login at values.aws.login, which runs whenever the environment is opened',
        'warning',
        LintCodes.rotateOnlyOpened,
      ],
    ]);
  });

  test('a provider opened inside the input, plain values and other environments are fine', () => {
    const inline = ['        login:', '          fn::open::aws-login: {static: {accessKeyId: a, secretAccessKey: b}}'];
    lints(yaml('values:', ...iam(inline)), []);
    lints(yaml('values:', '  keys: {accessKeyId: a, secretAccessKey: b}', ...iam(['        login: ${keys}'])), []);
    const r = check(yaml('values:', ...iam(['        login: ${environments.admin.aws.login}'])), {
      'admin/aws': yaml('values:', '  login:', '    fn::open::aws-login: {static: {accessKeyId: a, secretAccessKey: b}}'),
    });
    assert.deepEqual(found(r.diagnostics), []);
    assert.deepEqual(found(r.lints), []);
  });

  test('a provider opened in an import is found when the import is given', () => {
    const importText = yaml('values:', ...AWS);
    const doc = yaml('imports: [logins]', 'values:', ...iam(['        login: ${aws.login}']));
    const providers = createProviderLoader({ mode: 'check' });
    const imported = checkEnvironment('logins', loadYAML('logins', importText).decl, { providers });
    const root = checkEnvironment('test', loadYAML('test', doc).decl, {
      providers,
      environments: { loadEnvironment: () => ({ source: importText }) },
    });
    assert.deepEqual(found(root.diagnostics), []);
    assert.deepEqual(found(lintEnvironment(root.environment)), [], 'without the import model nothing is known');
    assert.deepEqual(found(lintEnvironment(root.environment, { imports: new Map([['logins', imported.environment!]]) })), [
      expectAt(
        doc,
        '${aws.login}',
        'rotate-only input "login" gets its value from fn::open::aws-login at values.aws.login of logins, which runs whenever the environment is opened',
        'warning',
        LintCodes.rotateOnlyOpened,
      ),
    ]);
  });
});
