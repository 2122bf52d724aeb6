// Doppler: logging in through OIDC (doppler-login) and reading secrets (doppler-secrets).

import type { CatalogueEntry } from './entry.js';
import { subjectAttributes } from './oidc.js';
import { mapOf, obj, str } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations';
const UUID = '^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$';

/** Returns the Doppler entries. */
export function dopplerEntries(): CatalogueEntry[] {
  const session = (description: string) =>
    obj(description, { accessToken: str('The Doppler access token.') }, ['accessToken'], { title: 'DopplerSecretsLogin' });
  return [
    {
      name: 'doppler-login',
      kind: 'provider',
      summary: 'Logs in to Doppler through OIDC.',
      description:
        'Produces a short-lived Doppler access token for the service account identity `oidc.identityId`, which must ' +
        'trust OIDC tokens from Pulumi Cloud. The output is what `doppler-secrets` takes as `login`.',
      inputs: obj(
        '',
        {
          oidc: obj(
            'Log in with an OIDC token issued by Pulumi Cloud.',
            { identityId: str('The ID (a UUID) of the Doppler service account identity.', { pattern: UUID }), subjectAttributes: subjectAttributes() },
            ['identityId'],
          ),
        },
        ['oidc'],
      ),
      outputs: obj('A Doppler session.', { accessToken: str('The Doppler access token.') }, ['accessToken']),
      example: ['fn::open::doppler-login:', '  oidc:', '    identityId: 00000000-0000-0000-0000-000000000000'].join('\n'),
      docsUrl: `${DOCS}/dynamic-login-credentials/doppler-login/`,
      remoteAction: 'exchanges a Pulumi OIDC token for a Doppler token',
    },
    {
      name: 'doppler-secrets',
      kind: 'provider',
      summary: 'Reads secrets from a Doppler config.',
      description:
        'Reads each secret listed under `get` from the config `config` of the Doppler project `project`, using the ' +
        'token in `login` (usually the output of `doppler-login`). The result maps each name to the secret value.',
      inputs: obj(
        '',
        {
          login: session('The session to read with, usually `${doppler.login}`.'),
          project: str('The Doppler project.'),
          config: str('The config of the project, e.g. `dev` or `prd`.'),
          get: mapOf(
            'The secrets to read, by the name they get in the result.',
            obj('A secret to read.', { name: str('The name of the secret in Doppler.') }, ['name'], { title: 'DopplerSecretsGet' }),
            { minProperties: 1 },
          ),
        },
        ['config', 'get', 'login', 'project'],
      ),
      outputs: mapOf('The secret values, by name.', str('')),
      example: [
        'fn::open::doppler-secrets:',
        '  login: ${doppler.login}',
        '  project: backend',
        '  config: dev',
        '  get:',
        '    apiKey:',
        '      name: API_KEY',
      ].join('\n'),
      docsUrl: `${DOCS}/dynamic-secrets/doppler-secrets/`,
      remoteAction: 'reads secrets from Doppler',
    },
  ];
}
