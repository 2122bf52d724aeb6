// Terraform: reading outputs from state in S3 or Terraform Cloud (terraform-state).

import type { CatalogueEntry } from './entry.js';
import { awsCredentials } from './aws.js';
import { anyObject, obj, oneOf, str } from './schemaBuilders.js';

/** Returns the Terraform entries. */
export function terraformEntries(): CatalogueEntry[] {
  const s3 = obj(
    '',
    {
      s3: obj(
        'Read the state file from an S3 bucket.',
        {
          bucket: str('The bucket holding the state file.'),
          key: str('The object key of the state file.'),
          region: str('The region of the bucket.'),
          login: awsCredentials('The credentials to read with, e.g. `${aws.login}`.'),
        },
        ['bucket', 'key', 'login', 'region'],
        { title: 'TerraformS3Backend' },
      ),
    },
    ['s3'],
  );
  const remote = obj(
    '',
    {
      remote: obj(
        'Read the state from Terraform Cloud or Enterprise.',
        {
          organization: str('The organization.'),
          workspace: str('The workspace.'),
          token: str('An API token (keep it in `fn::secret`).'),
          hostname: str('The host name of the service.', { default: 'app.terraform.io' }),
        },
        ['organization', 'workspace', 'token'],
        { title: 'TerraformRemoteBackend' },
      ),
    },
    ['remote'],
  );
  return [
    {
      name: 'terraform-state',
      kind: 'provider',
      summary: 'Reads the outputs of a Terraform state, from S3 or Terraform Cloud.',
      description:
        'Reads the root module outputs of a Terraform state kept in an S3 bucket (`backend.s3`) or in Terraform ' +
        'Cloud/Enterprise (`backend.remote`). The result holds them under `outputs`.',
      inputs: obj('', { backend: oneOf('Where the state is: exactly one of `s3` and `remote`.', [s3, remote]) }, ['backend']),
      outputs: obj('', { outputs: anyObject('The outputs of the state, by name.') }, ['outputs']),
      example: [
        'fn::open::terraform-state:',
        '  backend:',
        '    s3:',
        '      login: ${aws.login}',
        '      bucket: my-terraform-state',
        '      key: network/terraform.tfstate',
        '      region: us-west-2',
      ].join('\n'),
      docsUrl: 'https://www.pulumi.com/docs/esc/integrations/infrastructure/terraform/terraform-state/',
      remoteAction: 'reads Terraform state from S3 or Terraform Cloud',
    },
  ];
}
