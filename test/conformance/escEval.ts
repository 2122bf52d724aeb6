// Produces, for one esc-eval (or esc-parse) case folder, the document the reference harness writes to
// expected.json — with our engine, the test providers and rot128, ranges projected to the reference's
// coordinates.

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  NumberText,
  checkEnvironment,
  diagnosticToJSON,
  environmentToJSON,
  evalEnvironment,
  loadYAML,
  referenceRange,
  referenceSubject,
  rotateEnvironment,
  valueToJSON,
  valueToModelJSON,
  type Diagnostic,
  type Environment,
  type JsonData,
  type ModelJSONOptions,
  type PlainValue,
  type Value,
} from '../../engine/src/index';
import { rot128 } from '../hosts/rot128';
import { testProviders } from '../hosts/testProviders';
import { caseLoader, readOverrides } from './caseHost';

import { setReferenceRangeRecording } from '../../engine/src/syntax/referenceRanges.js';

// Reference ranges are recorded only on request (they serve conformance comparisons only).
setReferenceRangeRecording(true);

const zero = { line: 0, column: 0, byte: 0 };
const referenceOptions: ModelJSONOptions = {
  range: (r) => referenceRange(r) ?? { environment: r.environment, begin: zero, end: zero },
  subject: referenceSubject,
};

/** The execution context of the reference harness. */
export const testContext = (): Map<string, PlainValue> => new Map([['pulumi', new Map([['user', new Map<string, PlainValue>([['id', 'USER_123']])]])]]);

/** How a case is run: ranges projected to the reference's coordinates (the corpus) or true (our fixtures). */
export interface CaseOptions {
  ranges: 'reference' | 'true';
}

/** Runs one esc-eval case and returns its fields (empty ones omitted), as JSON data. */
export async function evalCase(caseDir: string, options: CaseOptions = { ranges: 'reference' }): Promise<Map<string, JsonData>> {
  const reference = options.ranges === 'reference' ? referenceOptions : {};
  const caseName = basename(caseDir);
  const overrides = readOverrides(caseDir);
  const name = overrides.rootEnvironment ?? caseName;
  const bytes = new Uint8Array(readFileSync(join(caseDir, 'env.yaml')));
  const loaded = loadYAML(name, bytes);
  const host = { environments: caseLoader(caseDir, caseName), providers: testProviders(), decrypter: rot128 };
  const context = testContext();
  const out = new Map<string, JsonData>();
  const put = (k: string, v: JsonData | undefined) => {
    if (v !== undefined && v !== null) out.set(k, v);
  };
  const diags = (ds: readonly Diagnostic[]) => (ds.length === 0 ? undefined : ds.map((d) => diagnosticToJSON(d, reference)));
  const env = (e: Environment | undefined) => (e === undefined ? undefined : environmentToJSON(e, reference));
  put('loadDiags', diags(loaded.diagnostics));
  const check = checkEnvironment(name, loaded.decl, host, { context, showSecrets: overrides.showSecrets === true });
  put('checkDiags', diags(check.diagnostics));
  put('check', env(check.environment));
  put('checkJson', propertiesJSON(check.environment, true));
  const evaluated = await evalEnvironment(name, loaded.decl, host, { context });
  put('evalDiags', diags(evaluated.diagnostics));
  put('eval', env(evaluated.environment));
  put('evalJsonRedacted', propertiesJSON(evaluated.environment, true));
  put('evalJSONRevealed', propertiesJSON(evaluated.environment, false));
  if (overrides.rotate) {
    const rotated = await rotateEnvironment(name, loaded.decl, host, { context, rotatePaths: overrides.rotatePaths ?? [] });
    put('rotateDiags', diags(rotated.diagnostics));
    put('rotate', env(rotated.environment));
    put('rotateJson', propertiesJSON(rotated.environment, true));
    if (rotated.patches.length > 0) {
      put(
        'rotatePatches',
        rotated.patches.map((p) => ({ DocPath: p.docPath, Replacement: valueToModelJSON(p.replacement, reference) })),
      );
    }
  }
  return out;
}

/** Runs one esc-parse case: load diagnostics only (the reference's `decl` dump is projected separately). */
export function parseCaseDiags(caseDir: string): JsonData {
  const name = basename(caseDir);
  const loaded = loadYAML(name, new Uint8Array(readFileSync(join(caseDir, 'env.yaml'))));
  return loaded.diagnostics.map((d) => diagnosticToJSON(d, referenceOptions));
}

function propertiesJSON(e: Environment | undefined, redact: boolean): JsonData | undefined {
  if (e === undefined || e.properties === undefined) return undefined;
  const whole: Value = { value: e.properties, trace: { def: { environment: '', begin: zero, end: zero } } };
  return valueToJSON(whole, redact) as JsonData;
}

export { NumberText };
