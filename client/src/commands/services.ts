// What the commands work with, created once by extension.ts.

import type * as vscode from 'vscode';
import type { EnvironmentIndex } from '../environmentIndex';
import type { EscLanguageClient } from '../languageClient';
import type { OpenDocumentProvider } from '../openDocumentProvider';
import type { TerminalEnvironment } from '../terminalEnvironment';

/** The extension's long-lived parts, shared by the commands. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly client: EscLanguageClient;
  readonly index: EnvironmentIndex;
  readonly documents: OpenDocumentProvider;
  readonly terminalEnvironment: TerminalEnvironment;
}

/** Returns `value` when it is one of `allowed`. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Returns the options object a command was given, ignoring what menus pass (URIs, editor ids, arrays). */
export function optionsArg(arg: unknown): Record<string, unknown> {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !('scheme' in arg) ? (arg as Record<string, unknown>) : {};
}
