// The catalogue as data: every official provider and rotator is there, its schemas compile and
// round-trip, its example checks cleanly (with the typed data flow from the login providers), and
// sharing its schemas across evaluations does not change them.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  builtinKey,
  catalogue,
  catalogueNames,
  compileSchema,
  executionContextSchema,
  providerEntry,
  propertiesOf,
  rotatorEntry,
  schemaFromJSON,
  schemaToJSON,
  unknownEntryMessage,
  type Schema,
} from '../../engine/src/index';
import { check, found, yaml } from './harness';

const PROVIDERS = [
  '1password-secrets', 'aws-login', 'aws-parameter-store', 'aws-secrets', 'azure-login', 'azure-secrets',
  'doppler-login', 'doppler-secrets', 'external', 'gcp-login', 'gcp-secrets', 'gh-login', 'infisical-login',
  'infisical-secrets', 'pulumi-stacks', 'snowflake-login', 'terraform-state', 'vault-login', 'vault-secrets',
];
const ROTATORS = ['aws-iam', 'azure-app-secret', 'external', 'mysql', 'passphrase', 'password', 'postgres', 'snowflake-user'];

/** Logins the examples read with `${aws.login}` and friends, opened in the same document. */
const LOGINS = yaml(
  'values:',
  '  aws:',
  '    login:',
  '      fn::open::aws-login: {static: {accessKeyId: AKIAEXAMPLE, secretAccessKey: example}}',
  '  azure:',
  '    login:',
  '      fn::open::azure-login: {clientId: c, tenantId: t, clientSecret: s}',
  '  gcp:',
  '    login:',
  '      fn::open::gcp-login: {project: 123, accessToken: {accessToken: t}}',
  '  vault:',
  '    login:',
  '      fn::open::vault-login: {address: "https://vault.example.com:8200", token: {token: t}}',
  '  doppler:',
  '    login:',
  '      fn::open::doppler-login: {oidc: {identityId: 00000000-0000-0000-0000-000000000000}}',
  '  infisical:',
  '    login:',
  '      fn::open::infisical-login: {oidc: {identityId: x}}',
);

/** Environments the rotator examples reach with `${environments.admin.<env>...}`. */
const ADMIN = {
  'admin/aws': yaml('values:', '  login:', '    fn::open::aws-login: {static: {accessKeyId: a, secretAccessKey: b}}'),
  'admin/azure': yaml('values:', '  login:', '    fn::open::azure-login: {clientId: c, tenantId: t, oidc: true}'),
  'admin/snowflake': yaml('values:', '  login:', '    fn::open::snowflake-login: {oidc: {account: a, user: u}}'),
  'admin/db': yaml('values:', '  managingUser: {username: admin, password: {fn::secret: pw}}'),
};

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : by + l))
    .join('\n');
}

