// Amazon Web Services: logging in (aws-login), reading Secrets Manager and Parameter Store, and
// rotating IAM user access keys (aws-iam).

import type { Schema } from '../schema/schema.js';
import type { CatalogueEntry } from './entry.js';
import { duration, subjectAttributes } from './oidc.js';
import { bool, list, mapOf, obj, str, withRotateOnly } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations';

// AWS accepts these characters in ARNs; the pattern is what ESC checks.
const ARN_CHARS = '[\\x{0009}\\x{000A}\\x{000D}\\x{0020}-\\x{007E}\\x{0085}\\x{00A0}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]+';

/** Builds the AWS credentials object: what aws-login outputs and what the other AWS integrations take as `login`. */
export function awsCredentials(description: string): Schema {
  return obj(
    description,
    {
      accessKeyId: str('The access key ID.'),
      secretAccessKey: str('The secret access key.'),
      sessionToken: str('The session token of temporary credentials.'),
    },
    ['accessKeyId', 'secretAccessKey'],
    { title: 'AWSLogin' },
  );
}

function awsLogin(): CatalogueEntry {
  const oidc = obj(
    'Assume an IAM role with an OIDC token issued by Pulumi Cloud, for temporary credentials.',
    {
      roleArn: str('The ARN of the IAM role to assume.', { minLength: 20, maxLength: 2048, pattern: ARN_CHARS }),
      sessionName: str('The name of the role session (shows up in CloudTrail).', { minLength: 2, maxLength: 64, pattern: '[\\w+=,.@-]*' }),
      duration: duration('How long the session lasts, e.g. `1h`.', { default: '2h' }),
      policyArns: list(
        'ARNs of managed policies that further restrict the session.',
        str('', { minLength: 20, maxLength: 2048, pattern: ARN_CHARS }),
      ),
      subjectAttributes: subjectAttributes(),
    },
    ['sessionName', 'roleArn'],
  );
  return {
    name: 'aws-login',
    kind: 'provider',
    summary: 'Logs in to AWS with static credentials or by assuming a role through OIDC.',
    description:
      'Produces AWS credentials: either the `static` keys given, or temporary keys obtained by assuming `oidc.roleArn` ' +
      'with an OIDC token from Pulumi Cloud. Give exactly one of `static` and `oidc`. The output is what ' +
      '`aws-secrets`, `aws-parameter-store` and the other AWS integrations take as `login`.',
    inputs: obj('', { oidc, static: awsCredentials('Use these long-lived keys as they are.') }),
    outputs: awsCredentials('AWS credentials.'),
    example: [
      'fn::open::aws-login:',
      '  oidc:',
      '    roleArn: arn:aws:iam::123456789012:role/esc-reader',
      '    sessionName: esc-session',
      '    duration: 1h',
    ].join('\n'),
    docsUrl: `${DOCS}/dynamic-login-credentials/aws-login/`,
    remoteAction: 'exchanges a Pulumi OIDC token for AWS credentials with AWS STS',
  };
}

function awsSecrets(): CatalogueEntry {
  return {
    name: 'aws-secrets',
    kind: 'provider',
    summary: 'Reads secrets from AWS Secrets Manager.',
    description:
      'Reads each secret listed under `get` from AWS Secrets Manager in `region`, using the credentials in `login` ' +
      '(usually the output of `aws-login`). The result maps each name under `get` to the secret string.',
    inputs: obj(
      '',
      {
        login: awsCredentials('The credentials to read with, usually `${aws.login}`.'),
        region: str('The region that holds the secrets, e.g. `us-west-2`.'),
        get: mapOf(
          'The secrets to read, by the name they get in the result.',
          obj(
            'A secret to read.',
            {
              secretId: str('The name or ARN of the secret.'),
              versionId: str('A specific version ID to read.'),
              versionStage: str('A version stage to read, e.g. `AWSPREVIOUS`.'),
            },
            ['secretId'],
            { title: 'AWSSecretsGet' },
          ),
          { minProperties: 1 },
        ),
      },
      ['get', 'login', 'region'],
    ),
    outputs: mapOf('The secret strings, by name.', str('')),
    example: [
      'fn::open::aws-secrets:',
      '  region: us-west-2',
      '  login: ${aws.login}',
      '  get:',
      '    dbPassword:',
      '      secretId: prod/db/password',
    ].join('\n'),
    docsUrl: `${DOCS}/dynamic-secrets/aws-secrets/`,
    remoteAction: 'reads AWS Secrets Manager',
  };
}

