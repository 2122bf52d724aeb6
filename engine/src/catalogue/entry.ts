// What the catalogue knows about one official provider or rotator: its schemas in the engine's own
// schema form, its documentation, and what it needs from outside (for offline diagnostics).

import type { Schema } from '../schema/schema.js';

/** Whether an entry is opened with `fn::open::<name>` or rotated with `fn::rotate::<name>`. */
export type EntryKind = 'provider' | 'rotator';

/** One catalogue entry. Schemas are shared: treat them as immutable. */
export interface CatalogueEntry {
  readonly name: string;
  readonly kind: EntryKind;
  /** One sentence, for completion lists. */
  readonly summary: string;
  /** A few sentences of markdown, for hover. */
  readonly description: string;
  /** The schema of the inputs (for rotators: of `inputs`, not of the whole `{inputs, state}` argument). */
  readonly inputs: Schema;
  /** The schema of the value the call evaluates to. */
  readonly outputs: Schema;
  /** Rotators only: the schema of `state`. */
  readonly state?: Schema;
  /**
   * Rotators only: paths of the inputs evaluated only during rotation, e.g. `login` or
   * `database.managingUser` (the schemas record them on the `rotateOnly` lists of their objects).
   */
  readonly rotateOnly?: readonly string[];
  /** A complete call in YAML, starting with the builtin key (`fn::open::<name>:`). */
  readonly example: string;
  /** The reference documentation. */
  readonly docsUrl: string;
  /**
   * What the provider does that needs a remote service, completing "it ...", e.g. `reads AWS Secrets
   * Manager`. Used to explain why it cannot run offline.
   */
  readonly remoteAction: string;
}

/** The builtin key of an entry's short form: `fn::open::<name>` or `fn::rotate::<name>`. */
export function builtinKey(entry: Pick<CatalogueEntry, 'kind' | 'name'>): string {
  return (entry.kind === 'provider' ? 'fn::open::' : 'fn::rotate::') + entry.name;
}
