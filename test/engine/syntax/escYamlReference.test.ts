// Reference cases: decodes the esc-yaml corpus and compares with decoded.json through the
// reference projection (ranges on line and column), and checks that every expression and key range
// of the esc-eval goldens is the reference range of one of our syntax nodes.

import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeYAML, referenceRange, type SyntaxNode } from '../../../engine/src/syntax/index.js';
import { compareField } from '../../conformance/compare.js';
import { decodedJSON } from '../../conformance/escYaml.js';
import { conformanceAbsent, conformanceDir } from '../../util/conformance.js';

import { setReferenceRangeRecording } from '../../../engine/src/syntax/referenceRanges.js';

// Reference ranges are recorded only on request (they serve conformance comparisons only).
setReferenceRangeRecording(true);

const corpus = conformanceDir();

test('esc-yaml: decoded.json (syntax tree and diagnostics)', (t) => {
  const dir = corpus && join(corpus, 'esc-yaml', 'yaml');
  if (!dir || !existsSync(dir)) return t.skip(conformanceAbsent);
  const cases = readdirSync(dir).sort();
  assert.ok(cases.length > 0);
  for (const name of cases) {
    const expected = JSON.parse(readFileSync(join(dir, name, 'decoded.json'), 'utf8')) as Record<string, unknown>;
    const actual = decodedJSON(name, readFileSync(join(dir, name, 'doc.yaml'), 'utf8')) as Record<string, unknown>;
    for (const field of ['syntax', 'diags']) assert.equal(compareField(field, expected[field], actual[field]), undefined, `${name}: ${field}`);
  }
});

interface GoRange {
  environment: string;
  begin: { line: number; column: number };
  end: { line: number; column: number };
}

test('esc-eval: expression and key ranges are reference ranges of syntax nodes', (t) => {
  const root = corpus && join(corpus, 'esc-eval');
  if (!root || !existsSync(root)) return t.skip(conformanceAbsent);
  let checked = 0;
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const overrides = existsSync(join(dir, 'overrides.json')) ? (JSON.parse(readFileSync(join(dir, 'overrides.json'), 'utf8')) as { rootEnvironment?: string }) : {};
    const ours = new Map<string, Set<string>>();
    for (const [file, env] of yamlFiles(dir, '')) {
      const envName = env === 'env' ? (overrides.rootEnvironment ?? name) : env;
      ours.set(envName, nodeRanges(decodeYAML(envName, readFileSync(file)).node));
    }
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, { exprs?: Record<string, unknown> }>;
    for (const field of ['check', 'eval']) {
      for (const r of exprRanges(expected[field]?.exprs)) {
        // Expressions the evaluator synthesises have zero ranges and no syntax node.
        if (r.begin.line === 0) continue;
        checked++;
        assert.ok(ours.get(r.environment)?.has(key(r)), `${name}/${field}: no node at ${r.environment}:${key(r)}`);
      }
    }
  }
  assert.ok(checked > 1000, `only ${checked} ranges checked`);
});

function key(r: GoRange): string {
  return `${r.begin.line}:${r.begin.column}-${r.end.line}:${r.end.column}`;
}

function yamlFiles(dir: string, prefix: string): [string, string][] {
  const out: [string, string][] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p, prefix + f + '/'));
    else if (f.endsWith('.yaml')) out.push([p, prefix + f.slice(0, -5)]);
  }
  return out;
}

function nodeRanges(node: SyntaxNode | undefined): Set<string> {
  const out = new Set<string>();
  const stack = node ? [node] : [];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const r = referenceRange(n.range);
    if (r) out.add(key(r));
    if (n.kind === 'object') for (const e of n.entries) stack.push(e.key, e.value);
    if (n.kind === 'array') stack.push(...n.elements);
  }
  return out;
}

/** Ranges of exported expressions (`range`) and their object keys (`keyRanges`), recursively. */
function exprRanges(exprs: Record<string, unknown> | undefined): GoRange[] {
  const out: GoRange[] = [];
  const visit = (e: unknown): void => {
    if (e === null || typeof e !== 'object') return;
    const x = e as { range?: GoRange; keyRanges?: Record<string, GoRange>; object?: Record<string, unknown>; list?: unknown[]; builtin?: { arg?: unknown } };
    if (x.range) out.push(x.range);
    for (const r of Object.values(x.keyRanges ?? {})) out.push(r);
    for (const v of Object.values(x.object ?? {})) visit(v);
    for (const v of x.list ?? []) visit(v);
    visit(x.builtin?.arg);
  };
  for (const v of Object.values(exprs ?? {})) visit(v);
  return out;
}
