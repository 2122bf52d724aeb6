// GitHub: installation access tokens of a GitHub App (gh-login).

import type { CatalogueEntry } from './entry.js';
import { list, num, obj, str } from './schemaBuilders.js';

// The permissions of a GitHub App installation token, as the GitHub API names them.
const PERMISSIONS = [
  'actions', 'administration', 'blocking', 'checks', 'content_references', 'contents', 'deployments', 'emails',
  'environments', 'followers', 'issues', 'members', 'metadata', 'organization_administration', 'organization_hooks',
  'organization_plan', 'organization_pre_receive_hooks', 'organization_projects', 'organization_secrets',
  'organization_self_hosted_runners', 'organization_user_blocking', 'packages', 'pages', 'pull_requests',
  'repository_hooks', 'repository_pre_receive_hooks', 'repository_projects', 'secret_scanning_alerts', 'secrets',
  'security_events', 'single_file', 'statuses', 'team_discussions', 'vulnerability_alerts', 'workflows',
] as const;

/** Returns the GitHub entries. */
export function githubEntries(): CatalogueEntry[] {
  const permissions = obj(
    'The permissions the token gets, each `read` or `write` (at most what the app has).',
    Object.fromEntries(PERMISSIONS.map((p) => [p, str(`Access level for \`${p}\`.`)])),
  );
  return [
    {
      name: 'gh-login',
      kind: 'provider',
      summary: 'Creates a GitHub App installation access token.',
      description:
        'Signs in as the GitHub App `appId` with its `privateKey` and creates an installation access token for the ' +
        'installation on `owner`, optionally narrowed to some `repositories` and `permissions`. Use `ghe` for ' +
        'GitHub Enterprise Server.',
      inputs: obj(
        '',
        {
          appId: num('The ID of the GitHub App.'),
          privateKey: str('A private key of the app, in PEM format (keep it in `fn::secret`).'),
          owner: str('The user or organization the app is installed on.'),
          repositories: list('Repositories the token is limited to (all of the installation\'s by default).', str('')),
          permissions,
          ghe: obj('Connect to GitHub Enterprise Server instead of github.com.', { host: str('The host name of the server.') }, ['host']),
        },
        ['appId', 'privateKey', 'owner'],
      ),
      outputs: obj(
        'An installation access token.',
        {
          accessToken: str('The installation access token.'),
          type: str('The kind of token.', { enum: ['installation'] }),
          expiry: str('When the token expires.'),
          appId: num('The ID of the GitHub App.'),
          appSlug: str('The slug of the GitHub App.'),
          installationId: num('The ID of the installation.'),
        },
        ['appId', 'appSlug', 'installationId', 'accessToken', 'expiry', 'type'],
      ),
      example: [
        'fn::open::gh-login:',
        '  appId: 123456',
        '  privateKey:',
        '    fn::secret: |',
        '      -----BEGIN RSA PRIVATE KEY-----',
        '      ...',
        '      -----END RSA PRIVATE KEY-----',
        '  owner: my-org',
        '  repositories:',
        '    - my-repo',
        '  permissions:',
        '    contents: read',
      ].join('\n'),
      docsUrl: 'https://www.pulumi.com/docs/esc/integrations/dynamic-login-credentials/gh-login/',
      remoteAction: 'creates an installation token through the GitHub API',
    },
  ];
}
