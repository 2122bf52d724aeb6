// Documentation and snippets for editor features: markdown of entries, inputs and outputs, schema
// navigation for completion, and snippets that expand to the example with tab stops.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import {
  allowedValues,
  catalogue,
  describeEntry,
  describeInput,
  describeOutput,
  entrySnippet,
  propertiesOf,
  providerEntry,
  rotatorEntry,
  schemaAt,
  snippetFromExample,
  typeLabel,
} from '../../engine/src/index';

describe('descriptions', () => {
  test('an entry: title, description, inputs, outputs, example and link', () => {
    const md = describeEntry(providerEntry('aws-login')!);
    assert.ok(md.startsWith('**fn::open::aws-login** (provider)\n\nProduces AWS credentials'));
    assert.ok(md.includes('- `oidc` (object): Assume an IAM role with an OIDC token issued by Pulumi Cloud, for temporary credentials.'));
    assert.ok(md.includes('**Outputs**: object\n\n- `accessKeyId` (string, required): The access key ID.'));
    assert.ok(md.includes('```yaml\nfn::open::aws-login:\n  oidc:'));
    assert.ok(md.endsWith('[Documentation](https://www.pulumi.com/docs/esc/integrations/dynamic-login-credentials/aws-login/)'));
    const iam = describeEntry(rotatorEntry('aws-iam')!);
    assert.ok(iam.includes('Evaluated only during rotation: `login`.'));
    assert.ok(iam.includes('**State**'));
    for (const e of catalogue()) assert.ok(!describeEntry(e).includes('\n\n\n'), `${e.name}: no empty paragraphs`);
  });

  test('one input: type, requiredness, constraints', () => {
    assert.equal(
      describeInput(providerEntry('aws-login')!, ['oidc', 'duration']),
      '**fn::open::aws-login input `oidc.duration`**: string\n\nHow long the session lasts, e.g. `1h`.\n\n- default `2h`\n- matches `^([0-9]+h)?([0-9]+m)?([0-9]+s)?$`',
    );
    const arn = describeInput(providerEntry('aws-login')!, ['oidc', 'roleArn'])!;
    assert.ok(arn.startsWith('**fn::open::aws-login input `oidc.roleArn`**: string (required)'));
    assert.ok(arn.includes('- at least 20 characters\n- at most 2048 characters'));
    assert.ok(describeInput(rotatorEntry('passphrase')!, ['length'])!.includes('- default `5`\n- at least 3\n- at most 15'));
    // Map entries and list items are reached by any key or index.
    assert.ok(describeInput(providerEntry('aws-secrets')!, ['get', 'anyName', 'secretId'])!.includes('(required)'));
    assert.ok(describeInput(providerEntry('aws-login')!, ['oidc', 'subjectAttributes', 0])!.includes('one of `pulumi.user.login`'));
    // Alternatives are looked through.
    assert.ok(describeInput(providerEntry('terraform-state')!, ['backend', 'remote', 'hostname'])!.includes('default `app.terraform.io`'));
    assert.equal(describeInput(providerEntry('aws-login')!, ['nope']), undefined);
  });

  test('outputs', () => {
    assert.equal(describeOutput(providerEntry('aws-secrets')!, []), '**output of fn::open::aws-secrets**: map of string\n\nThe secret strings, by name.');
    assert.ok(describeOutput(providerEntry('gh-login')!, ['type'])!.includes('- one of `installation`'));
    assert.equal(describeOutput(providerEntry('gh-login')!, ['nope']), undefined);
  });

  test('navigation for completion: keys with requiredness, enum values, type labels', () => {
    const oidc = schemaAt(providerEntry('aws-login')!.inputs, ['oidc'])!;
    assert.deepEqual(
      propertiesOf(oidc).map((p) => [p.name, p.required]),
      [['roleArn', true], ['sessionName', true], ['duration', false], ['policyArns', false], ['subjectAttributes', false]],
    );
    // Keys of alternatives are offered, none required as such.
    const backend = schemaAt(providerEntry('terraform-state')!.inputs, ['backend'])!;
    assert.deepEqual(propertiesOf(backend).map((p) => [p.name, p.required]), [['s3', false], ['remote', false]]);
    assert.deepEqual(allowedValues(schemaAt(providerEntry('gcp-login')!.inputs, ['oidc', 'subjectAttributes', 0])!)?.length, 6);
    assert.equal(typeLabel(providerEntry('aws-secrets')!.inputs.properties!.get('get')!), 'map of object');
    assert.equal(typeLabel(providerEntry('gh-login')!.inputs.properties!.get('repositories')!), 'list of string');
    assert.equal(typeLabel(backend), 'one of: object, object');
  });
});

describe('snippets', () => {
  test('values become tab stops; keys, block scalars and builtin keys stay text', () => {
    const snippet = entrySnippet(providerEntry('gh-login')!);
    assert.equal(
      snippet,
      [
        'fn::open::gh-login:',
        '  appId: ${1:123456}',
        '  privateKey:',
        '    fn::secret: |',
        '      -----BEGIN RSA PRIVATE KEY-----',
        '      ...',
        '      -----END RSA PRIVATE KEY-----',
        '  owner: ${2:my-org}',
        '  repositories:',
        '    - ${3:my-repo}',
        '  permissions:',
        '    contents: ${4:read}',
        '$0',
      ].join('\n'),
    );
  });

  test('without the key, the argument is dedented; snippet syntax is escaped', () => {
    assert.equal(
      entrySnippet(providerEntry('aws-secrets')!, false),
      'region: ${1:us-west-2}\nlogin: ${2:\\${aws.login\\}}\nget:\n  dbPassword:\n    secretId: ${3:prod/db/password}\n$0',
    );
    assert.equal(snippetFromExample('a: "$x\\\\y"\nb: c'), 'a: ${1:"\\$x\\\\\\\\y"}\nb: ${2:c}\n$0');
  });

  test('every snippet, with its tab stops replaced by their defaults, is the example again', () => {
    for (const e of catalogue()) {
      const expanded = entrySnippet(e)
        .replace(/\n\$0$/, '')
        .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, (_m, d: string) => d.replace(/\\(.)/g, '$1'))
        .replace(/\\(.)/g, '$1');
      assert.equal(expanded, e.example, e.name);
      assert.deepEqual(parse(expanded), parse(e.example));
    }
  });
});

test('rotate-only inputs say so', () => {
  assert.ok(describeInput(rotatorEntry('aws-iam')!, ['login'])!.includes('- evaluated only during rotation'));
  assert.ok(!describeInput(rotatorEntry('aws-iam')!, ['userArn'])!.includes('evaluated only during rotation'));
});
