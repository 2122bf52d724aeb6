// Providers ESC Local runs itself: those whose outputs follow from their inputs alone.
//
// - aws-login with `static`: the keys given, as they are.
// - azure-login with `clientSecret` (not `oidc: true`): the app's IDs and secret, as they are.
// - gcp-login with `accessToken` and no `serviceAccount`: the token given (type `Bearer`) and the
//   project; impersonating a service account needs Google's IAM service.
// - vault-login with `token`: the parent token itself. Pulumi ESC creates a short-lived child token
//   (which needs the Vault server); locally the session uses the token given, so `maxTtl`,
//   `policies`, `displayName` and `metadata` have no effect.
// Every other way of logging in, and every provider that reads a remote store, is not available
// locally: the call fails with a message saying why and pointing at fixtures.

import type { CatalogueEntry, Value } from '../../../../engine/src/index';
import { providerUnavailable } from './messages';
import { booleanAt, objectAt, objectValue, stringAt, value } from './values';

/** Opens a provider locally, or throws why it cannot be. */
export type LocalOpen = (entry: CatalogueEntry, inputs: ReadonlyMap<string, Value>, fixturesFile: string) => Value;

const str = (s: string | undefined, secret = false): Value | undefined => (s === undefined ? undefined : value(s, secret));

function awsLogin(entry: CatalogueEntry, inputs: ReadonlyMap<string, Value>, fixturesFile: string): Value {
  if (inputs.has('oidc')) throw providerUnavailable(entry, fixturesFile, { input: 'oidc', alternative: 'use static credentials' });
  const creds = objectAt(inputs, 'static');
  if (creds === undefined) throw new Error('aws-login needs one of oidc and static');
  return objectValue(
    [
      ['accessKeyId', str(stringAt(creds, 'accessKeyId'))],
      ['secretAccessKey', str(stringAt(creds, 'secretAccessKey'))],
      ['sessionToken', str(stringAt(creds, 'sessionToken'))],
    ],
    true,
  );
}

function azureLogin(entry: CatalogueEntry, inputs: ReadonlyMap<string, Value>, fixturesFile: string): Value {
  if (booleanAt(inputs, 'oidc', false)) throw providerUnavailable(entry, fixturesFile, { input: 'oidc', alternative: 'use a clientSecret' });
  const secret = stringAt(inputs, 'clientSecret');
  if (secret === undefined) throw new Error('azure-login needs oidc: true or a clientSecret');
  return objectValue(
    [
      ['clientId', str(stringAt(inputs, 'clientId'))],
      ['tenantId', str(stringAt(inputs, 'tenantId'))],
      ['subscriptionId', str(stringAt(inputs, 'subscriptionId'))],
      ['clientSecret', str(secret)],
    ],
    true,
  );
}

function gcpLogin(entry: CatalogueEntry, inputs: ReadonlyMap<string, Value>, fixturesFile: string): Value {
  if (inputs.has('oidc')) throw providerUnavailable(entry, fixturesFile, { input: 'oidc', alternative: 'use an accessToken' });
  const login = objectAt(inputs, 'accessToken');
  if (login === undefined) throw new Error('gcp-login needs one of oidc and accessToken');
  if (login.has('serviceAccount')) {
    throw providerUnavailable(entry, fixturesFile, { input: 'a serviceAccount to impersonate', alternative: 'use an accessToken without serviceAccount' });
  }
  return objectValue(
    [
      ['accessToken', str(stringAt(login, 'accessToken'))],
      ['tokenType', value('Bearer')],
      ['project', inputs.get('project')],
    ],
    true,
  );
}

function vaultLogin(entry: CatalogueEntry, inputs: ReadonlyMap<string, Value>, fixturesFile: string): Value {
  if (inputs.has('jwt')) throw providerUnavailable(entry, fixturesFile, { input: 'jwt', alternative: 'use token' });
  const login = objectAt(inputs, 'token');
  if (login === undefined) throw new Error('vault-login needs one of jwt and token');
  return objectValue(
    [
      ['address', str(stringAt(inputs, 'address'))],
      ['namespace', str(stringAt(inputs, 'namespace'))],
      ['token', str(stringAt(login, 'token'))],
    ],
    true,
  );
}

/** The providers ESC Local runs itself, by name. */
export const LOCAL_PROVIDERS: ReadonlyMap<string, LocalOpen> = new Map<string, LocalOpen>([
  ['aws-login', awsLogin],
  ['azure-login', azureLogin],
  ['gcp-login', gcpLogin],
  ['vault-login', vaultLogin],
]);
