// Messages of thrown values: host calls (providers, loaders, decrypters) may throw anything.

/** Returns the message of a thrown value. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
