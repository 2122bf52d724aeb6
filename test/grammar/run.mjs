#!/usr/bin/env node
// L4 grammar tests: checks syntaxes/esc.tmLanguage.json, then runs every test/grammar/*.esc.yaml
// (vscode-tmgrammar-test format: `# SYNTAX TEST "source.yaml.esc"` header, `#  ^^^ scope` assertions)
// against the grammar that package.json contributes, so a wrong manifest path fails here too.
// We drive vscode-tmgrammar-test's library instead of its CLI to get a closing count line, to
// fail (not hang) when no grammar is contributed, and to lint the grammar's rule graph first.
// (Regex syntax cannot be linted here: vscode-oniguruma accepts an invalid pattern and makes it
// match the empty string, exactly as VS Code would; the assertions catch that behaviourally.)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseGrammarTestCase, runGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index.js');
const { ConsoleFullReporter } = require('vscode-tmgrammar-test/dist/unit/reporter.js');
const { createRegistry } = require('vscode-tmgrammar-test/dist/common/index.js');

const root = new URL('../..', import.meta.url).pathname;
const here = join(root, 'test', 'grammar');

/** Returns the grammar contributed for language `esc`, with its path made absolute. */
function contributedGrammar() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const g = (pkg.contributes?.grammars ?? []).find((/** @type {{ language?: string }} */ x) => x.language === 'esc');
  if (!g) throw new Error('package.json contributes no grammar for language "esc"');
  return { ...g, path: join(root, g.path) };
}

/**
 * Lists problems vscode-textmate would hide: includes without a repository entry and repository rules never included.
 * @param {{ patterns: unknown[], repository: Record<string, unknown> }} grammar
 */
function lint(grammar) {
  const problems = [];
  const used = new Set();
  /** @type {(node: unknown, where: string) => void} */
  const walk = (node, where) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'include' && typeof v === 'string' && v.startsWith('#')) {
        used.add(v.slice(1));
        if (!(v.slice(1) in grammar.repository)) problems.push(`${where}: include ${v} has no repository entry`);
      } else walk(v, `${where}.${k}`);
    }
  };
  walk(grammar.patterns, 'patterns');
  walk(grammar.repository, 'repository');
  for (const name of Object.keys(grammar.repository)) if (!used.has(name)) problems.push(`repository.${name} is never included`);
  return problems;
}

const g = contributedGrammar();
const raw = JSON.parse(readFileSync(g.path, 'utf8'));
JSON.parse(readFileSync(join(root, 'syntaxes', 'language-configuration.json'), 'utf8'));
const problems = lint(raw);
if (problems.length) {
  for (const p of problems) console.error(`grammar lint: ${p}`);
  console.log(`grammar: 0 passed, ${problems.length} failed (lint)`);
  process.exit(1);
}

const registry = createRegistry([g]);
const reporter = new ConsoleFullReporter();
const files = readdirSync(here).filter((f) => f.endsWith('.esc.yaml')).sort();
let passed = 0;
let failed = 0;
let assertions = 0;
for (const name of files) {
  const file = join('test', 'grammar', name);
  const text = readFileSync(join(root, file), 'utf8');
  // The tool's assertion regex backtracks catastrophically on a second " - " (it allows one
  // exclusion list), which hangs instead of failing: reject such lines up front.
  const bad = text.split('\n').findIndex((l) => /^#\s*(\^|<).*\s-\s.*\s-\s/.test(l));
  if (bad >= 0) {
    console.error(`${file}:${bad + 1}: use a single " - " before all excluded scopes`);
    failed++;
    continue;
  }
  try {
    const testCase = parseGrammarTestCase(text);
    assertions += testCase.assertions.reduce((n, a) => n + a.scopeAssertions.length, 0);
    const failures = await runGrammarTestCase(registry, testCase);
    reporter.reportTestResult(file, testCase, failures);
    if (failures.length === 0) passed++;
    else failed++;
  } catch (e) {
    reporter.reportParseError(file, e);
    failed++;
  }
}
if (files.length === 0) failed++;
console.log(`grammar: ${passed} passed, ${failed} failed (${assertions} assertions in ${files.length} files)`);
process.exit(failed === 0 ? 0 : 1);