describe('the catalogue', () => {
  test('has every official provider and rotator', () => {
    assert.deepEqual(catalogueNames('provider'), PROVIDERS);
    assert.deepEqual(catalogueNames('rotator'), ROTATORS);
    for (const n of PROVIDERS) assert.equal(providerEntry(n)?.kind, 'provider');
    for (const n of ROTATORS) assert.ok(rotatorEntry(n)?.state, `${n} has a state schema`);
  });

  for (const e of catalogue()) {
    describe(`${e.kind} ${e.name}`, () => {
      test('schemas compile and survive a JSON round trip', () => {
        const schemas: [string, Schema][] = [['inputs', e.inputs], ['outputs', e.outputs]];
        if (e.state) schemas.push(['state', e.state]);
        for (const [what, s] of schemas) {
          assert.equal(compileSchema(s), '', `${what} compiles`);
          const json = schemaToJSON(s);
          const back = schemaFromJSON(toPlain(json));
          assert.ok('schema' in back, `${what} parses back`);
          assert.deepEqual(schemaToJSON(back.schema), json, `${what} round-trips`);
        }
      });

      test('has documentation', () => {
        assert.match(e.summary, /^[A-Z].*\.$/);
        assert.ok(e.description.length > e.summary.length, 'description says more than the summary');
        assert.match(e.docsUrl, /^https:\/\/www\.pulumi\.com\/docs\/esc\//);
        assert.ok(e.remoteAction.length > 0);
        for (const p of propertiesOf(e.inputs)) assert.ok(p.schema.description, `input ${p.name} is described`);
      });

      test('example is one call that checks without diagnostics', () => {
        assert.ok(e.example.startsWith(`${builtinKey(e)}:\n`), 'the example starts with the builtin key');
        const doc = LOGINS + '  example:\n' + indent(e.example, '    ') + '\n';
        const r = check(doc, ADMIN);
        assert.deepEqual(found(r.diagnostics), []);
        assert.deepEqual(found(r.lints), []);
      });
    });
  }

  test('rotate-only paths match the schemas', () => {
    for (const e of catalogue().filter((x) => x.kind === 'rotator')) {
      const fromSchema: string[] = [];
      const visit = (s: Schema, prefix: string) => {
        for (const [k, p] of s.properties ?? []) {
          if (s.rotateOnly?.includes(k)) fromSchema.push(prefix + k);
          else visit(p, `${prefix}${k}.`);
        }
      };
      visit(e.inputs, '');
      assert.deepEqual(fromSchema, [...(e.rotateOnly ?? [])], e.name);
    }
  });

  test('login outputs are what the secret providers take as login', () => {
    const pairs: [string, string][] = [
      ['aws-login', 'aws-secrets'],
      ['aws-login', 'aws-parameter-store'],
      ['azure-login', 'azure-secrets'],
      ['vault-login', 'vault-secrets'],
      ['doppler-login', 'doppler-secrets'],
      ['infisical-login', 'infisical-secrets'],
    ];
    for (const [login, reader] of pairs) {
      const out = plainJSON(schemaToJSON(providerEntry(login)!.outputs)) as Record<string, unknown>;
      const input = plainJSON(schemaToJSON(providerEntry(reader)!.inputs.properties!.get('login')!)) as Record<string, unknown>;
      assert.ok(out['properties'] !== undefined);
      assert.deepEqual(out['properties'], input['properties'], `${login} → ${reader}`);
      assert.deepEqual(out['required'], input['required'], `${login} → ${reader}`);
    }
  });

  test('evaluation leaves the shared schemas as they were', () => {
    const before = catalogue().map((e) => JSON.stringify(plainJSON(schemaToJSON(e.inputs))));
    check(LOGINS + '  x:\n    fn::rotate::aws-iam: {inputs: {login: {accessKeyId: a, secretAccessKey: b}, userArn: u}}\n');
    const after = catalogue().map((e) => JSON.stringify(plainJSON(schemaToJSON(e.inputs))));
    assert.deepEqual(after, before);
  });

  test('unknown names get a suggestion, or a hint when they name the other kind', () => {
    assert.equal(unknownEntryMessage('provider', 'aws-secret'), 'unknown provider "aws-secret"; did you mean "aws-secrets"?');
    assert.equal(unknownEntryMessage('rotator', 'pasword'), 'unknown rotator "pasword"; did you mean "password"?');
    assert.equal(unknownEntryMessage('provider', 'password'), 'unknown provider "password"; password is a rotator: use fn::rotate::password');
    assert.equal(unknownEntryMessage('rotator', 'vault-secrets'), 'unknown rotator "vault-secrets"; vault-secrets is a provider: use fn::open::vault-secrets');
    assert.equal(unknownEntryMessage('provider', 'zzz'), 'unknown provider "zzz"');
  });

  test('the execution context schema has what Pulumi Cloud and the engine provide', () => {
    const s = executionContextSchema();
    const keys = (x: Schema | undefined) => [...(x?.properties?.keys() ?? [])];
    assert.deepEqual(keys(s), ['pulumi', 'currentEnvironment', 'rootEnvironment']);
    const pulumi = s.properties!.get('pulumi')!;
    assert.deepEqual(keys(pulumi), ['user', 'organization', 'token']);
    assert.deepEqual(keys(pulumi.properties!.get('user')), ['id', 'login']);
    assert.deepEqual(keys(pulumi.properties!.get('token')), ['type', 'team']);
    assert.deepEqual(s.required, ['currentEnvironment', 'rootEnvironment']);
    assert.equal(compileSchema(s), '');
  });
});

/** Converts schema JSON data (maps, structs, number texts) to plain data for schemaFromJSON. */
function toPlain(j: unknown): never {
  return plainData(j) as never;
}

function plainData(j: unknown): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(plainData);
  if (j instanceof Map) return new Map([...j].map(([k, v]) => [k, plainData(v)]));
  if ('text' in j && Object.keys(j).length === 1) return j;
  return new Map(Object.entries(j).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plainData(v)]));
}

/** Converts schema JSON data to JSON-serialisable data (for comparing snapshots). */
function plainJSON(j: unknown): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(plainJSON);
  if (j instanceof Map) return Object.fromEntries([...j].map(([k, v]) => [k, plainJSON(v)]));
  if ('text' in j && Object.keys(j).length === 1) return { number: (j as { text: string }).text };
  return Object.fromEntries(Object.entries(j).map(([k, v]) => [k, plainJSON(v)]));
}
