// Files of `files:` entries: written into a fresh private directory (0700, files 0600) instead of
// shared temporary files, and removed when the owner says so, on process exit, and on SIGINT,
// SIGTERM and SIGHUP (which would otherwise end Node without running exit handlers).

import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { CliIO, CliSignal } from './io';

const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const SIGNALS: readonly CliSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** A private directory of files, removed by {@link PrivateFiles.remove}. */
export class PrivateFiles {
  private removed = false;
  private unnamed = 0;

  private constructor(readonly dir: string) {}

  /** Creates a fresh private directory under `base`. */
  static create(base: string): PrivateFiles {
    const dir = mkdtempSync(join(base, 'esc-local-'));
    chmodSync(dir, 0o700);
    return new PrivateFiles(dir);
  }

  /** Writes a file for the `files:` key `key` (named after it when it is a safe file name); returns its path. */
  write(key: string, content: string): string {
    // Generated names start with "." and so can never equal a safe key.
    const name = SAFE_NAME.test(key) ? key : `.file-${++this.unnamed}`;
    const path = join(this.dir, name);
    // `wx`: never follow or overwrite anything already there.
    writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
    return path;
  }

  /** Removes the directory and its files (idempotent). */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Removes `files` on process exit and on termination signals until the returned release function is
 * called. On a signal the process then exits with 128 + the signal number, as a shell reports it.
 */
export function removeOnExit(io: CliIO, files: PrivateFiles, onSignal?: (signal: CliSignal) => void): () => void {
  const cleanups: Array<() => void> = [io.onExit(() => files.remove())];
  for (const signal of SIGNALS) {
    cleanups.push(
      io.onSignal(signal, () => {
        if (onSignal !== undefined) return onSignal(signal);
        files.remove();
        io.exit(signalExitStatus(signal));
      }),
    );
  }
  return () => cleanups.forEach((c) => c());
}

/** The conventional exit status of a process killed by `signal` (128 + its number). */
export function signalExitStatus(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}
