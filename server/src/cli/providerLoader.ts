// The provider loader of the CLI. Check mode needs only schemas; Eval mode runs providers. Until the
// provider catalogue and the local providers are wired in (server/src/host/providers), no provider
// schema is known, so Check accepts any inputs and types outputs as "anything", and Eval reports each
// provider as not available locally: a diagnostic on the call and an unknown value, never a crash.

import { always, type Provider, type ProviderLoader, type Rotator } from '../../../engine/src/index';

/** What a provider loader is for: checking (schemas only) or evaluating (opening providers). */
export type ProviderMode = 'check' | 'eval';

/** Returns the CLI's provider loader for a mode. */
export function localProviderLoader(_mode: ProviderMode): ProviderLoader {
  return {
    loadProvider(name: string): Provider {
      return {
        schema: () => ({ inputs: always(), outputs: always() }),
        open: () => {
          throw new Error(unavailable('provider', name));
        },
      };
    },
    loadRotator(name: string): Rotator {
      const fail = () => {
        throw new Error(unavailable('rotator', name));
      };
      return { schema: () => ({ inputs: always(), state: always(), outputs: always() }), open: fail, rotate: fail };
    },
  };
}

/** The message of a provider or rotator that cannot run on this machine. */
export function unavailable(kind: 'provider' | 'rotator', name: string): string {
  return (
    `${kind} ${name} is not available locally: ESC Local does not call cloud services; ` +
    `open this environment with Pulumi ESC (esc open) to resolve it`
  );
}
