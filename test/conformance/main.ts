// `npm run conformance`: runs the reference corpus (esc-eval, esc-parse, esc-yaml decoding, esc-crypt)
// against our engine and prints a per-case, per-field table and `N passed, N failed`.
// `npm run --silent conformance -- --case DIR` prints our document for one case folder instead.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { encodeJSON, type JsonData } from '../../engine/src/util/goJson';
import { conformanceAbsent, conformanceDir } from '../util/conformance';
import { compareField } from './compare';
import { loadDivergences, type Divergence } from './divergences';
import { cryptCase } from './escCrypt';
import { evalCase, parseCaseDiags } from './escEval';
import { decodedJSON } from './escYaml';
import { declJSON } from './goAst';
import { loadYAML } from '../../engine/src/index';

interface FieldResult {
  field: string;
  difference?: string;
  divergence?: Divergence;
}

interface CaseResult {
  id: string;
  fields: FieldResult[];
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const caseIndex = args.indexOf('--case');
  if (caseIndex >= 0) {
    const dir = args[caseIndex + 1];
    if (!dir || !existsSync(dir)) {
      process.stderr.write(`conformance: --case needs an existing case folder\n`);
      return 2;
    }
    process.stdout.write(render(await produce(resolve(dir))) + '\n');
    return 0;
  }
  const root = conformanceDir();
  if (root === undefined) {
    console.log(conformanceAbsent);
    return 0;
  }
  const verbose = args.includes('--verbose');
  const divergences = loadDivergences();
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
  return report(results, divergences, verbose);
}

/** Produces our document for an esc-eval or esc-parse case folder. */
async function produce(dir: string): Promise<Record<string, unknown>> {
  const suite = basename(dirname(dir));
  if (suite === 'esc-parse') {
    const loaded = loadYAML(basename(dir), new Uint8Array(readFileSync(join(dir, 'env.yaml'))));
    return toPlain({ decl: declJSON(loaded.decl), diags: parseCaseDiags(dir) ?? null }) as Record<string, unknown>;
  }
  const fields = await evalCase(dir);
  return toPlain(fields) as Record<string, unknown>;
}

function compareCase(id: string, expected: Record<string, unknown>, actual: Record<string, unknown> | unknown, divergences: Divergence[]): CaseResult {
  const ours = (toPlain(actual as JsonData) ?? {}) as Record<string, unknown>;
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

function report(results: CaseResult[], divergences: Divergence[], verbose: boolean): number {
  let passed = 0;
  let failed = 0;
  let diverged = 0;
  const width = Math.max(...results.map((r) => r.id.length));
  for (const r of results) {
    const cells = r.fields.map((f) => {
      if (f.difference === undefined) {
        passed++;
        return `${f.field} ok`;
      }
      if (f.divergence) {
        diverged++;
        return `${f.field} DIVERGES`;
      }
      failed++;
      return `${f.field} FAIL`;
    });
    console.log(`${r.id.padEnd(width)}  ${cells.join('  ')}`);
    for (const f of r.fields) {
      if (f.difference === undefined) continue;
      if (f.divergence) {
        if (verbose) console.log(`    ~ ${f.field}: ${f.divergence.reason}`);
      } else console.log(`    ✗ ${f.difference}`);
    }
  }
  const stale = divergences.filter((d) => !results.some((r) => r.id === d.case && r.fields.some((f) => f.field === d.field && f.difference !== undefined)));
  for (const d of stale) console.log(`note: documented divergence ${d.case} ${d.field} no longer differs`);
  console.log(`${results.length} cases; fields: ${diverged} diverged (documented in test/conformance/divergences.json)`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort();
}

/** Encodes JSON data with Go's rules and parses it back to plain JS values. */
function toPlain(v: JsonData | Map<string, JsonData> | Record<string, unknown>): unknown {
  const r = encodeJSON(v as JsonData, {});
  if (!r.ok) throw new Error(r.error);
  return JSON.parse(r.text);
}

function render(doc: unknown): string {
  return JSON.stringify(doc, null, 4);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
