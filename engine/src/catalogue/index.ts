// The catalogue of ESC's official providers and rotators, written for ESC Local in the engine's
// schema form: what `fn::open::<name>` and `fn::rotate::<name>` take and give, with documentation.
// Pure data and pure checks: no I/O. The server's provider loader, the editor features and the
// generated JSON Schema of environment documents are all built from it.

import { compileSchema } from '../schema/compile.js';
import { goQuote } from '../util/goQuote.js';
import { didYouMean } from '../util/suggest.js';
import { builtinKey, type CatalogueEntry, type EntryKind } from './entry.js';
import { awsEntries } from './aws.js';
import { azureEntries } from './azure.js';
import { databaseEntries } from './databases.js';
import { dopplerEntries } from './doppler.js';
import { externalEntries } from './external.js';
import { gcpEntries } from './gcp.js';
import { githubEntries } from './github.js';
import { infisicalEntries } from './infisical.js';
import { onePasswordEntries } from './onepassword.js';
import { pulumiEntries } from './pulumi.js';
import { randomSecretEntries } from './randomSecrets.js';
import { snowflakeEntries } from './snowflake.js';
import { terraformEntries } from './terraform.js';
import { vaultEntries } from './vault.js';

export type { CatalogueEntry, EntryKind } from './entry.js';
export { builtinKey } from './entry.js';
export { executionContextSchema } from './context.js';

let entries: readonly CatalogueEntry[] | undefined;
let compiled = false;
let byKey: Map<string, CatalogueEntry> | undefined;

/** Returns every entry, providers first, each kind sorted by name, with compiled schemas. Built once; the schemas are shared. */
export function catalogue(): readonly CatalogueEntry[] {
  const all = allEntries();
  if (!compiled) {
    // Compiling records rotate-only inputs on the schemas, which documentation reads too.
    for (const e of all) compileEntry(e);
    compiled = true;
  }
  return all;
}

/** Compiles the schemas of one entry (idempotent): a command that loads one provider compiles only its schemas. */
function compileEntry(e: CatalogueEntry): CatalogueEntry {
  for (const s of [e.inputs, e.outputs, e.state]) if (s !== undefined) compileSchema(s);
  return e;
}

/** Builds the entries (once), without compiling their schemas. */
function allEntries(): readonly CatalogueEntry[] {
  if (entries === undefined) {
    const all = [
      ...awsEntries(),
      ...azureEntries(),
      ...gcpEntries(),
      ...vaultEntries(),
      ...onePasswordEntries(),
      ...dopplerEntries(),
      ...infisicalEntries(),
      ...snowflakeEntries(),
      ...githubEntries(),
      ...pulumiEntries(),
      ...terraformEntries(),
      ...externalEntries(),
      ...databaseEntries(),
      ...randomSecretEntries(),
    ];
    const order = (e: CatalogueEntry) => (e.kind === 'provider' ? 0 : 1);
    entries = Object.freeze(all.sort((a, b) => order(a) - order(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  }
  return entries;
}

/** Returns the entry of a provider or rotator by kind and name. */
export function catalogueEntry(kind: EntryKind, name: string): CatalogueEntry | undefined {
  if (byKey === undefined) byKey = new Map(allEntries().map((e) => [`${e.kind}:${e.name}`, e]));
  const e = byKey.get(`${kind}:${name}`);
  return e === undefined ? undefined : compileEntry(e);
}

/** Returns the provider named `name` (as in `fn::open::<name>`), if it is in the catalogue. */
export function providerEntry(name: string): CatalogueEntry | undefined {
  return catalogueEntry('provider', name);
}

/** Returns the rotator named `name` (as in `fn::rotate::<name>`), if it is in the catalogue. */
export function rotatorEntry(name: string): CatalogueEntry | undefined {
  return catalogueEntry('rotator', name);
}

/** Returns the names of the entries of one kind, sorted. */
export function catalogueNames(kind: EntryKind): string[] {
  return catalogue()
    .filter((e) => e.kind === kind)
    .map((e) => e.name);
}

/**
 * Returns the error of an unknown provider or rotator name: `unknown provider "x"`, with a
 * suggestion when a catalogue name is close, or a hint when the name is one of the other kind.
 */
export function unknownEntryMessage(kind: EntryKind, name: string): string {
  const message = `unknown ${kind} ${goQuote(name)}`;
  const suggestion = didYouMean(name, catalogueNames(kind));
  if (suggestion !== '') return message + suggestion;
  const other: EntryKind = kind === 'provider' ? 'rotator' : 'provider';
  if (catalogueEntry(other, name) !== undefined) return `${message}; ${name} is a ${other}: use ${builtinKey({ kind: other, name })}`;
  return message;
}
