// The schema of the execution context, `${context.*}`: what Pulumi Cloud tells an environment about
// who opens it, and the names of the environments being evaluated. ESC Local fills `pulumi.*` from
// the user's settings; the engine adds the environment names.

import type { Schema } from '../schema/schema.js';
import { obj, str } from './schemaBuilders.js';

/** Returns the schema of the execution context. */
export function executionContextSchema(): Schema {
  return obj(
    'What the environment knows about how it is opened.',
    {
      pulumi: obj('Who opens the environment, in Pulumi Cloud.', {
        user: obj('The user opening the environment.', {
          id: str('The ID of the user.'),
          login: str('The login name of the user.'),
        }),
        organization: obj('The organization the environment belongs to.', { login: str('The login name of the organization.') }),
        token: obj('The access token used to open the environment.', {
          type: str('The kind of token: `personal`, `organization` or `team`.'),
          team: str('The team of a team token.'),
        }),
      }),
      currentEnvironment: obj('The environment this expression belongs to.', { name: str('Its name.') }, ['name']),
      rootEnvironment: obj('The environment being opened (the root of the imports).', { name: str('Its name.') }, ['name']),
    },
    ['currentEnvironment', 'rootEnvironment'],
  );
}
