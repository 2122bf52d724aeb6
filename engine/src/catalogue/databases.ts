// Database users: rotating the passwords of a pair of MySQL or PostgreSQL users (mysql, postgres),
// through a rotator Lambda that can reach the database.

import type { Schema } from '../schema/schema.js';
import type { CatalogueEntry } from './entry.js';
import { awsCredentials } from './aws.js';
import { num, obj, oneOf, str, withRotateOnly } from './schemaBuilders.js';

const DOCS = 'https://www.pulumi.com/docs/esc/integrations/rotated-secrets';

function databaseInputs(engine: string): Schema {
  const connector = oneOf(
    'How Pulumi Cloud reaches the database.',
    [
      obj(
        '',
        {
          awsLambda: obj(
            'Through the ESC rotator Lambda deployed next to the database.',
            {
              lambdaArn: str('The ARN of the rotator Lambda.'),
              login: awsCredentials('Credentials allowed to invoke the Lambda.'),
            },
            ['lambdaArn', 'login'],
          ),
        },
        ['awsLambda'],
      ),
    ],
    'object',
  );
  const database = withRotateOnly(
    obj(
      `The ${engine} database.`,
      {
        connector,
        host: str('The host name of the database.'),
        port: num('The port of the database.'),
        database: str('The database name.'),
        managingUser: obj(
          'A user allowed to change the passwords of the rotated users; evaluated only during rotation.',
          { username: str('Its user name.'), password: str('Its password.') },
          ['password', 'username'],
        ),
      },
      ['host', 'port', 'database', 'managingUser'],
    ),
    ['managingUser'],
  );
  const rotateUsers = obj(
    'The two users that take turns: each rotation sets a new password on the one not in use.',
    { username1: str('The first user.'), username2: str('The second user.') },
    ['username1', 'username2'],
  );
  return obj('', { database, rotateUsers }, ['database', 'rotateUsers']);
}

function credentialsPair(): Schema {
  const user = () => obj('', { username: str('The user name.'), password: str('The password.') }, ['password', 'username']);
  const s = obj('', { current: user(), previous: user() });
  s.properties!.get('current')!.description = 'The user and password now in use.';
  s.properties!.get('previous')!.description = 'The user and password in use before.';
  return s;
}

function databaseRotator(name: 'mysql' | 'postgres', engine: string, port: number): CatalogueEntry {
  return {
    name,
    kind: 'rotator',
    summary: `Rotates the passwords of a pair of ${engine} users.`,
    description:
      `Keeps two ${engine} users and, at each rotation, sets a new password on the one not in use and makes it ` +
      'current, so connections with the previous credentials keep working until the next rotation. ' +
      '`database.managingUser` is rotate-only: it is evaluated only while rotating.',
    inputs: databaseInputs(engine),
    state: credentialsPair(),
    outputs: credentialsPair(),
    rotateOnly: ['database.managingUser'],
    example: [
      `fn::rotate::${name}:`,
      '  inputs:',
      '    database:',
      '      connector:',
      '        awsLambda:',
      '          login: ${environments.admin.aws.login}',
      '          lambdaArn: arn:aws:lambda:us-west-2:123456789012:function:esc-rotator',
      '      host: db.internal.example.com',
      `      port: ${port}`,
      '      database: app',
      '      managingUser: ${environments.admin.db.managingUser}',
      '    rotateUsers:',
      '      username1: app_blue',
      '      username2: app_green',
    ].join('\n'),
    docsUrl: `${DOCS}/${name}/`,
    remoteAction: `changes user passwords in the ${engine} database through the rotator Lambda`,
  };
}

/** Returns the database entries. */
export function databaseEntries(): CatalogueEntry[] {
  return [databaseRotator('mysql', 'MySQL', 3306), databaseRotator('postgres', 'PostgreSQL', 5432)];
}
