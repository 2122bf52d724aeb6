// Infisical: logging in (infisical-login) and reading secrets (infisical-secrets).

import type { CatalogueEntry } from './entry.js';
import { subjectAttributes } from './oidc.js';
import { mapOf, obj, str } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations';

/** Returns the Infisical entries. */
export function infisicalEntries(): CatalogueEntry[] {
  const session = (description: string, title?: string) =>
    obj(
      description,
      { accessToken: str('The Infisical access token.'), siteUrl: str('The URL of the Infisical instance.') },
      ['accessToken'],
      title !== undefined ? { title } : {},
    );
  return [
    {
      name: 'infisical-login',
      kind: 'provider',
      summary: 'Logs in to Infisical with a machine identity, through OIDC or a client secret.',
      description:
        'Produces an Infisical access token for a machine identity: with `oidc`, by presenting an OIDC token from ' +
        'Pulumi Cloud; with `static`, by universal auth with a client ID and secret. Give exactly one of `oidc` and ' +
        '`static`. The output is what `infisical-secrets` takes as `login`.',
      inputs: obj('', {
        siteUrl: str('The URL of the Infisical instance (Infisical Cloud by default).'),
        oidc: obj(
          'Log in with an OIDC token issued by Pulumi Cloud.',
          { identityId: str('The ID of the machine identity.'), subjectAttributes: subjectAttributes() },
          ['identityId'],
        ),
        static: obj(
          'Log in with universal auth.',
          { clientId: str('The client ID of the machine identity.'), clientSecret: str('Its client secret.') },
          ['clientId', 'clientSecret'],
        ),
      }),
      outputs: session('An Infisical session.'),
      example: ['fn::open::infisical-login:', '  oidc:', '    identityId: 00000000-0000-0000-0000-000000000000'].join('\n'),
      docsUrl: `${DOCS}/dynamic-login-credentials/infisical-login/`,
      remoteAction: 'obtains an access token from Infisical',
    },
    {
      name: 'infisical-secrets',
      kind: 'provider',
      summary: 'Reads secrets from Infisical.',
      description:
        'Reads each secret listed under `get` (a key in an environment of a project) from Infisical, using the ' +
        'session in `login` (usually the output of `infisical-login`). The result maps each name to the secret value.',
      inputs: obj(
        '',
        {
          login: session('The session to read with, usually `${infisical.login}`.', 'InfisicalSecretsLogin'),
          get: mapOf(
            'The secrets to read, by the name they get in the result.',
            obj(
              'A secret to read.',
              {
                projectId: str('The project ID.'),
                environment: str('The environment slug, e.g. `dev` or `prod`.'),
                secretKey: str('The key of the secret.'),
                secretPath: str('The folder path of the secret (`/` by default).'),
                type: str('`shared` or `personal`.'),
              },
              ['projectId', 'environment', 'secretKey'],
              { title: 'InfisicalSecretsGet' },
            ),
            { minProperties: 1 },
          ),
        },
        ['get', 'login'],
      ),
      outputs: mapOf('The secret values, by name.', str('')),
      example: [
        'fn::open::infisical-secrets:',
        '  login: ${infisical.login}',
        '  get:',
        '    apiKey:',
        '      projectId: 00000000-0000-0000-0000-000000000000',
        '      environment: dev',
        '      secretKey: API_KEY',
      ].join('\n'),
      docsUrl: `${DOCS}/dynamic-secrets/infisical-secrets/`,
      remoteAction: 'reads secrets from Infisical',
    },
  ];
}
