// External adapters: a provider (external) and a rotator (external) backed by an HTTPS service of
// the user's own, called by Pulumi Cloud with a signed request.

import type { CatalogueEntry } from './entry.js';
import { anyObject, bool, obj, str, withRotateOnly } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations';
const HTTPS = '^https://';

/** Returns the external adapter entries. */
export function externalEntries(): CatalogueEntry[] {
  const request = () => anyObject('The JSON body sent to the adapter.', { default: new Map() });
  const state = () => obj('', { current: anyObject('What the adapter returned at the last rotation.') });
  return [
    {
      name: 'external',
      kind: 'provider',
      summary: 'Calls an adapter service of your own over HTTPS and returns its response.',
      description:
        'Sends `request` to the adapter at `url` (HTTPS only) with a request signed by Pulumi Cloud, and returns the ' +
        'JSON response under `response`, as a secret unless `secret: false`.',
      inputs: obj(
        '',
        {
          url: str('The URL of the adapter; it must use HTTPS.', { pattern: HTTPS }),
          request: request(),
          secret: bool('Mark the response secret.', { default: true }),
        },
        ['url'],
      ),
      outputs: obj('', { response: anyObject('The JSON response of the adapter.') }, ['response']),
      example: ['fn::open::external:', '  url: https://adapter.example.com/esc', '  request:', '    team: payments'].join('\n'),
      docsUrl: `${DOCS}/dynamic-secrets/external/`,
      remoteAction: 'calls an external adapter service',
    },
    {
      name: 'external',
      kind: 'rotator',
      summary: 'Rotates a secret through an adapter service of your own.',
      description:
        'At each rotation, sends `request` (rotate-only) to the adapter at `url` (HTTPS only) and keeps the JSON it ' +
        'returns as the new state, under `current`.',
      inputs: withRotateOnly(
        obj('', { url: str('The URL of the adapter; it must use HTTPS.', { pattern: HTTPS }), request: request() }, ['url']),
        ['request'],
      ),
      state: state(),
      outputs: state(),
      rotateOnly: ['request'],
      example: ['fn::rotate::external:', '  inputs:', '    url: https://adapter.example.com/rotate', '    request:', '      user: app'].join('\n'),
      docsUrl: `${DOCS}/rotated-secrets/external/`,
      remoteAction: 'calls an external adapter service',
    },
  ];
}

