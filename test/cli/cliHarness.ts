// Runs the CLI in-process with captured output, as the binary would run it, with injected providers
// and decrypter (the reference harness's test providers; never shipped).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { ProviderLoader } from '../../engine/src/index';
import type { CliIO } from '../../server/src/cli/io';
import { workspaceProviders, type ProviderMode } from '../../server/src/cli/providerLoader';
import { runCli } from '../../server/src/cli/main';
import { rot128 } from '../hosts/rot128';
import { testProviders } from '../hosts/testProviders';

/** What a CLI invocation printed and returned. */
export interface CliOutcome {
  stdout: string;
  stderr: string;
  status: number;
}

/** Options of an in-process invocation. */
export interface InProcessOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  tmpdir: string;
  /** Use the reference harness's test providers (`test`, also as aws-login/azure-login/gcp-login) and rot128. */
  testHost?: boolean;
}

/** The reference CLI harness's providers: the test providers, with `test` also under the login names. */
export function referenceCliProviders(): ProviderLoader {
  const base = testProviders();
  const aliases = new Set(['aws-login', 'azure-login', 'gcp-login']);
  return {
    loadProvider: (name) => base.loadProvider(aliases.has(name) ? 'test' : name),
    loadRotator: (name) => base.loadRotator(name),
  };
}

/** Runs `esc-local ARGV` in this process. */
export async function runInProcess(argv: readonly string[], o: InProcessOptions): Promise<CliOutcome> {
  const stdout = collect();
  const stderr = collect();
  const providers = o.testHost ? (_mode: ProviderMode, _root: string) => ({ loader: referenceCliProviders(), diagnostics: [] }) : workspaceProviders;
  const io: CliIO = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    cwd: o.cwd,
    env: o.env ?? { PATH: process.env['PATH'] },
    tmpdir: o.tmpdir,
    inheritStdio: false,
    providers,
    ...(o.testHost ? { decrypter: rot128 } : {}),
    onSignal: () => () => undefined,
    onExit: () => () => undefined,
    exit: (status) => {
      throw new Error(`unexpected exit ${status}`);
    },
  };
  const status = await runCli(argv, io);
  return { stdout: stdout.text(), stderr: stderr.text(), status };
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** A scratch directory removed by `dispose`. */
export interface Scratch {
  dir: string;
  write(rel: string, text: string): string;
  dispose(): void;
}

/** Creates a scratch directory (under the system temp dir; tests never touch the home directory). */
export function scratch(prefix = 'esc-local-test-'): Scratch {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(rel, text) {
      const p = join(dir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
      return p;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
