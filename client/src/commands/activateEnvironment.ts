// ESC: Use Environment in Terminals (`esc.activateEnvironment`) and ESC: Stop Using Environment in
// Terminals (`esc.clearEnvironment`). Activating needs a trusted workspace (it opens providers and
// writes the environment's files); clearing is always allowed.
//
// Arguments of activate: (target?). Both return the name of the environment in use afterwards, if any.

import * as vscode from 'vscode';
import { resolveTarget } from '../environmentTarget';
import { requireTrust } from '../trust';
import type { Services } from './services';

/** Registers the activate and clear commands. */
export function registerActivateCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('esc.activateEnvironment', (arg?: unknown) => activate(services, arg)),
    vscode.commands.registerCommand('esc.clearEnvironment', () => {
      services.terminalEnvironment.clear();
      return undefined;
    }),
  );
}

async function activate(services: Services, arg: unknown): Promise<string | undefined> {
  if (!requireTrust('Use Environment in Terminals')) return services.terminalEnvironment.active?.ref.label;
  const ref = await resolveTarget(arg, services.index, 'use in terminals');
  if (ref === undefined) return services.terminalEnvironment.active?.ref.label;
  const error = await services.terminalEnvironment.activate(ref);
  if (error !== undefined) void vscode.window.showErrorMessage(`ESC: ${error}`);
  else void vscode.window.showInformationMessage(`ESC: new terminals use ${ref.label}. Existing terminals keep their variables until they are relaunched.`);
  return services.terminalEnvironment.active?.ref.label;
}