function awsParameterStore(): CatalogueEntry {
  return {
    name: 'aws-parameter-store',
    kind: 'provider',
    summary: 'Reads parameters from AWS Systems Manager Parameter Store.',
    description:
      'Reads each parameter listed under `get` from Parameter Store in `region`, using the credentials in `login`. ' +
      'A name may end in `:version` or `:label`; set `decrypt` to read SecureString parameters in clear.',
    inputs: obj(
      '',
      {
        login: awsCredentials('The credentials to read with, usually `${aws.login}`.'),
        region: str('The region that holds the parameters.'),
        get: mapOf(
          'The parameters to read, by the name they get in the result.',
          obj(
            'A parameter to read.',
            {
              name: str('The parameter name, optionally followed by `:version` or `:label`.'),
              decrypt: bool('Decrypt SecureString parameters.', { default: false }),
            },
            ['name'],
            { title: 'AWSParameterStoreGet' },
          ),
          { minProperties: 1 },
        ),
      },
      ['get', 'login', 'region'],
    ),
    outputs: mapOf('The parameter values, by name.', str('')),
    example: [
      'fn::open::aws-parameter-store:',
      '  region: us-west-2',
      '  login: ${aws.login}',
      '  get:',
      '    apiUrl:',
      '      name: /myapp/api-url',
      '    apiKey:',
      '      name: /myapp/api-key',
      '      decrypt: true',
    ].join('\n'),
    docsUrl: `${DOCS}/dynamic-secrets/aws-parameter-store/`,
    remoteAction: 'reads AWS Systems Manager Parameter Store',
  };
}

/** Builds the state (and output) of aws-iam: the current and previous access keys. */
function iamKeys(): Schema {
  const key = () =>
    obj(
      'An access key of the IAM user.',
      {
        accessKeyId: str('The access key ID.'),
        secretAccessKey: str('The secret access key.'),
        createdAt: str('When the key was created (RFC 3339).'),
      },
      ['accessKeyId', 'secretAccessKey'],
    );
  return obj('', { current: key(), previous: key() }, ['current']);
}

function awsIam(): CatalogueEntry {
  return {
    name: 'aws-iam',
    kind: 'rotator',
    summary: 'Rotates the access keys of an AWS IAM user.',
    description:
      'Each rotation creates a new access key for `userArn` and keeps the previous one, so consumers can move over ' +
      'before it is deleted at the next rotation. `login` (credentials allowed to manage the user) is rotate-only: ' +
      'it is evaluated only while rotating, so opening the environment does not need it.',
    inputs: withRotateOnly(
      obj(
        '',
        {
          login: awsCredentials('Credentials allowed to manage the user\'s access keys; evaluated only during rotation.'),
          userArn: str('The ARN of the IAM user whose keys rotate.'),
          region: str('The AWS region to call.', { default: 'us-east-1' }),
        },
        ['login', 'userArn'],
      ),
      ['login'],
    ),
    state: iamKeys(),
    outputs: iamKeys(),
    rotateOnly: ['login'],
    example: [
      'fn::rotate::aws-iam:',
      '  inputs:',
      '    region: us-west-2',
      '    login: ${environments.admin.aws.login}',
      '    userArn: arn:aws:iam::123456789012:user/deployer',
    ].join('\n'),
    docsUrl: `${DOCS}/rotated-secrets/aws-iam/`,
    remoteAction: 'creates and deletes access keys in AWS IAM',
  };
}

/** Returns the AWS entries. */
export function awsEntries(): CatalogueEntry[] {
  return [awsLogin(), awsSecrets(), awsParameterStore(), awsIam()];
}
