// Microsoft Azure: logging in (azure-login), reading Key Vault (azure-secrets), and rotating the
// client secrets of an app registration (azure-app-secret).

import type { Schema } from '../schema/schema.js';
import type { CatalogueEntry } from './entry.js';
import { subjectAttributes } from './oidc.js';
import { bool, mapOf, num, obj, str, withRotateOnly } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations';

/** Builds the Azure credentials object: what azure-login outputs and what the other Azure integrations take as `login`. */
export function azureCredentials(description: string): Schema {
  return obj(
    description,
    {
      clientId: str('The client (application) ID.'),
      tenantId: str('The directory (tenant) ID.'),
      subscriptionId: str('The subscription ID.'),
      clientSecret: str('The client secret, when logging in with one.'),
      oidc: obj('The OIDC token, when logging in through OIDC.', { token: str('The OIDC token to present to Azure.') }, ['token']),
    },
    ['clientId', 'tenantId'],
  );
}

function azureLogin(): CatalogueEntry {
  return {
    name: 'azure-login',
    kind: 'provider',
    summary: 'Logs in to Azure with a client secret or through OIDC.',
    description:
      'Produces Azure credentials for the app registration `clientId` in `tenantId`: with `oidc: true`, an OIDC token ' +
      'from Pulumi Cloud (the app needs a federated credential trusting it); otherwise the `clientSecret` given. ' +
      'The output is what `azure-secrets` and `azure-app-secret` take as `login`.',
    inputs: obj(
      '',
      {
        clientId: str('The client (application) ID of the app registration.'),
        tenantId: str('The directory (tenant) ID.'),
        subscriptionId: str('The subscription ID to use.'),
        clientSecret: str('A client secret of the app registration (static login).'),
        oidc: bool('Log in with an OIDC token issued by Pulumi Cloud.'),
        subjectAttributes: subjectAttributes(),
      },
      ['clientId', 'tenantId'],
    ),
    outputs: azureCredentials('Azure credentials.'),
    example: [
      'fn::open::azure-login:',
      '  clientId: 00000000-0000-0000-0000-000000000001',
      '  tenantId: 00000000-0000-0000-0000-000000000002',
      '  subscriptionId: 00000000-0000-0000-0000-000000000003',
      '  oidc: true',
    ].join('\n'),
    docsUrl: `${DOCS}/dynamic-login-credentials/azure-login/`,
    remoteAction: 'exchanges a Pulumi OIDC token for Azure credentials with Microsoft Entra ID',
  };
}

function azureSecrets(): CatalogueEntry {
  return {
    name: 'azure-secrets',
    kind: 'provider',
    summary: 'Reads secrets from Azure Key Vault.',
    description:
      'Reads each secret listed under `get` from the Key Vault named `vault`, using the credentials in `login` ' +
      '(usually the output of `azure-login`). The result maps each name under `get` to the secret value.',
    inputs: obj(
      '',
      {
        login: azureCredentials('The credentials to read with, usually `${azure.login}`.'),
        vault: str('The name of the Key Vault.'),
        get: mapOf(
          'The secrets to read, by the name they get in the result.',
          obj(
            'A secret to read.',
            { name: str('The name of the secret in the vault.'), version: str('A specific version to read (latest by default).') },
            ['name'],
            { title: 'AzureSecretsGet' },
          ),
          { minProperties: 1 },
        ),
      },
      ['get', 'login', 'vault'],
    ),
    outputs: mapOf('The secret values, by name.', str('')),
    example: [
      'fn::open::azure-secrets:',
      '  login: ${azure.login}',
      '  vault: my-key-vault',
      '  get:',
      '    storageKey:',
      '      name: storage-account-key',
    ].join('\n'),
    docsUrl: `${DOCS}/dynamic-secrets/azure-secrets/`,
    remoteAction: 'reads Azure Key Vault',
  };
}

/** Builds the state (and output) of azure-app-secret: the current and previous client secrets. */
function appSecrets(): Schema {
  const secret = (description: string) =>
    obj(
      description,
      {
        secretValue: str('The client secret.'),
        secretId: str('The key ID of the client secret.'),
        createdAt: str('When the secret was created.'),
        expiresAt: str('When the secret expires.'),
      },
      ['secretValue', 'secretId'],
    );
  return obj('', { current: secret('The newest client secret.'), previous: secret('The client secret before it.') }, ['current']);
}

function azureAppSecret(): CatalogueEntry {
  return {
    name: 'azure-app-secret',
    kind: 'rotator',
    summary: 'Rotates the client secret of an Azure app registration.',
    description:
      'Each rotation adds a new client secret to the app registration `clientId` and keeps the previous one. ' +
      '`login` (credentials allowed to manage the app) is rotate-only: it is evaluated only while rotating.',
    inputs: withRotateOnly(
      obj(
        '',
        {
          login: azureCredentials('Credentials allowed to manage the app registration; evaluated only during rotation.'),
          clientId: str('The client (application) ID of the app registration whose secret rotates.'),
          lifetimeInDays: num('How many days each new secret stays valid.', { default: 180, minimum: 1, maximum: 730 }),
        },
        ['login', 'clientId'],
      ),
      ['login'],
    ),
    state: appSecrets(),
    outputs: appSecrets(),
    rotateOnly: ['login'],
    example: [
      'fn::rotate::azure-app-secret:',
      '  inputs:',
      '    login: ${environments.admin.azure.login}',
      '    clientId: 00000000-0000-0000-0000-000000000001',
      '    lifetimeInDays: 90',
    ].join('\n'),
    docsUrl: `${DOCS}/rotated-secrets/azure-app-secret/`,
    remoteAction: 'creates client secrets through Microsoft Graph',
  };
}

/** Returns the Azure entries. */
export function azureEntries(): CatalogueEntry[] {
  return [azureLogin(), azureSecrets(), azureAppSecret()];
}
