// 1Password: reading items through a service account (1password-secrets).

import type { CatalogueEntry } from './entry.js';
import { mapOf, obj, str } from './schemaBuilders.js';

/** Returns the 1Password entries. */
export function onePasswordEntries(): CatalogueEntry[] {
  return [
    {
      name: '1password-secrets',
      kind: 'provider',
      summary: 'Reads secrets from 1Password with a service account.',
      description:
        'Resolves each secret reference listed under `get` (`op://vault/item/[section/]field`) with the 1Password ' +
        'service account token in `login`. The result maps each name under `get` to the field\'s value.',
      inputs: obj(
        '',
        {
          login: obj(
            'How to log in to 1Password.',
            { serviceAccountToken: str('The service account token (keep it in `fn::secret`).') },
            ['serviceAccountToken'],
            { title: '1PasswordSecretsLogin' },
          ),
          get: mapOf(
            'The secrets to read, by the name they get in the result.',
            obj(
              'A secret to read.',
              { ref: str('A secret reference, `op://vault/item/[section/]field`, with optional query parameters.', { pattern: 'op://.+' }) },
              ['ref'],
              { title: '1PasswordSecretsGet' },
            ),
            { minProperties: 1 },
          ),
        },
        ['get', 'login'],
      ),
      outputs: mapOf('The secret values, by name.', str('')),
      example: [
        'fn::open::1password-secrets:',
        '  login:',
        '    serviceAccountToken:',
        '      fn::secret: ops_example-token',
        '  get:',
        '    stripeKey:',
        '      ref: op://payments/Stripe/secret-key',
      ].join('\n'),
      docsUrl: 'https://www.pulumi.com/docs/esc/integrations/dynamic-secrets/1password-secrets/',
      remoteAction: 'reads items from 1Password',
    },
  ];
}
