// State shared by every environment of one evaluation (the root and its imports).

import type { EnvironmentLoader, ProviderLoader } from '../host.js';
import type { Budget } from './limits.js';
import type { ProviderCalls } from './providerCalls.js';
import type { RotationState } from './rotation.js';
import type { EvalValue } from './value.js';
import type { Layered, LayerStacks } from './layers.js';
import type { ImportCache, ImportRecording } from './importCache.js';

/** The evaluation mode. */
export type Mode = 'check' | 'eval' | 'rotate';

/** One entry of the imports table: an environment being evaluated or already evaluated. */
export interface ImportEntry extends Layered {
  evaluating: boolean;
  /** The environment's value (its root object merged with its imports). */
  value: EvalValue | null;
  layers: Layered[];
  /** What its evaluation loaded and evaluated (recorded when an import cache is in use). */
  dependencies?: ImportRecording;
}

/** State shared across the environments of one evaluation. */
export interface Shared {
  readonly mode: Mode;
  /** Check mode only: decrypt ciphertexts. Always true in Eval and Rotate. */
  readonly showSecrets: boolean;
  /** Each environment is evaluated at most once per evaluation; cycles are detected here. */
  readonly imports: Map<string, ImportEntry>;
  readonly environments: EnvironmentLoader | undefined;
  readonly providers: ProviderLoader | undefined;
  readonly budget: Budget;
  /** Provider and rotator calls, cached across evaluation rounds (asynchronous providers). */
  readonly calls: ProviderCalls;
  /** Rotation selection and results (Rotate mode). */
  readonly rotation: RotationState;
  /** Combined import layers, shared between environments (see layers.ts). */
  readonly stacks: LayerStacks;
  /** Evaluated imports kept across evaluations by the host (Check mode only). */
  readonly importCache: ImportCache | undefined;
  /** The recordings of the imports being evaluated, innermost last. */
  readonly recordings: ImportRecording[];
}
