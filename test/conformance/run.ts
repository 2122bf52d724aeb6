// Runs the reference corpus against our engine and compares field by field (used by `npm run
// conformance` and by the conformance test in `npm test`).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { encodeJSON } from '../../engine/src/util/goJson';
import type { JsonData } from '../../engine/src/index';
import { loadYAML } from '../../engine/src/index';
import { compareField, toPlain } from './compare';
import type { Divergence } from './divergences';
import { cryptCase } from './escCrypt';
import { evalCase, parseCaseDiags } from './escEval';
import { decodedJSON } from './escYaml';
import { declJSON } from './goAst';

import { setReferenceRangeRecording } from '../../engine/src/syntax/referenceRanges.js';

// Reference ranges are recorded only on request (they serve conformance comparisons only).
setReferenceRangeRecording(true);

export interface FieldResult {
  field: string;
  difference?: string;
  divergence?: Divergence;
}

export interface CaseResult {
  id: string;
  fields: FieldResult[];
}

/** Produces our document for an esc-eval or esc-parse case folder. */
export async function produce(dir: string): Promise<JsonData> {
  const suite = basename(dirname(dir));
  if (suite === 'esc-parse') {
    const loaded = loadYAML(basename(dir), new Uint8Array(readFileSync(join(dir, 'env.yaml'))));
    const diags = parseCaseDiags(dir);
    return { decl: declJSON(loaded.decl), diags: Array.isArray(diags) && diags.length === 0 ? null : diags };
  }
  return evalCase(dir);
}

export function compareCase(id: string, expected: Record<string, unknown>, actual: unknown, divergences: Divergence[]): CaseResult {
  const ours = (toPlain(actual) ?? {}) as Record<string, unknown>;
  const fields: FieldResult[] = [];
  // rotateJson is not compared: the reference harness mistakenly re-checks checkJson (spec §14.3).
  const names = [...new Set([...Object.keys(expected), ...Object.keys(ours)])].filter((f) => f !== 'rotateJson');
  for (const field of names) {
    const difference = compareField(field, expected[field], ours[field]);
    const divergence = divergences.find((d) => d.case === id && d.field === field);
    const r: FieldResult = { field };
    if (difference !== undefined) r.difference = difference;
    if (divergence !== undefined) r.divergence = divergence;
    fields.push(r);
  }
  return { id, fields };
}

/** Runs every case of the corpus at `root` and compares it with the reference. */
export async function runConformance(root: string, divergences: Divergence[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const suite of ['esc-eval', 'esc-parse']) {
    for (const name of subdirs(join(root, suite))) {
      const dir = join(root, suite, name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, unknown>;
      results.push(compareCase(`${suite}/${name}`, expected, await produce(dir), divergences));
    }
  }
  for (const name of subdirs(join(root, 'esc-yaml', 'yaml'))) {
    const dir = join(root, 'esc-yaml', 'yaml', name);
    const expected = JSON.parse(readFileSync(join(dir, 'decoded.json'), 'utf8')) as Record<string, unknown>;
    delete expected['encodeDiags'];
    results.push(compareCase(`esc-yaml/${name}`, expected, decodedJSON(name, readFileSync(join(dir, 'doc.yaml'), 'utf8')), divergences));
  }
  const crypt = join(root, 'esc-crypt');
  for (const f of readdirSync(crypt).filter((f) => f.endsWith('.plaintext.yaml')).sort()) {
    const name = f.slice(0, -'.plaintext.yaml'.length);
    const plaintext = readFileSync(join(crypt, f), 'utf8');
    const ciphertext = readFileSync(join(crypt, `${name}.ciphertext.yaml`), 'utf8');
    const ours = cryptCase(plaintext, ciphertext);
    results.push(compareCase(`esc-crypt/${name}`, { encrypt: ciphertext, decrypt: plaintext }, { encrypt: ours.encrypted, decrypt: ours.decrypted }, divergences));
  }
  return results;
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort();
}

export function render(doc: JsonData): string {
  const r = encodeJSON(doc, { indent: '    ' });
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

