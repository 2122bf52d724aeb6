// Runs the bundled `esc-local` (dist/cli.js) as a real process, for what only a process can show:
// signals, exit statuses and temporary files left (or not) on disk.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../util/conformance';

/** Path of the bundled CLI (built by `npm run build`, which `npm test` runs first). */
export const CLI = join(repoRoot, 'dist', 'cli.js');

/** Fails clearly when the bundle is missing. */
export function requireBundle(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
}

/** A running CLI process with its collected output. */
export interface CliProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stdout contains `text`. */
  waitFor: (text: string) => Promise<void>;
  /** Resolves with the exit status (128 + n when killed by signal n is reported by us, not Node). */
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/cli.js ARGS` with exactly the given environment (no HOME: tests are hermetic). */
export function startCli(args: readonly string[], env: Record<string, string>, cwd: string): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    for (const w of waiters.splice(0)) if (out.includes(w.text)) w.resolve();
    else waiters.push(w);
  });
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (status, signal) => resolve({ status, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        if (out.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void done.then(() => reject(new Error(`process ended before printing ${JSON.stringify(text)}; stderr: ${err}`)));
      }),
    done,
  };
}
