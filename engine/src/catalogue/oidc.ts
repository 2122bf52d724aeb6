// Shapes shared by the login providers: the OIDC subject attributes and Go-style durations.

import type { Schema } from '../schema/schema.js';
import { list, str, type SchemaExtras } from './schemaBuilders.js';

/** The execution-context attributes Pulumi Cloud may put in the subject of an OIDC token. */
export const SUBJECT_ATTRIBUTES = [
  'pulumi.user.login',
  'pulumi.organization.login',
  'pulumi.token.type',
  'pulumi.token.team',
  'currentEnvironment.name',
  'rootEnvironment.name',
] as const;

/** The pattern of durations such as `1h`, `30m` or `1h30m`. */
export const DURATION_PATTERN = '^([0-9]+h)?([0-9]+m)?([0-9]+s)?$';

/** Builds the `subjectAttributes` input of OIDC logins. */
export function subjectAttributes(): Schema {
  return list(
    'Execution-context attributes to include in the subject of the OIDC token, so the trust policy can match on them.',
    str('', { enum: SUBJECT_ATTRIBUTES }),
  );
}

/** Builds a duration input (e.g. `1h30m`). */
export function duration(description: string, extras: SchemaExtras = {}): Schema {
  return str(description, { pattern: DURATION_PATTERN, ...extras });
}
