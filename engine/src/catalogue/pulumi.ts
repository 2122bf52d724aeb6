// Pulumi IaC: reading stack outputs (pulumi-stacks).

import type { CatalogueEntry } from './entry.js';
import { anyObject, mapOf, obj, str } from './schemaBuilders.js';

/** Returns the Pulumi entries. */
export function pulumiEntries(): CatalogueEntry[] {
  return [
    {
      name: 'pulumi-stacks',
      kind: 'provider',
      summary: 'Reads the outputs of Pulumi stacks.',
      description:
        'Reads the outputs of each stack listed under `stacks` (`project/stack`, in the same organization) from ' +
        'Pulumi Cloud. The result maps each name to that stack\'s outputs.',
      inputs: obj(
        '',
        {
          stacks: mapOf(
            'The stacks to read, by the name they get in the result.',
            obj(
              'A stack to read.',
              { stack: str('The stack, as `project/stack`.', { pattern: '^[a-zA-Z0-9-_.]{1,100}\\/[a-zA-Z0-9-_.]{1,100}$' }) },
              ['stack'],
              { title: 'PulumiStack' },
            ),
            { minProperties: 1 },
          ),
        },
        ['stacks'],
      ),
      outputs: anyObject('The outputs of each stack, by name.'),
      example: ['fn::open::pulumi-stacks:', '  stacks:', '    network:', '      stack: networking/prod'].join('\n'),
      docsUrl: 'https://www.pulumi.com/docs/esc/integrations/infrastructure/pulumi-iac/pulumi-stacks/',
      remoteAction: 'reads stack outputs from Pulumi Cloud',
    },
  ];
}
