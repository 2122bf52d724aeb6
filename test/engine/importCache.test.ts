// The import cache: checks reuse the evaluation of unchanged imports, give the same results as
// without the cache, and re-evaluate an import as soon as one of its documents changes.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ImportCache,
  checkEnvironment,
  diagnosticToJSON,
  environmentToJSON,
  loadYAML,
  type EnvironmentLoader,
  type LoadedDocument,
  type ProviderLoader,
} from '../../engine/src/index';
import { encodeJSON } from '../../engine/src/util/goJson';
import { rot128 } from '../hosts/rot128';
import { testProviders } from '../hosts/testProviders';
import { repoRoot } from '../util/conformance';
import { testContext } from '../conformance/escEval';

/** A loader over in-memory texts that parses each text once (the same document object while unchanged). */
function memoryLoader(texts: Map<string, string>): EnvironmentLoader & { set(name: string, text: string): void } {
  const parsed = new Map<string, { text: string; doc: LoadedDocument }>();
  return {
    set: (name, text) => void texts.set(name, text),
    loadEnvironment(name) {
      const text = texts.get(name);
      if (text === undefined) throw new Error(`environment ${JSON.stringify(name)} not found`);
      let p = parsed.get(name);
      if (p === undefined || p.text !== text) parsed.set(name, (p = { text, doc: loadYAML(name, text) }));
      return { source: p.doc, decrypter: rot128 };
    },
  };
}

function countingProviders(): ProviderLoader & { loads: number } {
  const inner = testProviders();
  const counter = {
    loads: 0,
    loadProvider(name: string) {
      counter.loads++;
      return inner.loadProvider(name);
    },
    loadRotator(name: string) {
      return inner.loadRotator(name);
    },
  };
  return counter;
}

function render(result: ReturnType<typeof checkEnvironment>): string {
  const r = encodeJSON(
    new Map<string, unknown>([
      ['diagnostics', result.diagnostics.map((d) => diagnosticToJSON(d))],
      ['environment', result.environment ? environmentToJSON(result.environment) : null],
    ]) as never,
  );
  assert.ok(r.ok);
  return r.text;
}

const fixtures = join(repoRoot, 'test', 'engine', 'fixtures');

test('with and without the cache, and on a second check, fixtures give the same results', () => {
  for (const name of readdirSync(fixtures).sort()) {
    const dir = join(fixtures, name);
    const files = new Map<string, string>();
    const walk = (d: string, prefix: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p, `${prefix}${f}/`);
        else if (f.endsWith('.yaml')) files.set(prefix + f.slice(0, -5), readFileSync(p, 'utf8'));
      }
    };
    walk(dir, '');
    if (![...files.values()].some((t) => /imports:|environments\./.test(t))) continue;
    const loader = memoryLoader(files);
    const root = loadYAML(name, files.get('env')!);
    const host = { environments: loader, providers: testProviders(), decrypter: rot128 };
    const context = testContext();
    const plain = render(checkEnvironment(name, root.decl, host, { context }));
    const cache = new ImportCache();
    assert.equal(render(checkEnvironment(name, root.decl, host, { context, importCache: cache })), plain, `${name}: first check with the cache`);
    assert.equal(render(checkEnvironment(name, root.decl, host, { context, importCache: cache })), plain, `${name}: second check, from the cache`);
  }
});

test('unchanged imports are not evaluated again; a changed import is', () => {
  const texts = new Map([
    ['base', 'values:\n  creds:\n    fn::open::test: {user: alice}\n  region: us-west-2\n'],
    ['mid', 'imports: [base]\nvalues:\n  where: ${region}\n'],
  ]);
  const loader = memoryLoader(texts);
  const providers = countingProviders();
  const cache = new ImportCache();
  const root = loadYAML('env', 'imports: [mid]\nvalues:\n  x: ${where}\n  y: ${creds.user}\n');
  const check = () => checkEnvironment('env', root.decl, { environments: loader, providers }, { importCache: cache });
  const first = check();
  assert.deepEqual(first.diagnostics, []);
  assert.equal(providers.loads, 1, 'the import loads its provider');
  check();
  assert.equal(providers.loads, 1, 'the second check reuses the evaluated import');
  loader.set('base', 'values:\n  creds:\n    fn::open::test: {user: bob}\n  region: eu-west-1\n');
  const changed = check();
  assert.equal(providers.loads, 2, 'a change in a transitive import evaluates it again');
  assert.equal(changed.environment!.properties!.get('x')!.value, 'eu-west-1');
});

test('another root name, context or show-secrets setting does not reuse an evaluation', () => {
  const loader = memoryLoader(new Map([['base', 'values:\n  me: ${context.rootEnvironment.name}\n']]));
  const cache = new ImportCache();
  const doc = 'imports: [base]\nvalues:\n  x: ${me}\n';
  const a = checkEnvironment('a', loadYAML('a', doc).decl, { environments: loader }, { importCache: cache });
  const b = checkEnvironment('b', loadYAML('b', doc).decl, { environments: loader }, { importCache: cache });
  assert.equal(a.environment!.properties!.get('x')!.value, 'a');
  assert.equal(b.environment!.properties!.get('x')!.value, 'b');
});

test('evaluations that met a cycle are not cached', () => {
  const loader = memoryLoader(
    new Map([
      ['a', 'imports: [b]\nvalues:\n  a: 1\n'],
      ['b', 'imports: [a]\nvalues:\n  b: 2\n'],
    ]),
  );
  const cache = new ImportCache();
  const ab = checkEnvironment('env', loadYAML('env', 'imports: [a, b]\nvalues: {}\n').decl, { environments: loader }, { importCache: cache });
  const ba = checkEnvironment('env', loadYAML('env', 'imports: [b, a]\nvalues: {}\n').decl, { environments: loader }, { importCache: cache });
  const fresh = checkEnvironment('env', loadYAML('env', 'imports: [b, a]\nvalues: {}\n').decl, { environments: loader });
  assert.deepEqual(ba.diagnostics, fresh.diagnostics);
  assert.ok(ab.diagnostics.some((d) => d.summary === 'cyclic import of a'));
});
