// The guard around every request handler: a bug in a feature becomes a logged error and an empty
// answer, never a crashed or wedged server; a cancelled request answers RequestCancelled.

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** Where errors are logged. */
export interface ErrorLog {
  error(message: string): void;
}

/** Runs `work`; on an exception logs it and returns `fallback`; on cancellation rejects with RequestCancelled. */
export async function runSafe<T>(log: ErrorLog, what: string, token: CancellationToken | undefined, fallback: T, work: () => Promise<T> | T): Promise<T> {
  if (token?.isCancellationRequested) throw cancelled();
  try {
    const result = await work();
    if (token?.isCancellationRequested) throw cancelled();
    return result;
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    log.error(`${what}: ${formatError(e)}`);
    return fallback;
  }
}

/** The error of a cancelled request. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** Formats an exception for the log (stack included: these are bugs). */
export function formatError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}
