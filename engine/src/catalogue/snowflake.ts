// Snowflake: logging in through OIDC (snowflake-login) and rotating a user's key pair (snowflake-user).

import type { CatalogueEntry } from './entry.js';
import { obj, str, withRotateOnly } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations';

function snowflakeLogin(): CatalogueEntry {
  return {
    name: 'snowflake-login',
    kind: 'provider',
    summary: 'Logs in to Snowflake through OIDC (external OAuth).',
    description:
      'Produces an OAuth token for the Snowflake user `oidc.user` in `oidc.account`, from an OIDC token issued by ' +
      'Pulumi Cloud (the account needs an external OAuth security integration trusting it). The output is what ' +
      '`snowflake-user` takes as `login`.',
    inputs: obj(
      '',
      {
        oidc: obj(
          'Log in with an OIDC token issued by Pulumi Cloud.',
          {
            account: str('The account identifier, `organization-account`.'),
            user: str('The login name of the user.'),
            role: str('The role to use in the session.'),
          },
          ['account', 'user'],
        ),
      },
      ['oidc'],
    ),
    outputs: obj(
      'A Snowflake session.',
      { account: str('The account identifier.'), user: str('The login name of the user.'), token: str('The OAuth token.') },
      ['account', 'token', 'user'],
    ),
    example: ['fn::open::snowflake-login:', '  oidc:', '    account: myorg-myaccount', '    user: ESC_USER', '    role: ESC_ROLE'].join('\n'),
    docsUrl: `${DOCS}/dynamic-login-credentials/snowflake-login/`,
    remoteAction: 'exchanges a Pulumi OIDC token for a Snowflake OAuth token',
  };
}

function snowflakeUser(): CatalogueEntry {
  const login = obj(
    'How to connect to Snowflake to rotate; evaluated only during rotation.',
    {
      account: str('The account identifier.'),
      user: str('The managing user to connect as; it must be allowed to alter the target user.'),
    },
    ['account', 'user'],
  );
  login.oneOf = [
    obj('', { privateKey: str('A private key (PEM) of the managing user.') }, ['privateKey']),
    obj('', { token: str('An OAuth token, e.g. from `snowflake-login`.') }, ['token']),
  ];
  const state = () =>
    obj(
      '',
      {
        account: str('The account identifier.'),
        privateKey: str('The private key (PEM).'),
        createdAt: str('When the key pair was generated (RFC 3339).'),
      },
      ['account', 'createdAt', 'privateKey'],
    );
  return {
    name: 'snowflake-user',
    kind: 'rotator',
    summary: 'Rotates the key pair of a Snowflake user.',
    description:
      'Each rotation generates a new RSA key pair for `targetUser` and installs its public key, keeping the previous ' +
      'one valid. `login` is rotate-only: it is evaluated only while rotating.',
    inputs: withRotateOnly(obj('', { login, targetUser: str('The user whose key pair rotates.') }, ['login', 'targetUser']), ['login']),
    state: state(),
    outputs: obj(
      '',
      {
        account: str('The account identifier.'),
        user: str('The rotated user.'),
        privateKey: str('The private key (PEM).'),
        rotatedAt: str('When the key pair was generated (RFC 3339).'),
      },
      ['account', 'privateKey', 'rotatedAt', 'user'],
    ),
    rotateOnly: ['login'],
    example: ['fn::rotate::snowflake-user:', '  inputs:', '    login: ${environments.admin.snowflake.login}', '    targetUser: APP_USER'].join('\n'),
    docsUrl: `${DOCS}/rotated-secrets/snowflake-user/`,
    remoteAction: 'installs a new public key on the Snowflake user',
  };
}

/** Returns the Snowflake entries. */
export function snowflakeEntries(): CatalogueEntry[] {
  return [snowflakeLogin(), snowflakeUser()];
}

