// The provider loader of the CLI: the catalogue's providers and rotators (server/src/host/providers),
// with the workspace's fixtures. Check mode uses schemas only; Eval mode answers a call from a
// fixture, else a local implementation, else fails with a diagnostic saying why the provider needs a
// cloud and what to do instead; the value is then unknown, and `open`/`run` say which values could
// not be resolved.

import type { Diagnostic, ProviderLoader } from '../../../engine/src/index';
import { createProviderLoader, loadFixtures } from '../host/providers';

/** What a provider loader is for: checking (schemas only) or evaluating (opening providers). */
export type ProviderMode = 'check' | 'eval';

/** A provider loader with the problems found in the workspace's fixtures file. */
export interface WorkspaceProviders {
  readonly loader: ProviderLoader;
  readonly diagnostics: readonly Diagnostic[];
}

/** Returns the provider loader of a workspace root for a mode. */
export function workspaceProviders(mode: ProviderMode, root: string): WorkspaceProviders {
  const fixtures = loadFixtures(root);
  const loader = createProviderLoader(fixtures.fixtures === undefined ? { mode } : { mode, fixtures: fixtures.fixtures });
  return { loader, diagnostics: fixtures.diagnostics };
}
