// HashiCorp Vault: logging in (vault-login) and reading secrets (vault-secrets).

import type { Schema } from '../schema/schema.js';
import { typed } from '../schema/schema.js';
import type { CatalogueEntry } from './entry.js';
import { duration, subjectAttributes } from './oidc.js';
import { anyObject, list, mapOf, obj, str } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations';

/** Builds the Vault session: what vault-login outputs and vault-secrets takes as `login`. */
function vaultSession(description: string): Schema {
  return obj(
    description,
    {
      address: str('The URL of the Vault server.'),
      token: str('The token of the session.'),
      namespace: str('The namespace of the session (Vault Enterprise).'),
    },
    ['address', 'token'],
    { title: 'VaultSecretsLogin' },
  );
}

function vaultLogin(): CatalogueEntry {
  const metadata = typed('object');
  metadata.description = 'Metadata to attach to the child token.';
  return {
    name: 'vault-login',
    kind: 'provider',
    summary: 'Logs in to HashiCorp Vault with a token or through JWT/OIDC.',
    description:
      'Produces a Vault session for the server at `address`: with `jwt`, by presenting an OIDC token from Pulumi ' +
      'Cloud to a JWT auth role; with `token`, by creating a short-lived child of the token given. Give exactly one ' +
      'of `jwt` and `token`. The output is what `vault-secrets` takes as `login`.',
    inputs: obj(
      '',
      {
        address: str('The URL of the Vault server: a scheme and a host (and port), no path.'),
        namespace: str('The namespace to log in to (Vault Enterprise).'),
        jwt: obj(
          'Log in through a JWT auth role with an OIDC token issued by Pulumi Cloud.',
          {
            role: str('The JWT auth role to log in with.'),
            mount: str('The mount path of the JWT auth method (`jwt` by default).'),
            subjectAttributes: subjectAttributes(),
          },
          ['role'],
        ),
        token: obj(
          'Log in by creating a short-lived child of an existing token.',
          {
            token: str('The parent token.'),
            displayName: str('The display name of the child token.', { default: 'pulumi' }),
            maxTtl: duration('The longest the child token may live.', { default: '2h' }),
            policies: list('Policies to give the child token.', str('')),
            metadata,
          },
          ['token'],
        ),
      },
      ['address'],
    ),
    outputs: vaultSession('A Vault session.'),
    example: ['fn::open::vault-login:', '  address: https://vault.example.com:8200', '  jwt:', '    role: esc-reader'].join('\n'),
    docsUrl: `${DOCS}/dynamic-login-credentials/vault-login/`,
    remoteAction: 'logs in to the Vault server',
  };
}

function vaultSecrets(): CatalogueEntry {
  return {
    name: 'vault-secrets',
    kind: 'provider',
    summary: 'Reads secrets from HashiCorp Vault.',
    description:
      'Reads each path listed under `read` from Vault, using the session in `login` (usually the output of ' +
      '`vault-login`). The result maps each name under `read` to the data read, or to one `field` of it.',
    inputs: obj(
      '',
      {
        login: vaultSession('The session to read with, usually `${vault.login}`.'),
        read: mapOf(
          'The paths to read, by the name they get in the result.',
          obj(
            'A path to read.',
            { path: str('The path to read, e.g. `secret/data/myapp`.'), field: str('One field of the data to return instead of all of it.') },
            ['path'],
            { title: 'VaultSecretsRead' },
          ),
          { minProperties: 1 },
        ),
      },
      ['login', 'read'],
    ),
    outputs: anyObject('The data read, by name.'),
    example: [
      'fn::open::vault-secrets:',
      '  login: ${vault.login}',
      '  read:',
      '    db:',
      '      path: secret/data/myapp/db',
      '      field: password',
    ].join('\n'),
    docsUrl: `${DOCS}/dynamic-secrets/vault-secrets/`,
    remoteAction: 'reads secrets from the Vault server',
  };
}

/** Returns the Vault entries. */
export function vaultEntries(): CatalogueEntry[] {
  return [vaultLogin(), vaultSecrets()];
}
