// The provider loader of ESC Local: every provider and rotator of the catalogue, with its schemas.
// In Check mode nothing is ever opened (the engine does not call `open` then; the loader refuses
// too, so an editor can never run anything). In Eval and Rotate modes a provider call is answered by
// a matching fixture, else by the local implementation, else fails saying why it needs a cloud.

import {
  providerEntry,
  rotatorEntry,
  unknownEntryMessage,
  type ExecContext,
  type Provider,
  type ProviderLoader,
  type Rotator,
  type Value,
} from '../../../../engine/src/index';
import type { Fixtures } from './fixtures';
import { LOCAL_PROVIDERS } from './localProviders';
import { FIXTURES_FILE, providerUnavailable } from './messages';
import { secureRandom, type RandomSource } from './random';
import { openRotator, rotateRotator } from './rotators';

/** Options of the provider loader. */
export interface ProviderLoaderOptions {
  /** `check`: schemas only (editing); `eval`: providers and rotators run (open, run, rotate). */
  readonly mode: 'check' | 'eval';
  /** The workspace's fixtures, if any. */
  readonly fixtures?: Fixtures;
  /** The randomness of generated secrets (the CSPRNG unless a test says otherwise). */
  readonly random?: RandomSource;
}

/** Creates the loader of the catalogue's providers and rotators. */
export function createProviderLoader(options: ProviderLoaderOptions): ProviderLoader {
  const fixturesFile = options.fixtures?.file ?? FIXTURES_FILE;
  const random = options.random ?? secureRandom;
  const refuseInCheck = (what: string) => {
    if (options.mode === 'check') throw new Error(`${what} is not run while checking`);
  };
  return {
    loadProvider(name: string): Provider {
      const entry = providerEntry(name);
      if (entry === undefined) throw new Error(unknownEntryMessage('provider', name));
      return {
        schema: () => ({ inputs: entry.inputs, outputs: entry.outputs }),
        open(inputs: Map<string, Value>, context: ExecContext): Value {
          refuseInCheck(`provider ${name}`);
          const fixture = options.fixtures?.find(name, context.currentEnvironmentName, inputs);
          if (fixture !== undefined) return fixture;
          const local = LOCAL_PROVIDERS.get(name);
          if (local === undefined) throw providerUnavailable(entry, fixturesFile);
          return local(entry, inputs, fixturesFile);
        },
      };
    },
    loadRotator(name: string): Rotator {
      const entry = rotatorEntry(name);
      if (entry === undefined) throw new Error(unknownEntryMessage('rotator', name));
      return {
        schema: () => ({ inputs: entry.inputs, state: entry.state!, outputs: entry.outputs }),
        open(inputs, state) {
          refuseInCheck(`rotator ${name}`);
          return openRotator(entry, inputs, state);
        },
        rotate(inputs, state) {
          refuseInCheck(`rotator ${name}`);
          return rotateRotator(entry, inputs, state, random);
        },
      };
    },
  };
}
