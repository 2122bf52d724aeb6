// One wrong input for every provider and rotator of the catalogue, checked offline with the engine's
// exact messages at the right place (positions found by substring).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogue } from '../../engine/src/index';
import { check, expectAt, found, yaml } from './harness';

interface Case {
  /** The call, as YAML lines below `values.x`. */
  call: string[];
  /** Expected diagnostics in sorted order: [marker, summary] (the marker's first occurrence, unless [marker, summary, nth]). */
  expect: [string, string, number?][];
}

const CASES: Record<string, Case> = {
  'provider 1password-secrets': {
    call: ['fn::open::1password-secrets:', '  login: {serviceAccountToken: ops_x}', '  get:', '    a: {ref: "vault/item/field"}'],
    expect: [['"vault/item/field"', 'string must match the pattern "op://.+"']],
  },
  'provider aws-login': {
    call: ['fn::open::aws-login:', '  oidc: {roleArn: "arn:aws:iam::123456789012:role/r", sessionName: s}'],
    expect: [['s}', 'expected a string of at least length 2']],
  },
  'provider aws-parameter-store': {
    call: ['fn::open::aws-parameter-store:', '  login: {accessKeyId: a, secretAccessKey: b}', '  get:', '    p: {name: /x, decrypt: "yes"}'],
    expect: [['login:', 'missing required properties: region'], ['"yes"', 'expected boolean, got string']],
  },
  'provider aws-secrets': {
    call: ['fn::open::aws-secrets:', '  region: us-west-2', '  login: {accessKeyId: a}', '  get: {s: {secretId: x}}'],
    expect: [['{accessKeyId', 'missing required properties: secretAccessKey']],
  },
  'provider azure-login': {
    call: ['fn::open::azure-login:', '  clientId: c', '  oidc: "true"'],
    expect: [['clientId: c', 'missing required properties: tenantId'], ['"true"', 'expected boolean, got string']],
  },
  'provider azure-secrets': {
    call: ['fn::open::azure-secrets:', '  login: {clientId: c, tenantId: t}', '  vault: v', '  get: {}'],
    expect: [['{}', 'expected an object with at least 1 properties']],
  },
  'provider doppler-login': {
    call: ['fn::open::doppler-login:', '  oidc: {identityId: not-a-uuid}'],
    expect: [['not-a-uuid', 'string must match the pattern "^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$"']],
  },
  'provider doppler-secrets': {
    call: ['fn::open::doppler-secrets:', '  login: {accessToken: t}', '  project: p', '  get: {a: {name: A}}'],
    expect: [['login:', 'missing required properties: config']],
  },
  'provider external': {
    call: ['fn::open::external:', '  url: http://adapter.example.com'],
    expect: [['http://', 'string must match the pattern "^https://"']],
  },
  'provider gcp-login': {
    call: ['fn::open::gcp-login:', '  project: my-project', '  accessToken: {accessToken: t}'],
    expect: [['my-project', 'expected number, got string']],
  },
  'provider gcp-secrets': {
    call: ['fn::open::gcp-secrets:', '  login: {accessToken: t, project: 1, tokenType: Bearer}', '  access: {a: {name: n, version: latest}}'],
    expect: [['latest', 'expected number, got string']],
  },
  'provider gh-login': {
    call: ['fn::open::gh-login:', '  appId: 1', '  privateKey: k', '  owner: o', '  repositories: repo'],
    expect: [['repo\n', 'expected array, got string']],
  },
  'provider infisical-login': {
    call: ['fn::open::infisical-login:', '  static: {clientId: c}'],
    expect: [['{clientId', 'missing required properties: clientSecret']],
  },
  'provider infisical-secrets': {
    call: ['fn::open::infisical-secrets:', '  login: {accessToken: t}', '  get: {a: {projectId: p, secretKey: k}}'],
    expect: [['{projectId', 'missing required properties: environment']],
  },
  'provider pulumi-stacks': {
    call: ['fn::open::pulumi-stacks:', '  stacks: {net: {stack: networking}}'],
    expect: [['networking', 'string must match the pattern "^[a-zA-Z0-9-_.]{1,100}\\\\/[a-zA-Z0-9-_.]{1,100}$"']],
  },
  'provider snowflake-login': {
    call: ['fn::open::snowflake-login:', '  account: a', '  user: u'],
    expect: [['account: a', 'missing required properties: oidc']],
  },
  'provider terraform-state': {
    call: ['fn::open::terraform-state:', '  backend:', '    remote: {organization: o, workspace: w}'],
    expect: [
      ['remote:', 'exactly one subschema must match'],
      ['remote:', 'missing required properties: s3'],
      ['{organization', 'missing required properties: token'],
    ],
  },
  'provider vault-login': {
    call: ['fn::open::vault-login:', '  address: "https://vault:8200"', '  token: {maxTtl: 1d}'],
    expect: [['{maxTtl', 'missing required properties: token'], ['1d', 'string must match the pattern "^([0-9]+h)?([0-9]+m)?([0-9]+s)?$"']],
  },
  'provider vault-secrets': {
    call: ['fn::open::vault-secrets:', '  login: {address: a, token: t}', '  read: {db: {field: password}}'],
    expect: [['{field', 'missing required properties: path']],
  },
  'rotator aws-iam': {
    call: ['fn::rotate::aws-iam:', '  inputs: {login: {accessKeyId: a, secretAccessKey: b}}'],
    expect: [['{login', 'missing required properties: userArn']],
  },
  'rotator azure-app-secret': {
    call: ['fn::rotate::azure-app-secret:', '  inputs: {login: {clientId: c, tenantId: t}, clientId: c, lifetimeInDays: 1000}'],
    expect: [['1000', 'expected a number less than or equal to730']],
  },
  'rotator external': {
    call: ['fn::rotate::external:', '  inputs: {url: "https://a.example.com"}', '  state: {current: 42}'],
    // The state may also be null, so a wrong state fails both alternatives.
    expect: [
      ['{current', 'exactly one subschema must match'],
      ['{current', 'expected null, got object'],
      ['42', 'expected object, got number'],
    ],
  },
  'rotator mysql': {
    call: [
      'fn::rotate::mysql:',
      '  inputs:',
      '    database: {host: h, port: "3306", database: d, managingUser: {username: u, password: p}}',
      '    rotateUsers: {username1: a, username2: b}',
    ],
    expect: [['"3306"', 'expected number, got string']],
  },
  'rotator passphrase': {
    call: ['fn::rotate::passphrase:', '  inputs: {separator: "--"}'],
    expect: [['"--"', 'expected a string of at most length 1']],
  },
  'rotator password': {
    call: ['fn::rotate::password:', '  inputs: {length: 4}'],
    expect: [['4}', 'expected a number greater than or equal to 8']],
  },
  'rotator postgres': {
    call: ['fn::rotate::postgres:', '  inputs:', '    database: {host: h, port: 5432, database: d, managingUser: {username: u, password: p}}', '    rotateUsers: {username1: a}'],
    expect: [['{username1', 'missing required properties: username2']],
  },
  'rotator snowflake-user': {
    call: ['fn::rotate::snowflake-user:', '  inputs: {login: {account: a, user: u}, targetUser: t}'],
    expect: [
      ['{account', 'exactly one subschema must match'],
      ['{account', 'missing required properties: privateKey'],
      ['{account', 'missing required properties: token'],
    ],
  },
};

describe('a wrong input of each entry', () => {
  test('every entry has a case', () => {
    assert.deepEqual(Object.keys(CASES).sort(), catalogue().map((e) => `${e.kind} ${e.name}`).sort());
  });
  for (const [name, c] of Object.entries(CASES)) {
    test(name, () => {
      const doc = yaml('values:', '  x:', ...c.call.map((l) => '    ' + l));
      const r = check(doc);
      const expected = c.expect.map(([marker, summary, nth]) => expectAt(doc, marker, summary, 'error', undefined, nth ?? 0));
      assert.deepEqual(found(r.diagnostics), expected);
    });
  }
});
