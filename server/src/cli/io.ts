// Everything the CLI takes from its process, gathered in one injectable value so that commands run
// unchanged in-process (tests, and later the VS Code commands) and in the `esc-local` binary.

import { tmpdir } from 'node:os';
import type { Writable } from 'node:stream';
import type { Decrypter } from '../../../engine/src/index';
import { workspaceProviders, type ProviderMode, type WorkspaceProviders } from './providerLoader';

/** Signals the CLI reacts to (forwarded to `run`'s child; temporary files are removed). */
export type CliSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** The process surroundings of a CLI invocation. */
export interface CliIO {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory in which private temporary directories are created. */
  readonly tmpdir: string;
  /** True when stdout/stderr are the process's own, so `run` may hand them to the child directly. */
  readonly inheritStdio: boolean;
  /** Provider loader of a workspace root for a mode: check (schemas only) or eval (providers run). */
  readonly providers: (mode: ProviderMode, root: string) => WorkspaceProviders;
  /** Decrypter of `fn::secret: {ciphertext: …}`; absent locally unless a test supplies one. */
  readonly decrypter?: Decrypter;
  /** Subscribes to a signal; returns the unsubscribe function. */
  readonly onSignal: (signal: CliSignal, handler: () => void) => () => void;
  /** Ends the process at once (after a termination signal). */
  readonly exit: (status: number) => void;
  /** Registers a synchronous last-chance cleanup for process exit; returns the unregister function. */
  readonly onExit: (handler: () => void) => () => void;
}

/** Returns the IO of the real process. */
export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    tmpdir: tmpdir(),
    inheritStdio: true,
    providers: workspaceProviders,
    onSignal(signal, handler) {
      process.on(signal, handler);
      return () => process.off(signal, handler);
    },
    exit(status) {
      process.exit(status);
    },
    onExit(handler) {
      process.on('exit', handler);
      return () => process.off('exit', handler);
    },
  };
}
