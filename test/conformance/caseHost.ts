// The reference harness's host for one esc-eval case folder (spec §14.1): environments are the case's
// files, loader errors use the reference's OS error text, every document gets the rot128 decrypter.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentLoader } from '../../engine/src/index';
import { rot128 } from '../hosts/rot128';

/** Returns the environment loader of a case folder named `caseName`. */
export function caseLoader(caseDir: string, caseName: string): EnvironmentLoader {
  return {
    loadEnvironment(name: string) {
      const file = join(caseDir, `${name}.yaml`);
      if (!existsSync(file)) throw new Error(`open testdata/eval/${caseName}/${name}.yaml: no such file or directory`);
      return { source: new Uint8Array(readFileSync(file)), decrypter: rot128 };
    },
  };
}

/** Overrides of a case (`overrides.json`). */
export interface CaseOverrides {
  showSecrets?: boolean;
  rootEnvironment?: string;
  rotate?: boolean;
  rotatePaths?: string[];
}

/** Reads a case's overrides, if any. */
export function readOverrides(caseDir: string): CaseOverrides {
  const f = join(caseDir, 'overrides.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as CaseOverrides) : {};
}
