// Shared helpers of the catalogue and provider tests: load and evaluate small documents with the
// catalogue's provider loader, and locate positions by substring (never by counting columns).

import assert from 'node:assert/strict';
import {
  checkEnvironment,
  evalEnvironment,
  lintEnvironment,
  loadYAML,
  NumberText,
  rotateEnvironment,
  type Diagnostic,
  type EvaluationHost,
  type EvaluationResult,
  type RotationEvaluationResult,
  type Value,
} from '../../engine/src/index';
import { createProviderLoader, type ProviderLoaderOptions } from '../../server/src/host/providers/index';
import { offsetOf } from '../util/markers';

/** The name every test document is evaluated as. */
export const DOC = 'test';

/** A diagnostic reduced to what tests compare: severity, message and start position. */
export interface Found {
  severity: string;
  summary: string;
  line?: number;
  column?: number;
  code?: string;
}

/** Environments a test makes importable, by name. */
export type Imports = Record<string, string>;

function host(mode: 'check' | 'eval', imports: Imports, options: Partial<ProviderLoaderOptions>): EvaluationHost {
  return {
    providers: createProviderLoader({ ...options, mode }),
    environments: {
      loadEnvironment(name: string) {
        const text = imports[name];
        if (text === undefined) throw new Error(`environment ${JSON.stringify(name)} not found`);
        return { source: text };
      },
    },
  };
}

function load(text: string) {
  const doc = loadYAML(DOC, text);
  assert.deepEqual(doc.diagnostics.filter((d) => d.severity === 'error'), [], 'the test document loads');
  return doc;
}

/** Checks a document with the catalogue's loader; returns the result and the catalogue lints. */
export function check(text: string, imports: Imports = {}): EvaluationResult & { lints: Diagnostic[] } {
  const r = checkEnvironment(DOC, load(text).decl, host('check', imports, {}));
  return { ...r, lints: lintEnvironment(r.environment) };
}

/** Evaluates a document (Eval mode) with the catalogue's loader. */
export function evaluate(text: string, options: Partial<ProviderLoaderOptions> = {}, imports: Imports = {}): Promise<EvaluationResult> {
  return evalEnvironment(DOC, load(text).decl, host('eval', imports, options));
}

/** Rotates a document's rotators (all, or those at `paths`). */
export function rotate(text: string, paths: string[] = [], options: Partial<ProviderLoaderOptions> = {}): Promise<RotationEvaluationResult> {
  return rotateEnvironment(DOC, load(text).decl, host('eval', {}, options), { rotatePaths: paths });
}

/** Returns the 1-based line and column (in code points) where `marker` starts in `text` (its `nth` occurrence). */
export function at(text: string, marker: string, nth = 0): { line: number; column: number } {
  const i = offsetOf(text, marker, nth);
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return { line, column };
}

/** Reduces diagnostics for comparison. */
export function found(diags: readonly Diagnostic[]): Found[] {
  return diags.map((d) => {
    const f: Found = { severity: d.severity, summary: d.summary };
    if (d.range) {
      f.line = d.range.begin.line;
      f.column = d.range.begin.column;
    }
    if (d.code !== undefined) f.code = d.code;
    return f;
  });
}

/** An expected diagnostic at a marker. */
export function expectAt(text: string, marker: string, summary: string, severity = 'error', code?: string, nth = 0): Found {
  const f: Found = { severity, summary, ...at(text, marker, nth) };
  if (code !== undefined) f.code = code;
  return f;
}

/** Joins YAML lines. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/**
 * Turns an evaluated value into comparable JS data: objects, arrays, numbers as their text, and
 * secret scalars as `{ secret: x }` (so tests see what is masked); unknowns are `'<unknown>'`.
 */
export function shown(v: Value | undefined): unknown {
  if (v === undefined) return undefined;
  if (v.unknown) return '<unknown>';
  const p = v.value;
  let out: unknown;
  if (p instanceof Map) out = Object.fromEntries([...p].map(([k, x]) => [k, shown(x)]));
  else if (Array.isArray(p)) out = p.map(shown);
  else if (p instanceof NumberText) out = p.text;
  else out = p ?? null;
  return v.secret && !(p instanceof Map) && !Array.isArray(p) ? { secret: out } : out;
}

/** The evaluated value at a top-level key. */
export function valueOf(r: EvaluationResult, key: string): Value | undefined {
  return r.environment?.properties?.get(key);
}
