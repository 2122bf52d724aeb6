// What ESC Local says when a provider or rotator needs a remote service: why, and what to do.

import type { CatalogueEntry } from '../../../../engine/src/index';

/** Where fixtures live, relative to the workspace root (also shown in messages). */
export const FIXTURES_FILE = '.esc-local/fixtures.yaml';

/** An error of a call that cannot be answered on this machine (its message becomes the diagnostic). */
export class NotAvailableLocally extends Error {}

/**
 * The error of a provider that needs a remote service. `mode` names the input that selects the
 * remote way (e.g. `oidc`) when the provider also has a local one (`alternative`).
 */
export function providerUnavailable(entry: CatalogueEntry, fixturesFile: string, mode?: { input: string; alternative: string }): NotAvailableLocally {
  const what = mode === undefined ? '' : ` with ${mode.input}`;
  const instead = mode === undefined ? '' : `${mode.alternative}, or `;
  return new NotAvailableLocally(
    `provider ${entry.name} is not available locally${what}: it ${entry.remoteAction}; ` +
      `${instead}add an entry for ${entry.name} to ${fixturesFile} to open this environment offline`,
  );
}

/** The error of a rotator whose rotation needs a remote service. */
export function rotationUnavailable(entry: CatalogueEntry): NotAvailableLocally {
  return new NotAvailableLocally(
    `rotator ${entry.name} cannot rotate locally: it ${entry.remoteAction}; rotate it with Pulumi ESC (esc env rotate)`,
  );
}

/** The error of opening a rotator that has never been rotated, when its outputs need a state. */
export function noStateYet(entry: CatalogueEntry): NotAvailableLocally {
  return new NotAvailableLocally(`rotator ${entry.name} has no state yet: rotate it first, or write its state into the document`);
}
