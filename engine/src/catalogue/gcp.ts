// Google Cloud: logging in (gcp-login) and reading Secret Manager (gcp-secrets).

import type { Schema } from '../schema/schema.js';
import type { CatalogueEntry } from './entry.js';
import { duration, subjectAttributes } from './oidc.js';
import { mapOf, num, obj, str } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations';

/** Builds the GCP credentials that gcp-secrets takes as `login` (a subset of gcp-login's output). */
function gcpCredentials(description: string): Schema {
  return obj(
    description,
    {
      accessToken: str('The OAuth 2.0 access token.'),
      project: num('The project number.'),
      tokenType: str('The token type, e.g. `Bearer`.'),
    },
    ['accessToken', 'project', 'tokenType'],
    { title: 'GCPSecretsLogin' },
  );
}

function gcpLogin(): CatalogueEntry {
  return {
    name: 'gcp-login',
    kind: 'provider',
    summary: 'Logs in to Google Cloud with an access token or through workload identity federation (OIDC).',
    description:
      'Produces a Google Cloud access token for the project number `project`: either through workload identity ' +
      'federation (`oidc`, impersonating `serviceAccount`), or from an `accessToken` given, optionally impersonating ' +
      'a service account. Give exactly one of `oidc` and `accessToken`. The output is what `gcp-secrets` takes as `login`.',
    inputs: obj(
      '',
      {
        project: num('The project number (not the project ID): `gcloud projects describe ID --format="value(projectNumber)"`.'),
        oidc: obj(
          'Log in through workload identity federation with an OIDC token issued by Pulumi Cloud.',
          {
            workloadPoolId: str('The workload identity pool ID.'),
            providerId: str('The ID of the pool\'s identity provider that trusts Pulumi Cloud.'),
            serviceAccount: str('The email of the service account to impersonate.'),
            region: str('The region of the project.'),
            tokenLifetime: duration('How long the access token lasts.', { default: '1h' }),
            subjectAttributes: subjectAttributes(),
          },
          ['workloadPoolId', 'providerId', 'serviceAccount'],
        ),
        accessToken: obj(
          'Log in with an existing access token.',
          {
            accessToken: str('The access token.'),
            serviceAccount: str('A service account to impersonate with the token.'),
            tokenLifetime: duration('How long the impersonated token lasts.', { default: '1h' }),
          },
          ['accessToken'],
        ),
      },
      ['project'],
    ),
    outputs: obj(
      'Google Cloud credentials.',
      {
        accessToken: str('The access token.'),
        tokenType: str('The token type.'),
        expiry: str('When the token expires.'),
        project: num('The project number.'),
      },
      ['accessToken', 'project', 'tokenType'],
    ),
    example: [
      'fn::open::gcp-login:',
      '  project: 123456789012',
      '  oidc:',
      '    workloadPoolId: pulumi-esc',
      '    providerId: pulumi-esc',
      '    serviceAccount: esc-reader@my-project.iam.gserviceaccount.com',
    ].join('\n'),
    docsUrl: `${DOCS}/dynamic-login-credentials/gcp-login/`,
    remoteAction: 'obtains an access token from Google Cloud STS and IAM',
  };
}

function gcpSecrets(): CatalogueEntry {
  return {
    name: 'gcp-secrets',
    kind: 'provider',
    summary: 'Reads secrets from Google Cloud Secret Manager.',
    description:
      'Reads each secret listed under `access` from Secret Manager, using the credentials in `login` (usually the ' +
      'output of `gcp-login`). The result maps each name under `access` to the secret data.',
    inputs: obj(
      '',
      {
        login: gcpCredentials('The credentials to read with, usually `${gcp.login}`.'),
        access: mapOf(
          'The secrets to read, by the name they get in the result.',
          obj(
            'A secret to read.',
            { name: str('The name of the secret.'), version: num('A version number to read (latest by default).') },
            ['name'],
            { title: 'GCPSecretsAccess' },
          ),
          { minProperties: 1 },
        ),
      },
      ['access', 'login'],
    ),
    outputs: mapOf('The secret data, by name.', str('')),
    example: ['fn::open::gcp-secrets:', '  login: ${gcp.login}', '  access:', '    dbPassword:', '      name: db-password'].join('\n'),
    docsUrl: `${DOCS}/dynamic-secrets/gcp-secrets/`,
    remoteAction: 'reads Google Cloud Secret Manager',
  };
}

/** Returns the Google Cloud entries. */
export function gcpEntries(): CatalogueEntry[] {
  return [gcpLogin(), gcpSecrets()];
}
